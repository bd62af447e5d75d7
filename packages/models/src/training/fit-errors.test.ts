import { Dense, Input } from '@horn/layers';
import { memory, ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model, Sequential } from '../index.js';

const model = () => new Sequential([Input({ shape: [3] }), new Dense({ units: 1 })]);
const x = tensor([
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
  [1, 1, 1],
]);
const y = tensor([[1], [2], [3], [4]]);

describe('fit errors', () => {
  test('fit, evaluate and trainOnBatch before compile', async () => {
    const m = model();
    await expect(m.fit(x, y)).rejects.toThrow(ValueError);
    await expect(m.fit(x, y)).rejects.toThrow(/fit: model 'sequential.*' must be compiled first; call model\.compile/);
    await expect(m.evaluate(x, y)).rejects.toThrow(/evaluate: .* must be compiled first/);
    expect(() => m.trainOnBatch(x, y)).toThrow(/trainOnBatch: .* must be compiled first/);
  });

  test('x and y with different sample counts: the message names both shapes', async () => {
    const m = model();
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    const short = tensor([[1], [2], [3]]);
    await expect(m.fit(x, short, { verbose: 0 })).rejects.toThrow(
      'fit: x and y must have the same number of samples (first dimension), got x [4,3] and y [3,1]',
    );
    await expect(m.fit(x, y, { sampleWeight: tensor([1, 2]), verbose: 0 })).rejects.toThrow(
      /x and y and sampleWeight .* got x \[4,3\] and y \[4,1\] and sampleWeight \[2\]/,
    );
    await expect(m.fit(x, y, { validationData: [x, short], verbose: 0 })).rejects.toThrow(
      /validationData x and validationData y .* \[4,3\] and .* \[3,1\]/,
    );
  });

  test('wrong input shape for the model', async () => {
    const m = model();
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    const before = memory().numTensors;
    const wide = tensor([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    await expect(m.fit(wide, tensor([[1], [2]]), { verbose: 0 })).rejects.toThrow(ShapeError);
    await expect(m.fit(wide, tensor([[1], [2]]), { verbose: 0 })).rejects.toThrow(
      /expected input shape \[null, 3\], got \[2, 4\]/,
    );
    expect(memory().numTensors).toBe(before + 3);
  });

  test('bad options and structures', async () => {
    const m = model();
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    // @ts-expect-error a misspelt option
    await expect(m.fit(x, y, { batch_sise: 2 })).rejects.toThrow(
      /unknown option 'batch_sise' \(read as 'batchSise'\) \(did you mean 'batchSize'\?\); valid options are 'epochs', 'batchSize'/,
    );
    await expect(m.fit(x, y, { batchSize: 0 })).rejects.toThrow(/batchSize must be a positive integer, got 0/);
    await expect(m.fit(x, y, { epochs: 1.5 })).rejects.toThrow(/epochs must be a non-negative integer/);
    await expect(m.fit(x, y, { verbose: 3 as never })).rejects.toThrow(/verbose must be 0, 1, 2 or 'auto'/);
    await expect(
      m.fit(x, y, { classWeight: { 0: 1 }, sampleWeight: tensor([1, 1, 1, 1]), verbose: 0 }),
    ).rejects.toThrow(/classWeight and sampleWeight cannot be used together/);
    await expect(m.fit([x, x], y, { verbose: 0 })).rejects.toThrow(
      /the model has 1 input\(s\) .* but x holds 2 tensor\(s\)/,
    );
    await expect(m.fit(tensor(1), y, { verbose: 0 })).rejects.toThrow(/x must have a batch dimension, got a scalar/);
    await expect(m.fit(x, y, { validationData: [x], verbose: 0 })).rejects.toThrow(
      /validationData y \(the targets\) is required/,
    );
    const input = Input({ shape: [3] });
    const two = new Model({
      inputs: input,
      outputs: [new Dense({ units: 1 }).apply(input), new Dense({ units: 1 }).apply(input)],
    });
    two.compile({ optimizer: 'sgd', loss: 'mse' });
    await expect(two.fit(x, [y, y], { classWeight: { 0: 2 }, verbose: 0 })).rejects.toThrow(
      /classWeight is only supported for models with a single output/,
    );
    await expect(two.fit(x, y, { verbose: 0 })).rejects.toThrow(/the model has 2 output\(s\) .* but y holds 1 tensor/);
  });
});
