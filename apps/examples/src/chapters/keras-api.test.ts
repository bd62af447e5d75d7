import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  functionalModel,
  Linear,
  MyModel,
  preprocessingLayers,
  saveAndLoad,
  sequentialModel,
  trainAndEvaluate,
} from './keras-api.js';

describe('chapter 5: the Keras API', () => {
  test('5.2 Sequential: the CNN stack, add/pop, 54,410 parameters', () => {
    const model = sequentialModel();
    expect(model.layers.map((l) => l.constructor.name)).toEqual(['Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    expect(model.countParams()).toBe(54410);
  });

  test('5.3 functional: two inputs, shared layer, skip connection, two outputs', () => {
    const model = functionalModel();
    expect(model.inputNames).toEqual(['image', 'meta']);
    expect(model.outputNames).toEqual(['digit', 'even']);
    const [digit, even] = model.predict(
      [tensor(new Float32Array(2 * 784), [2, 784]), tensor(new Float32Array(8), [2, 4])],
      {
        verbose: 0,
      },
    ) as ReturnType<typeof tensor>[];
    expect(digit.shape).toEqual([2, 10]);
    expect(even.shape).toEqual([2, 1]);
    // digit sees 784 + 32 + 4 features: (820 + 1) x 10; shared 785 x 32; even 33 x 1.
    expect(model.countParams()).toBe(821 * 10 + 785 * 32 + 33);
  });

  test('5.4 fit with EarlyStopping, evaluate: the CNN learns MNIST', async () => {
    const { history, accuracy } = await trainAndEvaluate(3000);
    expect(history.history.loss.length).toBe(3);
    expect(history.history.val_loss[2]).toBeLessThan(history.history.val_loss[0]);
    expect(accuracy).toBeGreaterThan(0.85);
  }, 120_000);

  test('5.5 a custom layer and a subclassed model train like built-ins', async () => {
    const model = new MyModel();
    model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy' });
    const x = tensor([
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
      [1, 1, 0],
    ]);
    const y = tensor([2, 0, 1, 0], [4], 'int32');
    const history = await model.fit(x, y, { epochs: 30, verbose: 0 });
    expect(history.history.loss[29]).toBeLessThan(history.history.loss[0]);
    expect(model.trainableWeights.length).toBe(4); // Linear w, b and Dense kernel, bias
    expect(new Linear({ units: 2 }).getConfig().units).toBe(2);
  });

  test('5.6 save and load give bit-identical predictions', async () => {
    const input = tensor(
      new Float32Array(28 * 28).map((_, i) => (i % 7) / 7),
      [1, 28, 28, 1],
    );
    const { before, after } = await saveAndLoad(sequentialModel(), input);
    expect([...after.dataSync()]).toEqual([...before.dataSync()]);
  });

  test('5.7 Normalization.adapt and Rescaling', () => {
    const { normalized, rescaled } = preprocessingLayers();
    // mean [3, 30], population variance [8/3, 800/3]: (3 − 3)/1.633 = 0, (5 − 3)/1.633 = 1.2247.
    const v = [...normalized.dataSync()];
    expect(v[0]).toBeCloseTo(0, 5);
    expect(v[2]).toBeCloseTo(2 / Math.sqrt(8 / 3), 4);
    expect(v[3]).toBeCloseTo(20 / Math.sqrt(800 / 3), 4);
    expect([...rescaled.dataSync()]).toEqual([0, 1]);
  });
});
