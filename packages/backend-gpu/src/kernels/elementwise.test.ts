import * as T from '@horn/tensor';
import { beforeAll, describe, test } from 'vitest';
import { expectParity, pick, randInt, randomShape, randomValues, setUpGpu } from '../test-support/parity.js';
import { BINARY_KERNELS, UNARY_KERNELS } from './elementwise.js';

beforeAll(async () => {
  await setUpGpu();
});

const f32 = (values: Float32Array, shape: number[]) => T.tensor(values, shape, 'float32');

/** Pairs of shapes that broadcast: equal, size-1 dims, lower rank, scalars, zero-size. */
function shapePair(r: T.Random): [number[], number[]] {
  const out = randomShape(r, randInt(r, 0, 4), 1, 6).map((d) => (r.next() < 0.08 ? 0 : d));
  const b = out.map((d) => (r.next() < 0.3 ? 1 : d)).slice(randInt(r, 0, out.length));
  const a = r.next() < 0.5 ? out : out.map((d) => (r.next() < 0.3 ? 1 : d));
  return r.next() < 0.5 ? [a, b] : [b, a];
}

const UNARY_DOMAIN: Record<string, [number, number]> = {
  Log: [0.01, 10],
  Sqrt: [0, 10],
  Reciprocal: [0.1, 4],
  Exp: [-20, 20],
  Tanh: [-30, 30],
  Sigmoid: [-30, 30],
  Softplus: [-30, 30],
  Relu6: [-3, 9],
};

const UNARY_ATTRS: Record<string, T.KernelAttrs> = {
  LeakyRelu: { alpha: 0.2 },
  Elu: { alpha: 1.3 },
  ClipByValue: { min: -0.25, max: 0.5 },
};

describe('unary kernels match cpu', () => {
  for (const name of UNARY_KERNELS) {
    test(name, () => {
      const r = T.randomSource(name.length * 7 + 1);
      for (let trial = 0; trial < 3; trial++) {
        const shape = trial === 2 ? [] : randomShape(r, randInt(r, 1, 4), 1, 7);
        const [lo, hi] = UNARY_DOMAIN[name] ?? [-3, 3];
        const values = randomValues(r, T.sizeOf(shape), lo, hi);
        expectParity(() => T.runKernel(name, { x: f32(values, shape) }, UNARY_ATTRS[name] ?? {}), {
          label: `${name} ${T.fmt(shape)}`,
          ranOnGpu: [name],
          rtol: 2e-5,
          atol: 1e-6,
        });
      }
    });
  }

  test('zero-size and int32 input run the cpu code on the gpu backend', () => {
    expectParity(() => T.runKernel('Relu', { x: T.zeros([0, 3]) }), { label: 'relu [0,3]', ranOnGpu: ['Relu'] });
    expectParity(() => T.runKernel('Neg', { x: T.tensor([1, -2, 3], [3], 'int32') }), {
      label: 'neg int32',
      ranOnGpu: ['Neg'],
    });
  });
});

