import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectParity, randInt, randomValues, setUpWasm } from '../test-support/parity.js';

beforeAll(setUpWasm);

// Exact copies: wasm must give cpu's values bit for bit (rtol 0, atol 0).
const exact = { rtol: 0, atol: 0 };

/** Seeded values of `dtype` (bool as 0/1, int32 as small integers). */
function values(seed: number, n: number, dtype: T.DType): Float32Array {
  const v = randomValues(T.randomSource(seed), n, -50, 50);
  if (dtype === 'float32') return v;
  return v.map((x) => (dtype === 'bool' ? (x > 0 ? 1 : 0) : Math.round(x)));
}

describe('Slice, Concat, Gather and UnsortedSegmentSum on wasm agree with cpu', () => {
  test('slice: every box of random shapes up to rank 4, each dtype', () => {
    const r = T.randomSource(7);
    for (let i = 0; i < 60; i++) {
      const rank = randInt(r, 1, 4);
      const shape = Array.from({ length: rank }, () => randInt(r, 1, 6));
      const begin = shape.map((d) => randInt(r, 0, d - 1));
      const size = shape.map((d, k) => randInt(r, 0, d - begin[k]));
      const dtype = (['float32', 'int32', 'bool'] as const)[i % 3];
      const v = values(i, T.sizeOf(shape), dtype);
      expectParity(() => T.slice(T.tensor(v, shape, dtype), begin, size), {
        ...exact,
        label: `slice ${T.fmt(shape)} ${dtype} begin [${begin}] size [${size}]`,
        ranOnWasm: T.sizeOf(size) > 0 && !T.shapesEqual(size, shape) ? ['Slice'] : [],
      });
    }
  });

  test("slice: the LSTM's time steps of [64, 100, 256] (split along axis 1)", () => {
    const v = values(1, 64 * 100 * 256, 'float32');
    expectParity(() => T.split(T.tensor(v, [64, 100, 256]), 100, 1), {
      ...exact,
      label: 'split',
      ranOnWasm: ['Slice'],
    });
  });

  test('slice: the whole tensor shares the input data', () => {
    T.setBackend('wasm');
    const x = T.tensor([1, 2, 3, 4], [2, 2]);
    const y = T.slice(x, [0, 0], [2, 2]);
    x.dispose();
    expect([...y.dataSync()]).toEqual([1, 2, 3, 4]);
    y.dispose();
  });

  test('concat: along each axis of 2-4 parts, each dtype', () => {
    const r = T.randomSource(8);
    for (let i = 0; i < 30; i++) {
      const rank = randInt(r, 1, 4);
      const base = Array.from({ length: rank }, () => randInt(r, 1, 5));
      const axis = randInt(r, 0, rank - 1);
      const dtype = (['float32', 'int32', 'bool'] as const)[i % 3];
      const shapes = Array.from({ length: randInt(r, 2, 4) }, () =>
        base.map((d, k) => (k === axis ? randInt(r, 0, 4) : d)),
      );
      const vs = shapes.map((s, j) => values(100 * i + j, T.sizeOf(s), dtype));
      const total = shapes.reduce((n, s) => n + s[axis], 0);
      expectParity(
        () =>
          T.concat(
            vs.map((v, j) => T.tensor(v, shapes[j], dtype)),
            axis,
          ),
        {
          ...exact,
          label: `concat ${shapes.map((s) => T.fmt(s)).join(' ')} ${dtype} axis ${axis}`,
          ranOnWasm: total > 0 ? ['Concat'] : [],
        },
      );
    }
  });

  test('gather: along each axis, indices of rank 1 and 2, repeats included', () => {
    const r = T.randomSource(9);
    for (let i = 0; i < 30; i++) {
      const rank = randInt(r, 1, 3);
      const shape = Array.from({ length: rank }, () => randInt(r, 1, 5));
      const axis = randInt(r, 0, rank - 1);
      const idxShape = i % 2 === 0 ? [randInt(r, 1, 6)] : [randInt(r, 1, 3), randInt(r, 1, 3)];
      const idx = Array.from({ length: T.sizeOf(idxShape) }, () => randInt(r, 0, shape[axis] - 1));
      const dtype = (['float32', 'int32', 'bool'] as const)[i % 3];
      const v = values(i, T.sizeOf(shape), dtype);
      expectParity(() => T.gather(T.tensor(v, shape, dtype), T.tensor(idx, idxShape, 'int32'), axis), {
        ...exact,
        label: `gather ${T.fmt(shape)} ${dtype} axis ${axis} indices ${T.fmt(idxShape)} [${idx}]`,
        ranOnWasm: ['Gather'],
      });
    }
  });

  test('unsortedSegmentSum: repeated, skipped and out-of-range ids, float32 and int32', () => {
    const r = T.randomSource(10);
    for (let i = 0; i < 20; i++) {
      const rows = randInt(r, 0, 12);
      const width = [1, 3, 64][i % 3];
      const numSegments = randInt(r, 1, 8);
      const ids = Array.from({ length: rows }, () => randInt(r, -1, numSegments));
      const dtype = i % 4 === 3 ? 'int32' : 'float32';
      const v = values(i, rows * width, dtype);
      expectParity(
        () => T.unsortedSegmentSum(T.tensor(v, [rows, width], dtype), T.tensor(ids, [rows], 'int32'), numSegments),
        {
          ...exact,
          label: `segment sum [${rows}, ${width}] ids [${ids}] of ${numSegments}`,
          ranOnWasm: ['UnsortedSegmentSum'],
        },
      );
    }
  });

  test("unsortedSegmentSum: an Embedding's gradient, rows summed in input order as on cpu", () => {
    const r = T.randomSource(11);
    const ids = Array.from({ length: 640 }, () => randInt(r, 0, 99));
    const v = values(3, 640 * 64, 'float32');
    expectParity(() => T.unsortedSegmentSum(T.tensor(v, [640, 64]), T.tensor(ids, [640], 'int32'), 100), {
      ...exact,
      label: 'embedding gradient',
      ranOnWasm: ['UnsortedSegmentSum'],
    });
  });
});
