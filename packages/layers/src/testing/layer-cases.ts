import { type Tensor, tensor } from '@horn/tensor';
import * as L from '../index.js';
import { lookupLayerCases } from './lookup-cases.js';

// One small valid runLayerTest case (or two) for every layer class @horn/layers registers,
// mirroring the layers package's own contract tests. Options are made by a function so each run
// gets fresh inputs and fresh wrapped layers. Backends run them all (with sameWeightsParity) to
// show every layer works on them.

/**
 * A runLayerTest case: the class, a label, and a maker of its options.
 * @example const k: LayerCase = layerCases()[0]; runLayerTest(k.cls, k.options());
 */
export interface LayerCase {
  cls: L.TestableLayerClass;
  label: string;
  options: () => L.LayerTestOptions<L.LayerConfig>;
}

function c<T extends L.TestableLayerClass>(
  cls: T,
  options: () => L.LayerTestOptions<L.LayerConfigOf<NoInfer<T>>>,
  label = '',
): LayerCase {
  return {
    cls,
    label: `${cls.className}${label ? ` ${label}` : ''}`,
    options: options as unknown as () => L.LayerTestOptions<L.LayerConfig>,
  };
}

const twoInputs = (shape: number[]) => [shape, shape];
const ids = (): Tensor => tensor([1, 9, 0, 4, 4, 2], [2, 3], 'int32');

/**
 * Registered classes runLayerTest cannot exercise, with the reason.
 * @example 'InputLayer' in SKIPPED_LAYERS // true
 */
export const SKIPPED_LAYERS: Readonly<Record<string, string>> = {
  InputLayer: 'a graph placeholder: it has no call() of its own to test',
  SimpleRNNCell: 'a cell (one step, a list of outputs): the RNN cases run it',
  LSTMCell: 'a cell (one step, a list of outputs): the RNN cases run it',
  GRUCell: 'a cell (one step, a list of outputs): the RNN cases run it',
  StackedRNNCells: 'a cell (one step, a list of outputs): the RNN stacked cells case runs it',
  Lambda:
    'wraps a JS function, which a JSON config cannot carry back (core/lambda.test.ts runs the harness on a subclass)',
};

/**
 * Every layer case, at least one per registered layer class (a test checks this): what a new
 * backend runs to show that every layer works on it.
 * @example layerCases().map((k) => k.label)
 */
