import * as T from '@horn/tensor';
import { beforeAll, expect, test } from 'vitest';
import { expectParity, randInt, randomValues, setUpGpu } from '../test-support/parity.js';

beforeAll(async () => {
  await setUpGpu();
});

test('BatchMatMul matches cpu: transposes, batch broadcasting, odd and size-1 dims', () => {
  const r = T.randomSource(11);
  for (let trial = 0; trial < 16; trial++) {
    const m = randInt(r, 1, 9);
    const k = randInt(r, 1, 13);
    const n = randInt(r, 1, 9);
    const transposeA = r.next() < 0.5;
    const transposeB = r.next() < 0.5;
    const batch = [randInt(r, 1, 3), randInt(r, 1, 2)].slice(randInt(r, 0, 2));
    const aBatch = batch.map((d) => (r.next() < 0.3 ? 1 : d)).slice(randInt(r, 0, batch.length));
    const bBatch = batch.map((d) => (r.next() < 0.3 ? 1 : d));
    const aShape = [...aBatch, ...(transposeA ? [k, m] : [m, k])];
    const bShape = [...bBatch, ...(transposeB ? [n, k] : [k, n])];
    const a = randomValues(r, T.sizeOf(aShape));
    const b = randomValues(r, T.sizeOf(bShape));
    expectParity(
      () => T.runKernel('BatchMatMul', { a: T.tensor(a, aShape), b: T.tensor(b, bShape) }, { transposeA, transposeB }),
      {
        label: `matmul ${T.fmt(aShape)} ${T.fmt(bShape)} tA=${transposeA} tB=${transposeB}`,
        ranOnGpu: ['BatchMatMul'],
      },
    );
  }
});

test('BatchMatMul with zero-size dimensions gives zeros or empty results', () => {
  for (const [aShape, bShape] of [
    [
      [2, 0],
      [0, 3],
    ],
    [
      [0, 4],
      [4, 3],
    ],
    [
      [2, 4],
      [4, 0],
    ],
    [
      [0, 2, 4],
      [4, 3],
    ],
  ]) {
    expectParity(
      () =>
        T.runKernel('BatchMatMul', { a: T.ones(aShape), b: T.ones(bShape) }, { transposeA: false, transposeB: false }),
      {
        label: `matmul ${T.fmt(aShape)} ${T.fmt(bShape)}`,
        ranOnGpu: ['BatchMatMul'],
      },
    );
  }
});

test('matmul reproduces a hand-computed product on the device', () => {
  const c = T.matmul(
    T.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]),
    T.tensor([[7], [8], [9]]),
  );
  expect(c.arraySync()).toEqual([[50], [122]]);
});

test('a larger product (64 x 96 @ 96 x 80) agrees within float32 tolerance', () => {
  const r = T.randomSource(5);
  const a = randomValues(r, 64 * 96);
  const b = randomValues(r, 96 * 80);
  expectParity(() => T.matmul(T.tensor(a, [64, 96]), T.tensor(b, [96, 80])), {
    label: 'matmul 64x96x80',
    ranOnGpu: ['BatchMatMul'],
    atol: 1e-4,
  });
});
