import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectParity, randomValues, setUpWasm } from '../test-support/parity.js';

beforeAll(setUpWasm);

/** Values with the awkward ones mixed in: NaN, infinities, signed zeros. */
function awkward(seed: number, n: number, lo = -4, hi = 4): Float32Array {
  const v = randomValues(T.randomSource(seed), n, lo, hi);
  const special = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0];
  for (let i = 0; i < n; i += 7) v[i] = special[(i / 7) % special.length];
  return v;
}

const BINARY = { Add: T.add, Sub: T.sub, Mul: T.mul, Div: T.div, Maximum: T.maximum, Minimum: T.minimum } as const;

const SHAPE_PAIRS: [number[], number[]][] = [
  [[], []],
  [[5], []],
  [[], [7]],
  [[17], [17]],
  [[1], [6]],
  [[0], [0]],
  [[3, 0], [1]],
  [[0, 4], [4]],
  [[2, 3], [3]],
  [
    [2, 3],
    [2, 1],
  ],
  [
    [1, 9],
    [5, 1],
  ],
  [
    [4, 1, 5],
    [3, 1],
  ],
  [
    [2, 3, 4, 5],
    [1, 3, 1, 5],
  ],
  [
    [2, 1, 3, 1, 4],
    [1, 5, 1, 6, 1],
  ],
  [
    [7, 33],
    [7, 33],
  ],
  [[130, 26], [26]],
];

describe('binary kernels on wasm agree with cpu under broadcasting', () => {
  for (const [name, op] of Object.entries(BINARY)) {
    test(name, () => {
      SHAPE_PAIRS.forEach(([as, bs], i) => {
        const av = awkward(i, T.sizeOf(as));
        const bv = awkward(100 + i, T.sizeOf(bs));
        expectParity(() => op(T.tensor(av, as), T.tensor(bv, bs)), {
          rtol: 1e-6,
          atol: 0,
          label: `${name} ${T.fmt(as)} ${T.fmt(bs)}`,
          ranOnWasm: [name],
        });
      });
    });
  }

  test('int32 inputs keep int32 semantics (the cpu code on heap views)', () => {
    for (const [name, op] of Object.entries(BINARY)) {
      expectParity(() => op(T.tensor([7, -7, 2147483647, 5], [4], 'int32'), T.tensor([2, 2, 1, -3], [4], 'int32')), {
        label: `int32 ${name}`,
        ranOnWasm: [name],
      });
    }
  });

  test('a row bias over an NHWC batch, as Conv2D + bias does', () => {
    const y = T.add(T.zeros([2, 3, 3, 4]), T.tensor([1, 2, 3, 4]));
    expect([...y.dataSync().slice(0, 8)]).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
  });
});

const UNARY: Record<string, [(x: T.Tensor) => T.Tensor, number, number]> = {
  Neg: [T.neg, -4, 4],
  Abs: [T.abs, -4, 4],
  Sqrt: [T.sqrt, -1, 9],
  Square: [T.square, -4, 4],
  Reciprocal: [T.reciprocal, -4, 4],
  Relu: [T.relu, -4, 4],
  Relu6: [T.relu6, -8, 8],
  Floor: [T.floor, -4, 4],
  Ceil: [T.ceil, -4, 4],
  Exp: [T.exp, -90, 90],
  Log: [T.log, -1, 50],
  Tanh: [T.tanh, -12, 12],
  Sigmoid: [T.sigmoid, -100, 100],
};

describe('unary kernels on wasm agree with cpu', () => {
  for (const [name, [op, lo, hi]] of Object.entries(UNARY)) {
    test(name, () => {
      for (const n of [0, 1, 3, 4, 5, 17, 1000]) {
        const v = awkward(n, n, lo, hi);
        expectParity(() => op(T.tensor(v, [n])), {
          rtol: 2e-6,
          atol: 1e-30,
          label: `${name} [${n}]`,
          ranOnWasm: [name],
        });
      }
    });
  }

  test('tanh and sigmoid keep their precision near zero', () => {
    const v = Float32Array.from([1e-6, -1e-6, 1e-3, -1e-3, 1e-20]);
    expectParity(() => [T.tanh(T.tensor(v)), T.sigmoid(T.tensor(v))], {
      rtol: 2e-6,
      atol: 0,
      label: 'small arguments',
      ranOnWasm: ['Tanh', 'Sigmoid'],
    });
  });

  test('int32 inputs run the cpu code (Neg, Abs, Relu, Square keep int32)', () => {
    const x = () => T.tensor([-3, 0, 5, -2147483647], [4], 'int32');
    expectParity(() => [T.neg(x()), T.abs(x()), T.relu(x()), T.square(x())], {
      label: 'int32 unary',
      ranOnWasm: ['Neg', 'Abs', 'Relu', 'Square'],
    });
  });
});

describe('ReluGrad on wasm agrees with cpu', () => {
  test('odd sizes, NaN and infinite dy and x', () => {
    for (const n of [0, 1, 3, 4, 5, 17, 1001]) {
      const dy = awkward(n, n);
      const x = awkward(50 + n, n);
      expectParity(() => T.reluGrad(T.tensor(dy, [n]), T.tensor(x, [n])), {
        rtol: 0,
        atol: 0,
        label: `ReluGrad [${n}]`,
        ranOnWasm: ['ReluGrad'],
      });
    }
  });
});

const COMPARE = {
  Equal: T.equal,
  NotEqual: T.notEqual,
  Greater: T.greater,
  GreaterEqual: T.greaterEqual,
  Less: T.less,
  LessEqual: T.lessEqual,
} as const;

describe('comparisons and casts on wasm agree with cpu', () => {
  for (const [name, op] of Object.entries(COMPARE)) {
    test(`${name} into bool, broadcasting, NaN unequal to everything`, () => {
      SHAPE_PAIRS.forEach(([as, bs], i) => {
        // Coarse values so equal pairs occur.
        const av = awkward(i, T.sizeOf(as)).map(Math.round);
        const bv = awkward(100 + i, T.sizeOf(bs)).map(Math.round);
        expectParity(() => op(T.tensor(av, as), T.tensor(bv, bs)), {
          label: `${name} ${T.fmt(as)} ${T.fmt(bs)}`,
          ranOnWasm: [name],
        });
      });
      expectParity(() => op(T.tensor([1, 2, 3], [3], 'int32'), T.tensor([2], [1], 'int32')), {
        label: `int32 ${name}`,
        ranOnWasm: [name],
      });
    });
  }

  test('Cast between every pair of dtypes', () => {
    const values = awkward(3, 37).map((v) => (Number.isFinite(v) ? v * 1e9 : v));
    const sources = () => [T.tensor(values), T.cast(T.tensor(values), 'int32'), T.greater(T.tensor(values), 0)];
    for (const to of ['float32', 'int32', 'bool'] as const) {
      expectParity(() => sources().map((t) => T.cast(t, to)), { label: `cast to ${to}`, ranOnWasm: ['Cast'] });
    }
  });

  test('the relu gradient pattern: mul(dy, cast(greater(x, 0)))', () => {
    const x = awkward(5, 1000);
    const dy = randomValues(T.randomSource(6), 1000);
    expectParity(() => T.mul(T.tensor(dy), T.cast(T.greater(T.tensor(x), 0), 'float32')), {
      label: 'relu gradient',
      ranOnWasm: ['Greater', 'Cast', 'Mul'],
    });
  });
});
