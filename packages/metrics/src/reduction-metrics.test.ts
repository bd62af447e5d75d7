import { abs, memory, ShapeError, sub, type TensorLike, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Mean, MeanMetricWrapper, mean, Sum } from './index.js';
import { expectClose } from './test-support/allclose.js';

describe('Mean and Sum', () => {
  test('Keras documentation: Mean of [1, 3, 5, 7] is 4, weighted [1, 1, 0, 0] 2; Sum is 16', () => {
    const m = new Mean();
    m.updateState([1, 3, 5, 7]);
    expectClose(m.result(), 4);
    m.resetState();
    m.updateState([1, 3, 5, 7], [1, 1, 0, 0]);
    expectClose(m.result(), 2);
    const s = new Sum();
    s.updateState([1, 3, 5, 7]);
    expectClose(s.result(), 16);
    expect(s.result().shape).toEqual([]);
  });

  test('accumulates over batches and scalars; empty gives 0', () => {
    const m = new Mean();
    expectClose(m.result(), 0);
    m.updateState([1, 2]);
    m.updateState(6);
    expectClose(m.result(), 3);
    m.updateState([10], [2]);
    expectClose(m.result(), 29 / 5);
  });

  test('a value with more than one dimension counts once per sample (its mean); weights per value too', () => {
    const m = new Mean();
    m.updateState([
      [1, 2],
      [3, 4],
    ]);
    expectClose(m.result(), 2.5);
    m.resetState();
    m.updateState(
      [
        [1, 2],
        [3, 4],
      ],
      [1, 0],
    );
    expectClose(m.result(), 1.5);
    m.resetState();
    m.updateState(
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 0],
        [0, 1],
      ],
    );
    expectClose(m.result(), 2.5); // (1 + 4) / 2
    const s = new Sum();
    s.updateState(
      [
        [1, 2],
        [3, 4],
      ],
      [1, 0.5],
    );
    expectClose(s.result(), 3 + 3.5);
  });

  test('bad input: weights that do not broadcast name both shapes', () => {
    expect(() => new Mean().updateState([1, 2, 3], [1, 2])).toThrow(ShapeError);
    expect(() => new Mean({ name: 'loss' }).updateState([1, 2, 3], [1, 2])).toThrow(
      /Mean 'loss': sampleWeight of shape \[2\] cannot be broadcast to \[3\]/,
    );
    expect(() => new Sum({ name: '' })).toThrow(/Sum: name must be a non-empty string/);
  });

  test('holds no tensors: only each result is new', () => {
    const m = new Mean();
    const values = tensor([1, 2, 3]);
    const before = memory().numTensors;
    m.updateState(values, [1, 1, 2]);
    m.updateState([4, 5]);
    expect(memory().numTensors).toBe(before);
    const r = m.result();
    expect(memory().numTensors).toBe(before + 1);
    r.dispose();
  });

  test('the mean function is the one-shot Mean', () => {
    expectClose(mean([1, 3, 5, 7], [1, 1, 0, 0]), 2);
  });
});

describe('MeanMetricWrapper', () => {
  test('averages a per-sample function over batches, with sample weights', () => {
    const meanAbsolute = (t: TensorLike, p: TensorLike) => abs(sub(t, p)).mean(-1);
    const m = new MeanMetricWrapper(meanAbsolute);
    expect(m.name).toBe('meanAbsolute');
    m.updateState([[0, 1]], [[1, 1]]);
    m.updateState([[0], [0]], [[2], [4]], [1, 0]);
    expectClose(m.result(), (0.5 + 2) / 2);
  });

  test('passes its options to the function', () => {
    const scaled = (t: TensorLike, p: TensorLike, o?: { by: number }) =>
      sub(t, p)
        .mean(-1)
        .mul(o?.by ?? 1);
    const m = new MeanMetricWrapper(scaled, { name: 'scaled' }, { by: 10 });
    m.updateState([[1]], [[0]]);
    expectClose(m.result(), 10);
  });

  test('bad input: not a function; updateState without yPred', () => {
    expect(() => new MeanMetricWrapper(3 as never)).toThrow(/MeanMetricWrapper: fn must be a function, got 3/);
    expect(() => new MeanMetricWrapper((t: TensorLike) => tensor(t)).updateState([1])).toThrow(ValueError);
  });
});
