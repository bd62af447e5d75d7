import { run as ch6MultichannelConv } from '../chapters/ch6-multichannel-conv.js';
import { run as ch6PoolingActivations } from '../chapters/ch6-pooling-activations.js';
import { run as ch7CharLmStateful } from '../chapters/ch7-char-lm-stateful.js';
import { run as charLmBptt } from '../chapters/char-lm-bptt.js';
import { run as convolution } from '../chapters/convolution.js';
import { run as convolutionNetwork } from '../chapters/convolution-network.js';
import { run as gradientTape } from '../chapters/gradient-tape.js';
import { run as kerasApi } from '../chapters/keras-api.js';
import { run as rnn } from '../chapters/rnn.js';
import { run as sentimentBiLstm } from '../chapters/sentiment-bilstm.js';
import { run as sentimentTransformer } from '../chapters/sentiment-transformer.js';
import { run as smsSpam } from '../chapters/sms-spam.js';
import { run as transformerBlock } from '../chapters/transformer-block.js';
import type { CourseProgram } from './course-program.js';

/**
 * The programs of the course's chapters 5–7 (the Keras API, convolution, recurrent networks),
 * in the course's order. Where the course prints a value the check holds it; where it prints
 * none (the trained models) the check holds Horn's seeded value, so that a change shows.
 * @example for (const p of chapters5to7) console.log(p.section, p.name);
 */
