import { Bidirectional, Dense, GRU, Input, LSTM, type MergeMode, TimeDistributed } from '@horn/layers';
import { randomNormal, randomUniform, setSeed, type Tensor } from '@horn/tensor';
import * as tf from '@tensorflow/tfjs';
import { beforeEach, describe, expect, test } from 'vitest';
import { type IOHandler, loadModel, Model, saveModel } from '../index.js';

// Bidirectional and TimeDistributed models move between @tensorflow/tfjs 4.22 (cpu backend) and Horn.

beforeEach(async () => {
  setSeed(5);
  await tf.setBackend('cpu');
});

/** A handler that keeps what is saved, and loads it back (for Horn and for TF.js). */
function memory(): IOHandler & tf.io.IOHandler & { artifacts?: tf.io.ModelArtifacts } {
  const handler: IOHandler & tf.io.IOHandler & { artifacts?: tf.io.ModelArtifacts } = {
    async save(artifacts: tf.io.ModelArtifacts) {
      handler.artifacts = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' as const } };
    },
    async load() {
      return handler.artifacts as tf.io.ModelArtifacts;
    },
  } as never;
  return handler;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

const x = () => randomNormal([3, 5, 4], { seed: 9 });
const toTf = (t: Tensor) => tf.tensor(t.dataSync() as Float32Array, [...t.shape]);

function tfjsModel(mergeMode: MergeMode | null): tf.LayersModel {
  const input = tf.input({ shape: [5, 4] });
  const seq = tf.layers
    .bidirectional({
      layer: tf.layers.lstm({ units: 3, returnSequences: true }) as never,
      mergeMode: mergeMode ?? undefined,
    })
    .apply(input) as tf.SymbolicTensor;
  const td = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, activation: 'tanh' }) }).apply(seq);
  const last = tf.layers
    .bidirectional({ layer: tf.layers.gru({ units: 2 }) as never, mergeMode: mergeMode ?? undefined })
    .apply(td as tf.SymbolicTensor) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(last) as tf.SymbolicTensor });
  model.setWeights(model.weights.map((w, i) => tf.randomUniform(w.shape as number[], -0.7, 0.7, 'float32', 60 + i)));
  return model;
}

describe('Bidirectional models saved by @tensorflow/tfjs load into Horn', () => {
  test.each(['concat', 'sum', 'mul', 'ave'] as const)('mergeMode %s, with TimeDistributed(Dense)', async (mode) => {
    const tfModel = tfjsModel(mode);
    const handler = memory();
    await tfModel.save(handler);
    const model = await loadModel(handler);
    expect(model.layers.map((l) => l.className)).toEqual([
      'InputLayer',
      'Bidirectional',
      'TimeDistributed',
      'Bidirectional',
      'Dense',
    ]);
    const input = x();
    const want = (tfModel.predict(toTf(input)) as tf.Tensor).dataSync();
    expect(maxDiff((model.predict(input) as Tensor).dataSync(), want)).toBeLessThan(1e-5);
  });
});

describe('Bidirectional models saved by Horn load into @tensorflow/tfjs', () => {
  test.each(['concat', 'sum', 'mul', 'ave'] as const)('mergeMode %s, with TimeDistributed(Dense)', async (mode) => {
    const input = Input({ shape: [5, 4] });
    let y = new Bidirectional({ layer: new LSTM({ units: 3, returnSequences: true }), mergeMode: mode }).apply(input);
    y = new TimeDistributed({ layer: new Dense({ units: 2, activation: 'tanh' }) }).apply(y);
    y = new Bidirectional({ layer: new GRU({ units: 2, resetAfter: false }), mergeMode: mode }).apply(y);
    const model = new Model({ inputs: input, outputs: new Dense({ units: 1 }).apply(y) });
    model.setWeights(model.weights.map((w) => randomUniform(w.shape, { min: -0.7, max: 0.7 })));
    const handler = memory();
    await saveModel(model, handler);
    // The wrappers' weights carry the names TF.js gives them when it builds this config.
    const names = handler.artifacts?.weightSpecs?.map((w) => w.name) ?? [];
    const [bi, td] = [model.layers[1], model.layers[2]] as [Bidirectional, TimeDistributed];
    expect(names.slice(0, 4)).toEqual([
      `${bi.name}/forward_${bi.forwardLayer.name}/kernel`,
      `${bi.name}/forward_${bi.forwardLayer.name}/recurrent_kernel`,
      `${bi.name}/forward_${bi.forwardLayer.name}/bias`,
      `${bi.name}/backward_${bi.forwardLayer.name}/kernel`,
    ]);
    expect(names.slice(6, 8)).toEqual([`${td.name}/kernel`, `${td.name}/bias`]);
    const tfModel = await tf.loadLayersModel(handler);
    const data = x();
    const want = (model.predict(data) as Tensor).dataSync();
    expect(maxDiff((tfModel.predict(toTf(data)) as tf.Tensor).dataSync(), want)).toBeLessThan(1e-5);
  });
});
