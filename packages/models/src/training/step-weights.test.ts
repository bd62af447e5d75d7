import { Dense, Input, Masking } from '@horn/layers';
import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Sequential } from '../index.js';

// Dense(1) with kernel 1 and bias 0 over each step: the predictions are the inputs, so the
// per-step squared errors can be read off. The numbers are Keras 3's (JAX) for the same model.
const x = () =>
  tensor([
    [[1], [2], [0], [0]],
    [[3], [1], [2], [0]],
    [[2], [2], [2], [2]],
  ]);
const y = () =>
  tensor([
    [[0], [1], [5], [5]],
    [[1], [1], [0], [5]],
    [[0], [3], [1], [0]],
  ]);
const perSample = () => tensor([1, 2, 0.5]);
const perStep = () =>
  tensor([
    [1, 1, 1, 1],
    [2, 2, 2, 2],
    [0.5, 0.5, 0.5, 0.5],
  ]);

function model(masking: boolean): Sequential {
  const m = new Sequential([
    Input({ shape: [4, 1] }),
    ...(masking ? [new Masking({ maskValue: 0 })] : []),
    new Dense({ units: 1, kernelInitializer: 'ones', biasInitializer: 'zeros', name: 'out' }),
  ]);
  m.compile({ optimizer: 'sgd', loss: 'mse', weightedMetrics: ['mae'] });
  return m;
}

describe('a [batch] sample weight on per-step losses is refused, as Keras 3', () => {
  test.each([
    [true, 2.5555553, 1.3],
    [false, 10.25, 2.3571429],
  ])(
    'masking %s: a [batch, steps] weight gives Keras numbers; a [batch] weight is a ValueError',
    async (masking, loss, mae) => {
      const m = model(masking);
      const logs = (await m.evaluate(x(), y(), { sampleWeight: perStep(), verbose: 0, returnDict: true })) as Record<
        string,
        number
      >;
      expect(logs.loss).toBeCloseTo(loss, 5);
      expect(logs.mae).toBeCloseTo(mae, 5);
      const message = `the sample weight of output 'out' has shape [3], but its loss keeps the steps: per-step losses${masking ? ' and mask' : ''} of shape [3,4]`;
      await expect(m.evaluate(x(), y(), { sampleWeight: perSample(), verbose: 0 })).rejects.toThrow(
        `evaluate: ${message}`,
      );
      await expect(m.fit(x(), y(), { sampleWeight: perSample(), verbose: 0 })).rejects.toThrow(`fit: ${message}`);
      expect(() => m.trainOnBatch(x(), y(), { sampleWeight: perSample() })).toThrow(
        /Keras 3 raises "Incompatible shapes for broadcasting"/,
      );
    },
  );

  test('a [batch] weight still weighs per-sample losses; no weight is fine on per-step losses', async () => {
    const flat = new Sequential([
      Input({ shape: [1] }),
      new Dense({ units: 1, kernelInitializer: 'ones', biasInitializer: 'zeros' }),
    ]);
    flat.compile({ optimizer: 'sgd', loss: 'mse' });
    // Errors 1, 2, 0.5 squared, weighted 1, 2, 0.5: (1 + 8 + 0.125) / 3.
    const loss = (await flat.evaluate(tensor([[1], [2], [3]]), tensor([[0], [0], [2.5]]), {
      sampleWeight: perSample(),
      verbose: 0,
    })) as number;
    expect(loss).toBeCloseTo(9.125 / 3, 5);
    const seq = model(false);
    const [unweighted] = (await seq.evaluate(x(), y(), { verbose: 0 })) as number[];
    expect(unweighted).toBeCloseTo(7.9166665, 5);
  });
});
