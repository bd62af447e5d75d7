import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import * as keras from './index.js';

const mnistPath = fileURLToPath(new URL('../../../../shared/data/mnist', import.meta.url));

/** Trains the MNIST MLP 784-128(relu)-10(softmax) for one epoch on `backend`; returns its test accuracy. */
async function mlpAccuracy(backend: string, train: number, test: number): Promise<number> {
  const [[xTrain, yTrain], [xTest, yTest]] = await keras.datasets.mnist.loadData({ path: mnistPath });
  keras.setBackend(backend);
  keras.setSeed(7);
  const flat = (x: keras.ops.Tensor, n: number) =>
    keras.tidy(() => keras.ops.slice(x, [0, 0, 0], [n, -1, -1]).reshape([n, 784]).cast('float32').div(255));
  const model = new keras.Sequential([
    keras.Input({ shape: [784] }),
    new keras.layers.Dense({ units: 128, activation: 'relu' }),
    new keras.layers.Dense({ units: 10, activation: 'softmax' }),
  ]);
  model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
  await model.fit(flat(xTrain, train), keras.ops.slice(yTrain, [0], [train]), {
    epochs: 1,
    batchSize: 128,
    verbose: 0,
  });
  const [, accuracy] = (await model.evaluate(flat(xTest, test), keras.ops.slice(yTest, [0], [test]), {
    verbose: 0,
  })) as number[];
  return accuracy;
}

test('the MNIST MLP trained one epoch on wasm and on cpu from one seed ends within 0.5% accuracy', async () => {
  try {
    // 12,000 of the 60,000 digits keep the cpu run near ten seconds; the test set is the first 3,000.
    // Measured: 0.873 on both backends (94 Adam steps).
    const wasm = await mlpAccuracy('wasm', 12_000, 3000);
    const cpu = await mlpAccuracy('cpu', 12_000, 3000);
    expect(Math.abs(wasm - cpu)).toBeLessThanOrEqual(0.005);
    expect(wasm).toBeGreaterThan(0.85);
  } finally {
    keras.setBackend('wasm');
  }
}, 120_000);