export function layerCases(): LayerCase[] {
  return [
    c(L.Dense, () => ({ config: { units: 3, activation: 'relu' }, inputShape: [2, 4], expectedOutputShape: [2, 3] })),
    c(L.Activation, () => ({ config: { activation: 'tanh' }, inputShape: [2, 3], expectedOutputShape: [2, 3] })),
    c(L.Flatten, () => ({ config: {}, inputShape: [2, 3, 4], expectedOutputShape: [2, 12] })),
    c(L.Reshape, () => ({ config: { targetShape: [3, 4] }, inputShape: [2, 12], expectedOutputShape: [2, 3, 4] })),
    c(L.Permute, () => ({ config: { dims: [2, 1] }, inputShape: [2, 3, 4], expectedOutputShape: [2, 4, 3] })),
    c(L.RepeatVector, () => ({ config: { n: 3 }, inputShape: [2, 4], expectedOutputShape: [2, 3, 4] })),
    c(L.Dropout, () => ({
      config: { rate: 0.3, seed: 3 },
      inputShape: [4, 5],
      expectedOutputShape: [4, 5],
      training: true,
    })),
    c(L.SpatialDropout2D, () => ({
      config: { rate: 0.5, seed: 1 },
      inputShape: [2, 3, 3, 4],
      expectedOutputShape: [2, 3, 3, 4],
      training: true,
    })),
    c(L.GaussianNoise, () => ({
      config: { stddev: 0.1, seed: 2 },
      inputShape: [3, 4],
      expectedOutputShape: [3, 4],
      training: true,
    })),
    c(L.ActivityRegularization, () => ({
      config: { l1: 0.01, l2: 0.1 },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
    })),
    c(L.Masking, () => ({ config: { maskValue: 0.5 }, inputShape: [2, 3, 4], expectedOutputShape: [2, 3, 4] })),
    c(L.Add, () => ({
      config: {},
      inputShape: [
        [2, 3, 4],
        [2, 1, 4],
      ],
      expectedOutputShape: [2, 3, 4],
    })),
    c(L.Subtract, () => ({ config: {}, inputShape: twoInputs([2, 3]), expectedOutputShape: [2, 3] })),
    c(L.Multiply, () => ({ config: {}, inputShape: twoInputs([2, 3]), expectedOutputShape: [2, 3] })),
    c(L.Average, () => ({ config: {}, inputShape: twoInputs([2, 3]), expectedOutputShape: [2, 3] })),
    c(L.Maximum, () => ({ config: {}, inputShape: twoInputs([2, 3]), expectedOutputShape: [2, 3] })),
    c(L.Minimum, () => ({ config: {}, inputShape: twoInputs([2, 3]), expectedOutputShape: [2, 3] })),
    c(L.Concatenate, () => ({
      config: { axis: 1 },
      inputShape: [
        [2, 3, 4],
        [2, 1, 4],
      ],
      expectedOutputShape: [2, 4, 4],
    })),
    c(L.Dot, () => ({
      config: { axes: [1, 2] as [number, number] },
      inputShape: [
        [2, 3, 4],
        [2, 5, 3],
      ],
      expectedOutputShape: [2, 4, 5],
    })),
    c(L.LeakyReLU, () => ({ config: {}, inputShape: [2, 3], expectedOutputShape: [2, 3] })),
    c(L.PReLU, () => ({ config: { sharedAxes: [1, 2] }, inputShape: [2, 3, 3, 4], expectedOutputShape: [2, 3, 3, 4] })),
    c(L.ELU, () => ({ config: { alpha: 0.5 }, inputShape: [2, 3], expectedOutputShape: [2, 3] })),
    c(L.ReLU, () => ({
      config: { maxValue: 6, negativeSlope: 0.1, threshold: 0.5 },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
    })),
    c(L.Softmax, () => ({ config: {}, inputShape: [2, 3], expectedOutputShape: [2, 3] })),
    c(L.BatchNormalization, () => ({ config: {}, inputShape: [4, 3], expectedOutputShape: [4, 3] })),
    c(
      L.BatchNormalization,
      () => ({
        config: { momentum: 0.9 },
        inputShape: [4, 2, 2, 3],
        expectedOutputShape: [4, 2, 2, 3],
        training: true,
      }),
      'training',
    ),
    c(L.LayerNormalization, () => ({ config: {}, inputShape: [3, 4], expectedOutputShape: [3, 4] })),
    c(L.Conv1D, () => ({
      config: { filters: 4, kernelSize: 3 },
      inputShape: [2, 7, 3],
      expectedOutputShape: [2, 5, 4],
    })),
    c(
      L.Conv2D,
      () => ({
        config: { filters: 4, kernelSize: 3, activation: 'relu' },
        inputShape: [2, 6, 6, 2],
        expectedOutputShape: [2, 4, 4, 4],
      }),
      'relu',
    ),
    c(
      L.Conv2D,
      () => ({
        config: { filters: 2, kernelSize: [2, 3], strides: 2, padding: 'same' as const, activation: 'tanh' },
        inputShape: [2, 5, 5, 3],
        expectedOutputShape: [2, 3, 3, 2],
      }),
      'same tanh',
    ),
    c(L.DepthwiseConv2D, () => ({
      config: { kernelSize: 3, depthMultiplier: 2 },
      inputShape: [2, 5, 5, 3],
      expectedOutputShape: [2, 3, 3, 6],
    })),
    c(L.SeparableConv2D, () => ({
      config: { filters: 4, kernelSize: 3, depthMultiplier: 2, activation: 'relu' },
      inputShape: [2, 5, 5, 3],
      expectedOutputShape: [2, 3, 3, 4],
    })),
    c(L.Conv2DTranspose, () => ({
      config: { filters: 3, kernelSize: 3, strides: 2 },
      inputShape: [2, 4, 4, 2],
      expectedOutputShape: [2, 9, 9, 3],
    })),
    c(L.MaxPooling1D, () => ({ config: {}, inputShape: [2, 6, 3], expectedOutputShape: [2, 3, 3] })),
    c(L.MaxPooling2D, () => ({ config: {}, inputShape: [2, 4, 4, 3], expectedOutputShape: [2, 2, 2, 3] })),
    c(L.AveragePooling1D, () => ({
      config: { poolSize: 3, strides: 2, padding: 'same' as const },
      inputShape: [2, 5, 3],
      expectedOutputShape: [2, 3, 3],
    })),
    c(L.AveragePooling2D, () => ({
      config: { poolSize: 2, strides: 1 },
      inputShape: [2, 4, 4, 3],
      expectedOutputShape: [2, 3, 3, 3],
    })),
    c(L.GlobalMaxPooling1D, () => ({
      config: { keepdims: true },
      inputShape: [2, 6, 3],
      expectedOutputShape: [2, 1, 3],
    })),
    c(L.GlobalMaxPooling2D, () => ({ config: {}, inputShape: [2, 3, 4, 5], expectedOutputShape: [2, 5] })),
    c(L.GlobalAveragePooling1D, () => ({ config: {}, inputShape: [2, 6, 3], expectedOutputShape: [2, 3] })),
    c(L.GlobalAveragePooling2D, () => ({
      config: { keepdims: true },
      inputShape: [2, 3, 4, 5],
      expectedOutputShape: [2, 1, 1, 5],
    })),
    c(L.ZeroPadding2D, () => ({
      config: { padding: [1, 2] as const },
      inputShape: [2, 3, 4, 2],
      expectedOutputShape: [2, 5, 8, 2],
    })),
    c(L.Cropping2D, () => ({ config: { cropping: 1 }, inputShape: [2, 4, 5, 2], expectedOutputShape: [2, 2, 3, 2] })),
    c(L.UpSampling2D, () => ({
      config: { size: [1, 3], interpolation: 'bilinear' as const },
      inputShape: [2, 3, 4, 2],
      expectedOutputShape: [2, 3, 12, 2],
    })),
    c(L.Rescaling, () => ({
      config: { scale: [1, 2, 3], offset: -1 },
      inputShape: [2, 4, 4, 3],
      expectedOutputShape: [2, 4, 4, 3],
    })),
    c(L.Normalization, () => ({
      config: { mean: [1, 2], variance: [4, 9] },
      inputShape: [3, 2],
      expectedOutputShape: [3, 2],
    })),
    c(L.CategoryEncoding, () => ({
      config: { numTokens: 10, outputMode: 'count' as const },
      inputShape: [2, 3],
      inputData: ids(),
      expectedOutputShape: [2, 10],
    })),
    c(L.Hashing, () => ({
      config: { numBins: 5, maskValue: '' },
      inputShape: [3, 1],
      inputData: tensor([['a'], [''], ['horn']]),
      expectedOutputShape: [3, 1],
    })),
    c(L.Discretization, () => ({
      config: { binBoundaries: [-0.5, 0, 0.5] },
      inputShape: [3, 4],
      expectedOutputShape: [3, 4],
    })),
    c(L.CenterCrop, () => ({
      config: { height: 2, width: 3 },
      inputShape: [2, 4, 5, 3],
      expectedOutputShape: [2, 2, 3, 3],
    })),
    c(L.Resizing, () => ({
      config: { height: 5, width: 3 },
      inputShape: [2, 4, 4, 3],
      expectedOutputShape: [2, 5, 3, 3],
    })),
    c(L.RandomFlip, () => ({
      config: { seed: 3 },
      inputShape: [4, 3, 3, 2],
      expectedOutputShape: [4, 3, 3, 2],
      training: true,
    })),
    c(L.RandomRotation, () => ({
      config: { factor: 0.2, seed: 5 },
      inputShape: [2, 5, 4, 3],
      expectedOutputShape: [2, 5, 4, 3],
      training: true,
    })),
    c(L.RandomZoom, () => ({
      config: { heightFactor: 0.3, widthFactor: [-0.2, 0.1] as const, seed: 2 },
      inputShape: [2, 5, 4, 2],
      expectedOutputShape: [2, 5, 4, 2],
      training: true,
    })),
    c(L.RandomTranslation, () => ({
      config: { heightFactor: 0.2, widthFactor: [-0.3, 0.1] as const, seed: 4, fillMode: 'wrap' as const },
      inputShape: [2, 5, 4, 2],
      expectedOutputShape: [2, 5, 4, 2],
      training: true,
    })),
    c(L.Embedding, () => ({
      config: { inputDim: 10, outputDim: 4 },
      inputShape: [2, 3],
      inputData: ids(),
      expectedOutputShape: [2, 3, 4],
    })),
    c(L.SimpleRNN, () => ({ config: { units: 4 }, inputShape: [2, 3, 3], expectedOutputShape: [2, 4] })),
    c(L.LSTM, () => ({
      config: { units: 3, returnSequences: true },
      inputShape: [2, 3, 2],
      expectedOutputShape: [2, 3, 3],
    })),
    c(L.GRU, () => ({ config: { units: 4 }, inputShape: [2, 3, 3], expectedOutputShape: [2, 4] })),
    c(L.RNN, () => ({
      config: { cell: new L.LSTMCell({ units: 3 }), returnSequences: true },
      inputShape: [2, 3, 2],
      expectedOutputShape: [2, 3, 3],
    })),
    c(
      L.RNN,
      () => ({
        config: { cell: [new L.GRUCell({ units: 3 }), new L.SimpleRNNCell({ units: 2 })] },
        inputShape: [2, 3, 2],
        expectedOutputShape: [2, 2],
      }),
      'stacked cells',
    ),
    c(L.Bidirectional, () => ({
      config: { layer: new L.SimpleRNN({ units: 3 }) },
      inputShape: [2, 4, 2],
      expectedOutputShape: [2, 6],
    })),
    c(L.TimeDistributed, () => ({
      config: { layer: new L.Dense({ units: 3 }) },
      inputShape: [2, 4, 5],
      expectedOutputShape: [2, 4, 3],
    })),
    c(L.Attention, () => ({
      config: { useScale: true, scoreMode: 'concat' as const },
      inputShape: [
        [2, 3, 4],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 4],
    })),
    c(L.AdditiveAttention, () => ({
      config: {},
      inputShape: [
        [2, 3, 4],
        [2, 5, 4],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 4],
    })),
    c(L.GroupedQueryAttention, () => ({
      config: { headDim: 2, numQueryHeads: 4, numKeyValueHeads: 2 },
      inputShape: [
        [2, 4, 5],
        [2, 6, 5],
      ],
      expectedOutputShape: [2, 4, 5],
    })),
    c(L.MultiHeadAttention, () => ({
      config: { numHeads: 2, keyDim: 3 },
      inputShape: [
        [2, 4, 5],
        [2, 6, 5],
      ],
      expectedOutputShape: [2, 4, 5],
    })),
    ...lookupLayerCases(),
  ];
}
