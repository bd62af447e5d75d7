import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectParity, pick, randInt, randomValues, setUpWasm } from '../test-support/parity.js';

beforeAll(setUpWasm);

/** The GEMM sums k products in float32 (the cpu backend in float64): allow for that. */
const tol = (k: number) => ({ rtol: 1e-4, atol: 2e-6 * Math.max(1, Math.sqrt(k)) });

function checkMatMul(aShape: number[], bShape: number[], transposeA: boolean, transposeB: boolean, seed: number) {
  const r = T.randomSource(seed);
  const av = randomValues(r, T.sizeOf(aShape));
  const bv = randomValues(r, T.sizeOf(bShape));
  const k = transposeA ? aShape.at(-2)! : aShape.at(-1)!;
  expectParity(() => T.matmul(T.tensor(av, aShape), T.tensor(bv, bShape), transposeA, transposeB), {
    ...tol(k),
    label: `matmul a${T.fmt(aShape)} b${T.fmt(bShape)} tA=${transposeA} tB=${transposeB}`,
    ranOnWasm: ['BatchMatMul'],
  });
}

const mat = (rows: number, cols: number, transposed: boolean) => (transposed ? [cols, rows] : [rows, cols]);

describe('BatchMatMul on wasm agrees with cpu', () => {
  test('the textbook product', () => {
    const c = T.matmul(
      T.tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      T.tensor([[7], [8], [9]]),
    );
    expect(c.arraySync()).toEqual([[50], [122]]);
  });

  test('odd sizes around the 2x16 tile, every transpose combination', () => {
    const sizes = [1, 2, 3, 5, 15, 16, 17, 31, 33];
    const r = T.randomSource(7);
    for (let i = 0; i < 40; i++) {
      const [m, k, n] = [pick(r, sizes), pick(r, sizes), pick(r, sizes)];
      const tA = i % 2 === 1;
      const tB = i % 4 >= 2;
      checkMatMul(mat(m, k, tA), mat(k, n, tB), tA, tB, 100 + i);
    }
  });

  test('sizes that cross the cache blocks (MC = 128 rows, KC = 256)', () => {
    checkMatMul([260, 520], [520, 40], false, false, 1);
    checkMatMul([520, 260], [40, 520], true, true, 2);
    checkMatMul([129, 257], [257, 33], false, false, 3);
  });

  test('Aᵀ·B with few columns runs as (Bᵀ·A)ᵀ: the Dense weight gradient xᵀ·dy', () => {
    checkMatMul([128, 5408], [128, 10], true, false, 8);
    checkMatMul([7, 100], [7, 64], true, false, 9);
    checkMatMul([33, 70], [33, 1], true, false, 10);
    checkMatMul([0, 70], [0, 3], true, false, 11);
  });

  test('zero-size dimensions give zeros or empty results', () => {
    checkMatMul([3, 0], [0, 4], false, false, 4);
    checkMatMul([0, 5], [5, 4], false, false, 5);
    checkMatMul([3, 5], [5, 0], false, false, 6);
    checkMatMul([0, 3, 5], [5, 4], false, false, 7);
  });

  test('batch dimensions broadcast', () => {
    const cases: [number[], number[]][] = [
      [[3], [3]],
      [[3], []],
      [[], [4]],
      [
        [2, 1],
        [1, 3],
      ],
      [[1], [5]],
      [[2, 3], [3]],
    ];
    const r = T.randomSource(11);
    cases.forEach(([ab, bb], i) => {
      const [m, k, n] = [randInt(r, 1, 9), randInt(r, 1, 20), randInt(r, 1, 19)];
      const tA = i % 2 === 0;
      const tB = i % 3 === 0;
      checkMatMul([...ab, ...mat(m, k, tA)], [...bb, ...mat(k, n, tB)], tA, tB, 200 + i);
    });
  });

  test('int32 products run the cpu code on heap views', () => {
    expectParity(
      () =>
        T.matmul(
          T.tensor(
            [
              [1, 2],
              [3, 4],
            ],
            undefined,
            'int32',
          ),
          T.tensor([[5], [6]], undefined, 'int32'),
        ),
      { label: 'int32 matmul', ranOnWasm: ['BatchMatMul'] },
    );
  });
});
