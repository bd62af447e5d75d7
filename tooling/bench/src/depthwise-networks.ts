import {
  Conv2D,
  Dense,
  DepthwiseConv2D,
  GlobalAveragePooling2D,
  Input,
  type Layer,
  MaxPooling2D,
  SeparableConv2D,
} from '@horn/layers';
import { CategoricalCrossentropy, MeanSquaredError } from '@horn/losses';
import { Sequential } from '@horn/models';
import { Adam, SGD } from '@horn/optimizers';
import type { Tfjs } from './libraries.js';

// The models of the depthwise suite, as Horn and as TF.js layers: one DepthwiseConv2D or
// SeparableConv2D layer (trained on a mean squared error to a fixed target), and a small image
// classifier of SeparableConv2D blocks in the manner of keras.io's "image classification from
// scratch" (a strided Conv2D stem, separable blocks, max pooling, global average pooling; without
// its batch normalization and residual adds).

/** The models of the depthwise suite. */
export type DepthwiseModelId = 'depthwise' | 'separable' | 'separable-cnn';

/** One input sample's shape, per model. */
export const DEPTHWISE_INPUT: Record<DepthwiseModelId, [number, number, number]> = {
  depthwise: [32, 32, 32],
  separable: [32, 32, 32],
  'separable-cnn': [32, 32, 3],
};

/** The classifier's classes. */
export const CNN_CLASSES = 10;

const glorot = (seed: number) => ({ className: 'GlorotUniform', config: { seed } });

function hornStack(id: DepthwiseModelId): Layer[] {
  if (id === 'depthwise') return [new DepthwiseConv2D({ kernelSize: 3, padding: 'same' })];
  if (id === 'separable') return [new SeparableConv2D({ filters: 64, kernelSize: 3, padding: 'same' })];
  const sep = (filters: number, seed: number) =>
    new SeparableConv2D({
      filters,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      depthwiseInitializer: glorot(seed),
      pointwiseInitializer: glorot(seed + 1),
    });
  return [
    new Conv2D({
      filters: 32,
      kernelSize: 3,
      strides: 2,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: glorot(1),
    }),
    sep(64, 2),
    sep(64, 4),
    new MaxPooling2D({ poolSize: 2 }),
    sep(128, 6),
    sep(128, 8),
    new GlobalAveragePooling2D(),
    new Dense({ units: CNN_CLASSES, activation: 'softmax', kernelInitializer: glorot(10) }),
  ];
}

/**
 * The model as a compiled Horn Sequential: the one-layer models with SGD 0.01 and mean squared
 * error, the classifier with Adam 0.001 and categorical crossentropy.
 * @example hornDepthwiseModel('separable-cnn').layers.length // 8
 */
export function hornDepthwiseModel(id: DepthwiseModelId): Sequential {
  const model = new Sequential([Input({ shape: DEPTHWISE_INPUT[id] }), ...hornStack(id)]);
  if (id === 'separable-cnn')
    model.compile({ optimizer: new Adam({ learningRate: 0.001 }), loss: new CategoricalCrossentropy() });
  else model.compile({ optimizer: new SGD({ learningRate: 0.01 }), loss: new MeanSquaredError() });
  return model;
}

/** A compiled TF.js model. */
export type TfjsLayersModel = ReturnType<Tfjs['sequential']>;

/**
 * The same model as a compiled tf.sequential.
 * @example tfjsDepthwiseModel(tf, 'depthwise').layers.length // 1
 */
export function tfjsDepthwiseModel(tf: Tfjs, id: DepthwiseModelId): TfjsLayersModel {
  const l = tf.layers;
  const inputShape = DEPTHWISE_INPUT[id];
  if (id !== 'separable-cnn') {
    const layer =
      id === 'depthwise'
        ? l.depthwiseConv2d({ kernelSize: 3, padding: 'same', inputShape })
        : l.separableConv2d({ filters: 64, kernelSize: 3, padding: 'same', inputShape });
    const model = tf.sequential({ layers: [layer] });
    model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
    return model;
  }
  const sep = (filters: number) => l.separableConv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu' });
  const model = tf.sequential({
    layers: [
      l.conv2d({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', inputShape }),
      sep(64),
      sep(64),
      l.maxPooling2d({ poolSize: 2 }),
      sep(128),
      sep(128),
      l.globalAveragePooling2d({}),
      l.dense({ units: CNN_CLASSES, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  return model;
}

/**
 * The shape of the model's output (and training target) for `batch` samples.
 * @example targetShape('separable', 64) // [64, 32, 32, 64]
 */
export function targetShape(id: DepthwiseModelId, batch: number): number[] {
  if (id === 'separable-cnn') return [batch, CNN_CLASSES];
  const [h, w, c] = DEPTHWISE_INPUT[id];
  return [batch, h, w, id === 'depthwise' ? c : 64];
}
