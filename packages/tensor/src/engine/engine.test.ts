import { describe, expect, test } from 'vitest';
import {
  add,
  DisposedError,
  dispose,
  getBackend,
  type KernelRecord,
  keep,
  listBackends,
  memory,
  NotImplementedError,
  profile,
  reshape,
  runKernel,
  scalar,
  setBackend,
  setRecorder,
  tensor,
  tidy,
  ValueError,
} from '../index.js';

describe('memory scopes', () => {
  test('tidy disposes what it created, except what it returns', () => {
    const before = memory().numTensors;
    const kept = tidy(() => {
      const a = tensor([1, 2]);
      const b = a.add(1);
      return { b, n: 3 };
    });
    expect(memory().numTensors).toBe(before + 1);
    expect(kept.b.arraySync()).toEqual([2, 3]);
    kept.b.dispose();
    expect(memory().numTensors).toBe(before);
  });

  test('nested tidy hands returned tensors to the outer scope', () => {
    const before = memory().numTensors;
    tidy(() => {
      const inner = tidy(() => tensor([1]).add(1));
      expect(inner.isDisposed).toBe(false);
    });
    expect(memory().numTensors).toBe(before);
  });

  test('keep protects a tensor from tidy; dispose frees containers', () => {
    const before = memory().numTensors;
    const t = tidy(() => {
      keep(tensor([5]));
      tensor([6]);
      return undefined;
    });
    expect(t).toBeUndefined();
    expect(memory().numTensors).toBe(before + 1);
    const more = [tensor([1]), { a: tensor([2]) }];
    dispose(more);
    expect(memory().numTensors).toBe(before + 1);
  });

  test('tidy disposes on a throw too, and refuses promises', () => {
    const before = memory().numTensors;
    expect(() =>
      tidy(() => {
        tensor([1]).add(2);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(memory().numTensors).toBe(before);
    expect(() => tidy(() => Promise.resolve(1) as never)).toThrow(/Promise/);
  });

  test('reshape shares data: bytes are counted once and freed with the last view', () => {
    const before = memory();
    const a = tensor([1, 2, 3, 4]);
    const b = reshape(a, [2, 2]);
    const during = memory();
    expect(during.numTensors - before.numTensors).toBe(2);
    expect(during.numDataBuffers - before.numDataBuffers).toBe(1);
    expect(during.numBytes - before.numBytes).toBe(16);
    a.dispose();
    expect(b.arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    b.dispose();
    expect(memory().numBytes).toBe(before.numBytes);
  });

  test('a disposed tensor refuses reads and ops with a clear error', () => {
    const t = tensor([1]);
    t.dispose();
    expect(() => t.dataSync()).toThrow(DisposedError);
    expect(() => add(t, 1)).toThrow(/disposed/);
    t.dispose(); // twice is harmless
  });
});

describe('dispatch', () => {
  test('an unknown kernel names itself', () => {
    expect(() => runKernel('NoSuchKernel', { x: scalar(1) })).toThrow(NotImplementedError);
    expect(() => runKernel('NoSuchKernel', { x: scalar(1) })).toThrow(/NoSuchKernel/);
  });

  test('profile reports each kernel with its backend and shapes', () => {
    const x = tensor([1, 2, 3]);
    const { result, kernels, newTensors } = profile(() => x.mul(2).add(1));
    expect(result.arraySync()).toEqual([3, 5, 7]);
    expect(kernels.map((k) => k.name)).toEqual(['Mul', 'Add']);
    expect(kernels.every((k) => k.backend === 'cpu' && !k.fallback)).toBe(true);
    expect(kernels[1].outputShapes).toEqual([[3]]);
    expect(newTensors).toBeGreaterThanOrEqual(3);
  });

  test('the recorder hears every kernel with its inputs, attrs and outputs', () => {
    const seen: KernelRecord[] = [];
    const previous = setRecorder({ record: (r) => seen.push(r) });
    try {
      const a = tensor([1, 2]);
      const y = reshape(a.add(1), [2, 1]);
      expect(seen.map((r) => r.name)).toEqual(['Add', 'Reshape']);
      expect(seen[1].attrs).toEqual({ shape: [2, 1] });
      expect(seen[1].outputs[0]).toBe(y);
      expect(seen[0].inputs.a).toBe(a);
    } finally {
      setRecorder(previous);
    }
  });

  test('backends: cpu is registered and active by default; unknown names are refused', () => {
    expect(listBackends()).toContain('cpu');
    expect(getBackend()).toBe('cpu');
    expect(() => setBackend('nope')).toThrow(ValueError);
    expect(() => setBackend('nope')).toThrow(/registered: .*cpu/);
  });
});