export const chapters5to7: readonly CourseProgram[] = [
  {
    section: '5.2–5.7',
    title: 'The Keras API: Sequential, functional, training, custom layers, saving, preprocessing',
    name: 'keras-api',
    run: kerasApi,
    checks: [{ key: 'testAccuracy', expected: 0.878, tolerance: 0.02 }],
  },
  {
    section: '6.1',
    title: 'Convolution: 1-D and 2-D, padding, filters, pooling',
    name: 'convolution',
    run: convolution,
    checks: [
      { key: 'flip', expected: [3, 5, 1, 2] },
      { key: 'convolveValid', expected: [63, 48, 49, 28, 21, 20] },
      { key: 'correlateValid', expected: [48, 57, 24, 25, 16, 39] },
      { key: 'correlateFull', expected: [6, 34, 51, 48, 57, 24, 25, 16, 39, 29, 13, 10] },
      { key: 'correlateSame', expected: [34, 51, 48, 57, 24, 25, 16, 39, 29] },
      {
        key: 'conv2dSame',
        expected: [
          [12, 16, 9],
          [24, 28, 15],
          [15, 17, 9],
        ],
      },
      {
        key: 'maxPool',
        expected: [
          [5, 7],
          [13, 15],
        ],
      },
    ],
  },
  {
    section: '6.1',
    title: "Multi-channel convolution: the course's 5x5x3 image with one and two 3x3x3 filters; strides; Conv1D; axes",
    name: 'ch6-multichannel-conv',
    run: ch6MultichannelConv,
    checks: [
      {
        key: 'one filter, valid #1',
        expected: [
          [3, -1, 3],
          [-2, 0, 2],
          [1, 3, 4],
        ],
      },
      {
        key: 'two filters, valid #2',
        expected: [
          [7, 5, 7],
          [2, 6, 7],
          [5, 7, 8],
        ],
      },
      {
        key: 'two filters, strides 2, valid #2',
        expected: [
          [7, 7],
          [5, 8],
        ],
      },
      { key: 'conv1d same', expected: [51, 48, 57, 24, 25, 16, 39, 29, 13] },
      { key: 'transpose (2,0,1)', expected: [0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11] },
    ],
  },
  {
    section: '6.1',
    title: 'Pooling (max and average, strides 1 and 2) and the activations sigmoid, tanh, ReLU with derivatives',
    name: 'ch6-pooling-activations',
    run: ch6PoolingActivations,
    checks: [
      { key: "max 2x2 stride 1 'valid' on [[4,3],[2,1]]", expected: [[4]] },
      {
        key: 'max 2x2 stride 2 on arange(16)',
        expected: [
          [5, 7],
          [13, 15],
        ],
      },
      {
        key: 'average 2x2 stride 2 on 1..16',
        expected: [
          [3.5, 5.5],
          [11.5, 13.5],
        ],
      },
      {
        key: "sigmoid'",
        expected: [0.0176627, 0.1049936, 0.1966119, 0.25, 0.1966119, 0.1049936, 0.0176627],
        tolerance: 1e-6,
      },
    ],
  },
  {
    section: '6.2',
    title: 'GradientTape: derivatives of the course (5, 14, 29) and a logistic step',
    name: 'gradient-tape',
    run: gradientTape,
    checks: [
      { key: 'dydx', expected: [5, 14, 29], tolerance: 1e-6 },
      { key: 'dJdw', expected: -8, tolerance: 1e-6 },
      { key: 'dJdb', expected: -4, tolerance: 1e-6 },
    ],
  },
  {
    section: '6.2',
    title:
      "The ConvolutionNetwork class on Fashion-MNIST, the course's recipe then Horn's (course: 0.87725 on 48,000 images; here 1,600)",
    name: 'convolution-network',
    run: convolutionNetwork,
    checks: [
      { key: 'courseFirstLoss', expected: 2.2348, tolerance: 2e-3 },
      { key: 'courseValAccuracy', expected: 0.73, tolerance: 0.02, fullOnly: true },
      { key: 'firstLoss', expected: 1.4201, tolerance: 2e-3 },
      { key: 'valAccuracy', expected: 0.8425, tolerance: 0.02, fullOnly: true },
    ],
  },
  {
    section: '7.2',
    title: 'RNN step and BPTT by hand vs GradientTape; a SimpleRNN sentiment model',
    name: 'rnn',
    run: rnn,
    checks: [
      { key: 'dbTape', expected: [3.0220344, 1.2903906], tolerance: 1e-5 },
      { key: 'dbCourse', expected: [3.0220344, 1.2903906], tolerance: 1e-5 },
      { key: 'valAccuracy', expected: 0.7733, tolerance: 0.03 },
    ],
  },
  {
    section: '7.2',
    title: 'A character language model trained with truncated BPTT (an LSTM, state carried)',
    name: 'char-lm-bptt',
    run: charLmBptt,
    checks: [
      { key: 'firstLoss', expected: 2.978, tolerance: 2e-3 },
      { key: 'carried', expected: 2.0668, tolerance: 0.02, fullOnly: true },
    ],
  },
  {
    section: '7.2',
    title: 'The same character model as a stateful LSTM: fit({ shuffle: false }) and resetStates()',
    name: 'ch7-char-lm-stateful',
    run: ch7CharLmStateful,
    checks: [
      { key: 'firstLoss', expected: 2.978, tolerance: 2e-3 },
      { key: 'gap', expected: 0, tolerance: 1e-5 },
    ],
  },
  {
    section: '7.3',
    title: 'Sentiment with a bidirectional LSTM (UCI sentences)',
    name: 'sentiment-bilstm',
    run: sentimentBiLstm,
    checks: [
      { key: 'firstLoss', expected: 0.6298, tolerance: 2e-3 },
      { key: 'testAccuracy', expected: 0.8067, tolerance: 0.03 },
    ],
  },
  {
    section: '7.3',
    title: 'SMS spam with a bidirectional LSTM',
    name: 'sms-spam',
    run: smsSpam,
    checks: [
      { key: 'firstLoss', expected: 0.2177, tolerance: 2e-3 },
      { key: 'testAccuracy', expected: 0.9812, tolerance: 0.01, fullOnly: true },
    ],
  },
  {
    section: '7.3',
    title: 'A Transformer block on a marker task',
    name: 'transformer-block',
    run: transformerBlock,
    checks: [
      { key: 'firstLoss', expected: 0.7263, tolerance: 2e-3 },
      { key: 'testAccuracy', expected: 1, tolerance: 0.02 },
    ],
  },
  {
    section: '7.3',
    title: 'Sentiment with a Transformer block (UCI sentences)',
    name: 'sentiment-transformer',
    run: sentimentTransformer,
    checks: [
      { key: 'firstLoss', expected: 0.6882, tolerance: 2e-3 },
      { key: 'testAccuracy', expected: 0.82, tolerance: 0.03 },
    ],
  },
];