describe('binary kernels match cpu, with broadcasting', () => {
  for (const name of BINARY_KERNELS) {
    test(name, () => {
      const r = T.randomSource(name.length * 13 + 5);
      const logical = name.startsWith('Logical');
      for (let trial = 0; trial < 6; trial++) {
        const [sa, sb] = shapePair(r);
        let a = randomValues(r, T.sizeOf(sa), -3, 3);
        let b = randomValues(r, T.sizeOf(sb), -3, 3);
        if (name === 'Pow') {
          // Positive bases with any exponent, negative bases with integer exponents.
          a = a.map((v, i) => (i % 2 === 0 ? Math.abs(v) + 0.1 : v));
          b = b.map((v) => Math.round(v));
          if (T.sizeOf(sb) > 0 && T.sizeOf(sa) > 0) a = a.map((v) => Math.abs(v) + 0.1);
        }
        if (name === 'Div') b = b.map((v) => (Math.abs(v) < 0.1 ? 0.5 : v));
        if (name.includes('Equal')) b = b.map((v, i) => (i % 3 === 0 ? (a[i % Math.max(a.length, 1)] ?? v) : v));
        const make = logical
          ? () =>
              T.runKernel(name, {
                a: T.tensor(
                  a.map((v) => (v > 0 ? 1 : 0)),
                  sa,
                  'bool',
                ),
                b: T.tensor(
                  b.map((v) => (v > 0 ? 1 : 0)),
                  sb,
                  'bool',
                ),
              })
          : () => T.runKernel(name, { a: f32(a, sa), b: f32(b, sb) });
        expectParity(make, { label: `${name} ${T.fmt(sa)} ${T.fmt(sb)}`, ranOnGpu: [name], rtol: 1e-5, atol: 1e-6 });
      }
    });
  }

  test('Pow with negative bases and integer exponents', () => {
    expectParity(
      () => T.runKernel('Pow', { a: T.tensor([-2, -2, -3, 2, 0, 0, 0]), b: T.tensor([2, 3, -1, 0.5, 2, 0, -1]) }),
      {
        label: 'pow signs',
        ranOnGpu: ['Pow'],
      },
    );
  });

  test('comparisons of int32 tensors are exact', () => {
    expectParity(
      () =>
        T.runKernel('GreaterEqual', {
          a: T.tensor([1, 5, -7, 1 << 20], [4], 'int32'),
          b: T.tensor([1, 6, -8, (1 << 20) + 1], [4], 'int32'),
        }),
      { label: 'int32 >=', ranOnGpu: ['GreaterEqual'] },
    );
  });

  test('int32 arithmetic runs the cpu code and wraps like int32', () => {
    expectParity(
      () => T.runKernel('Mul', { a: T.tensor([65536, 3], [2], 'int32'), b: T.tensor([65536, -4], [2], 'int32') }),
      {
        label: 'int32 mul',
        ranOnGpu: ['Mul'],
      },
    );
  });
});

describe('select, logical not and cast match cpu', () => {
  test('Select broadcasts its three inputs', () => {
    const r = T.randomSource(77);
    for (let trial = 0; trial < 5; trial++) {
      const [sa, sb] = shapePair(r);
      const sc = pick(r, [sa, sb, [], sa.slice(1)]);
      const c = randomValues(r, T.sizeOf(sc));
      const a = randomValues(r, T.sizeOf(sa));
      const b = randomValues(r, T.sizeOf(sb));
      expectParity(
        () =>
          T.runKernel('Select', {
            condition: T.tensor(
              c.map((v) => (v > 0 ? 1 : 0)),
              sc,
              'bool',
            ),
            a: f32(a, sa),
            b: f32(b, sb),
          }),
        { label: `select ${T.fmt(sc)} ${T.fmt(sa)} ${T.fmt(sb)}`, ranOnGpu: ['Select'] },
      );
    }
  });

  test('IsFinite and IsNan tell NaN and infinities from numbers', () => {
    const x = () => T.tensor([0, -1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 3e38]);
    expectParity(() => T.runKernel('IsFinite', { x: x() }), { label: 'isFinite', ranOnGpu: ['IsFinite'] });
    expectParity(() => T.runKernel('IsNan', { x: x() }), { label: 'isNan', ranOnGpu: ['IsNan'] });
  });

  test('LogicalNot', () => {
    expectParity(() => T.runKernel('LogicalNot', { x: T.tensor([1, 0, 1, 1, 0], [5], 'bool') }), {
      label: 'not',
      ranOnGpu: ['LogicalNot'],
    });
  });

  test('Cast between every pair of dtypes', () => {
    const values = new Float32Array([-2.7, -1, -0.5, 0, 0.5, 1.5, 2.99, 7]);
    const dtypes: T.DType[] = ['float32', 'int32', 'bool'];
    for (const from of dtypes) {
      for (const to of dtypes) {
        expectParity(() => T.runKernel('Cast', { x: T.cast(T.tensor(values), from) }, { dtype: to }), {
          label: `cast ${from} -> ${to}`,
          ranOnGpu: ['Cast'],
          rtol: 0,
          atol: 0,
        });
      }
    }
  });
});
