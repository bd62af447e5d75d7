import * as T from '@horn/tensor';
import { beforeAll, expect, test } from 'vitest';
import { expectParity, pick, randInt, randomShape, randomValues, setUpGpu } from '../test-support/parity.js';

beforeAll(async () => {
  await setUpGpu();
});

/** `n` int32 values in [lo, hi]. */
function randomInts(r: T.Random, n: number, lo: number, hi: number): Int32Array {
  return Int32Array.from({ length: n }, () => randInt(r, lo, hi));
}

test('Gather matches cpu over axes, index ranks, repeats and dtypes', () => {
  const r = T.randomSource(41);
  for (let trial = 0; trial < 6; trial++) {
    const shape = randomShape(r, randInt(r, 1, 3), 1, 6);
    const axis = randInt(r, 0, shape.length - 1);
    const idxShape = randomShape(r, randInt(r, 0, 2), 1, 4);
    const idx = randomInts(r, T.sizeOf(idxShape), 0, shape[axis] - 1);
    const dtype = pick(r, ['float32', 'int32'] as const);
    const xv = dtype === 'int32' ? randomInts(r, T.sizeOf(shape), -50, 50) : randomValues(r, T.sizeOf(shape));
    expectParity(
      () =>
        T.runKernel('Gather', { x: T.tensor(xv, shape, dtype), indices: T.tensor(idx, idxShape, 'int32') }, { axis }),
      { label: `gather ${dtype} x${T.fmt(shape)} axis ${axis} idx${T.fmt(idxShape)}`, ranOnGpu: ['Gather'] },
    );
  }
});

test('gather op: an Embedding-style lookup, and the documented numbers', () => {
  const r = T.randomSource(42);
  const table = randomValues(r, 20 * 8);
  const ids = randomInts(r, 3 * 5, 0, 19);
  expectParity(() => T.gather(T.tensor(table, [20, 8]), T.tensor(ids, [3, 5], 'int32')), {
    label: 'embedding lookup',
    ranOnGpu: ['Gather'],
  });
  const y = T.gather(
    T.tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]),
    T.tensor([2, 0, 2], [3], 'int32'),
  );
  expect(y.arraySync()).toEqual([
    [5, 6],
    [1, 2],
    [5, 6],
  ]);
});

test('OneHot matches cpu, out-of-range indices giving rows of zeros', () => {
  const r = T.randomSource(43);
  for (let trial = 0; trial < 4; trial++) {
    const shape = randomShape(r, randInt(r, 0, 2), 1, 6);
    const depth = randInt(r, 1, 7);
    const idx = randomInts(r, T.sizeOf(shape), -1, depth);
    const dtype = pick(r, ['float32', 'int32', 'bool'] as const);
    expectParity(() => T.runKernel('OneHot', { indices: T.tensor(idx, shape, 'int32') }, { depth, dtype }), {
      label: `oneHot ${T.fmt(shape)} depth ${depth} ${dtype}`,
      ranOnGpu: ['OneHot'],
    });
  }
  expect(T.oneHot(T.tensor([1, 3, 0], [3], 'int32'), 3).arraySync()).toEqual([
    [0, 1, 0],
    [0, 0, 0],
    [1, 0, 0],
  ]);
});

test('UnsortedSegmentSum matches cpu, out-of-range ids dropped; int32 exact on the host', () => {
  const r = T.randomSource(44);
  for (let trial = 0; trial < 4; trial++) {
    const shape = randomShape(r, randInt(r, 1, 3), 1, 7);
    const numSegments = randInt(r, 1, 6);
    const ids = randomInts(r, shape[0], -1, numSegments);
    const xv = randomValues(r, T.sizeOf(shape));
    expectParity(
      () =>
        T.runKernel(
          'UnsortedSegmentSum',
          { x: T.tensor(xv, shape), segmentIds: T.tensor(ids, [shape[0]], 'int32') },
          { numSegments },
        ),
      { label: `segmentSum x${T.fmt(shape)} n ${numSegments}`, ranOnGpu: ['UnsortedSegmentSum'] },
    );
  }
  const big = T.tensor([2 ** 30, 2 ** 30, 7], [3], 'int32');
  const sum = T.unsortedSegmentSum(big, T.tensor([0, 0, 1], [3], 'int32'), 2);
  expect([...sum.dataSync()]).toEqual([-(2 ** 31), 7]);
  expect(
    T.unsortedSegmentSum(
      T.tensor([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
      T.tensor([0, 1, 0], [3], 'int32'),
      2,
    ).arraySync(),
  ).toEqual([
    [6, 8],
    [3, 4],
  ]);
});

test('Concat matches cpu over axes, empty parts, int32 and more parts than one program reads', () => {
  const r = T.randomSource(45);
  for (let trial = 0; trial < 6; trial++) {
    const rank = randInt(r, 1, 3);
    const base = randomShape(r, rank, 1, 5);
    const axis = randInt(r, 0, rank - 1);
    const count = randInt(r, 1, 4);
    const shapes = Array.from({ length: count }, (_, k) =>
      base.map((d, i) => (i === axis ? (k === 1 ? 0 : randInt(r, 1, 4)) : d)),
    );
    const dtype = pick(r, ['float32', 'int32'] as const);
    const values = shapes.map((s) =>
      dtype === 'int32' ? randomInts(r, T.sizeOf(s), -9, 9) : randomValues(r, T.sizeOf(s)),
    );
    expectParity(
      () =>
        T.concat(
          values.map((v, k) => T.tensor(v, shapes[k], dtype)),
          axis,
        ),
      {
        label: `concat ${dtype} ${shapes.map((s) => T.fmt(s)).join(' ')} axis ${axis}`,
        ranOnGpu: count > 1 ? ['Concat'] : [],
      },
    );
  }
  const parts = Array.from({ length: 14 }, (_, k) => randomValues(r, 2 * 3).map((v) => v + k));
  expectParity(
    () =>
      T.concat(
        parts.map((v) => T.tensor(v, [2, 3])),
        1,
      ),
    { label: 'concat of 14', ranOnGpu: [] },
  );
  expect(
    T.concat(
      [
        T.tensor([[1], [2]]),
        T.tensor([
          [3, 4],
          [5, 6],
        ]),
      ],
      1,
    ).arraySync(),
  ).toEqual([
    [1, 3, 4],
    [2, 5, 6],
  ]);
});
