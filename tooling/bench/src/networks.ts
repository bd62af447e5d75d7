import { Conv2D, Dense, Flatten, type Layer, MaxPooling2D } from '@horn/layers';
import type { Tfjs } from './libraries.js';

/** The networks trained on MNIST. */
export type NetworkId = 'mlp' | 'cnn' | 'deep-cnn';

/** Table labels of the networks. */
export const NETWORK_LABELS: Record<NetworkId, string> = {
  mlp: 'MLP 784-128-10',
  cnn: 'CNN',
  'deep-cnn': 'deep CNN',
};

/**
 * One sample's shape: a flat 784-vector for the MLP, a 28x28x1 image for the CNNs.
 * @example inputShape('cnn') // [28, 28, 1]
 */
export function inputShape(id: NetworkId): number[] {
  return id === 'mlp' ? [784] : [28, 28, 1];
}

/**
 * The network as Horn layers:
 * - mlp: Dense(128, relu) -> Dense(10, softmax)
 * - cnn: Conv2D(32, 3, relu) -> MaxPooling2D(2) -> Flatten -> Dense(10, softmax) (the main job's)
 * - deep-cnn: two blocks Conv2D(32, 3, relu) -> MaxPooling2D(2), Conv2D(64, 3, relu) -> MaxPooling2D(2),
 *   then Flatten -> Dense(10, softmax) (Keras's "simple MNIST convnet" without dropout)
 * @example hornLayers('mlp').length // 2
 */
export function hornLayers(id: NetworkId): Layer[] {
  const seed = (s: number) => ({ className: 'GlorotUniform', config: { seed: s } });
  const head = new Dense({ units: 10, activation: 'softmax', kernelInitializer: seed(3) });
  if (id === 'mlp') return [new Dense({ units: 128, activation: 'relu', kernelInitializer: seed(1) }), head];
  const block = (filters: number, s: number) => [
    new Conv2D({ filters, kernelSize: 3, activation: 'relu', kernelInitializer: seed(s) }),
    new MaxPooling2D({ poolSize: 2 }),
  ];
  return [...block(32, 1), ...(id === 'deep-cnn' ? block(64, 2) : []), new Flatten(), head];
}

/** A compiled TF.js model. */
export type TfjsModel = ReturnType<Tfjs['sequential']>;

/**
 * The same network as a compiled tf.sequential (Adam 0.001, categorical crossentropy).
 * @example tfjsModel(tf, 'cnn').layers.length // 4
 */
export function tfjsModel(tf: Tfjs, id: NetworkId): TfjsModel {
  const layers = tf.layers;
  const head = layers.dense({ units: 10, activation: 'softmax' });
  const stack =
    id === 'mlp'
      ? [layers.dense({ units: 128, activation: 'relu', inputShape: [784] }), head]
      : [
          layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
          layers.maxPooling2d({ poolSize: 2 }),
          ...(id === 'deep-cnn'
            ? [layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }), layers.maxPooling2d({ poolSize: 2 })]
            : []),
          layers.flatten(),
          head,
        ];
  const model = tf.sequential({ layers: stack });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  return model;
}
