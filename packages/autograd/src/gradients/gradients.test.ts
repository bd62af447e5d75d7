import * as T from '@horn/tensor';
import { kernelNames, mul, randomUniform, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { checkGradients, grad, registeredGradients } from '../index.js';
import { documentedNonDifferentiable, untestedGradients } from './builtin.js';

type Fn = (...xs: Tensor[]) => Tensor;
interface Case {
  label: string;
  f: Fn;
  inputs: () => Tensor[];
}

let seed = 1;
/** Seeded uniform values in [min, max). */
const rnd = (shape: number[], min = -2, max = 2) => randomUniform(shape, { min, max, seed: seed++ });
/** Values in [0.5, 2): away from zero, for log, sqrt, division. */
const pos = (shape: number[]) => rnd(shape, 0.5, 2);
/** Values away from 0 (for abs, relu, sign kinks). */
const away = (shape: number[]) => rnd(shape, 0.2, 1.8).mul(tensor(shape.length ? altSigns(shape) : 1));
function altSigns(shape: number[]): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tensor(
    Array.from({ length: n }, (_, i) => (i % 2 ? -1 : 1)),
    shape,
  );
}

/** Distinct values 0.1 apart in a seeded random order: no near-ties for max/min to trip on. */
function distinct(shape: number[]): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const order = rnd([n]).dataSync();
  const ranks = Array.from({ length: n }, (_, i) => i).sort((a, b) => order[a] - order[b]);
  return tensor(
    ranks.map((r) => (r - n / 2) * 0.1),
    shape,
  );
}

/** Multiplies f's output by fixed random weights so every output element matters differently. */
function weighted(f: Fn): Fn {
  const weights = new Map<string, Tensor>();
  return (...xs) => {
    const y = f(...xs);
    const key = y.shape.join('x');
    if (!weights.has(key)) weights.set(key, T.keep(rnd([...y.shape], 0.5, 1.5)));
    return mul(y, weights.get(key)!);
  };
}

const cases: Record<string, Case[]> = {};
function check(kernel: string, label: string, f: Fn, inputs: () => Tensor[]): void {
  cases[kernel] ??= [];
  cases[kernel].push({ label, f: weighted(f), inputs });
}

// Arithmetic with broadcasting.
for (const [name, op] of [
  ['Add', T.add],
  ['Sub', T.sub],
  ['Mul', T.mul],
  ['Maximum', T.maximum],
  ['Minimum', T.minimum],
] as const) {
  check(name, '[2,3] with [3]', op, () => [rnd([2, 3]), rnd([3])]);
  check(name, '[2,1] with [1,4]', op, () => [distinct([2, 1]), distinct([1, 4]).add(0.05)]);
  check(name, 'scalar with [2]', op, () => [rnd([]), rnd([2])]);
}
check('Div', '[2,3] / [3]', T.div, () => [rnd([2, 3]), pos([3])]);
check('Div', '[1] / [2,2]', T.div, () => [rnd([1]), pos([2, 2])]);
check('Pow', 'positive base, any exponent', T.pow, () => [pos([2, 3]), rnd([3])]);
check(
  'Pow',
  'negative base, integer exponent',
  (a) => T.pow(a, 3),
  () => [rnd([4])],
);
check(
  'Reshape',
  '[2,3] -> [3,2]',
  (x) => T.reshape(x, [3, 2]),
  () => [rnd([2, 3])],
);
check(
  'UnsortedSegmentSum',
  'rows into 3 segments',
  (x) => T.unsortedSegmentSum(x, tensor([2, 0, 2, 1], [4], 'int32'), 3),
  () => [rnd([4, 2])],
);

// Elementwise math and activations, away from their kinks.
const unary: [string, Fn, (s: number[]) => Tensor][] = [
  ['Neg', T.neg, rnd],
  ['Abs', T.abs, away],
  ['Sign', T.sign, away],
  ['Floor', T.floor, (s) => rnd(s).add(0.5).floor().add(0.3)],
  ['Ceil', T.ceil, (s) => rnd(s).floor().add(0.4)],
  ['Round', T.round, (s) => rnd(s).floor().add(0.2)],
  ['Exp', T.exp, rnd],
  ['Log', T.log, pos],
  ['Log1p', T.log1p, pos],
  ['Sqrt', T.sqrt, pos],
  ['Square', T.square, rnd],
  ['Reciprocal', T.reciprocal, pos],
  ['Relu', T.relu, away],
  ['Relu6', T.relu6, (s) => away(s).mul(4)],
  ['LeakyRelu', (x) => T.leakyRelu(x, 0.1), away],
  ['Elu', (x) => T.elu(x, 1.5), away],
  ['Selu', T.selu, away],
  ['Sigmoid', T.sigmoid, rnd],
  ['Tanh', T.tanh, rnd],
  ['Softplus', T.softplus, rnd],
  ['Softsign', T.softsign, away],
  ['Gelu', (x) => T.gelu(x), rnd],
  ['Gelu', (x) => T.gelu(x, true), rnd],
  ['ClipByValue', (x) => T.clip(x, -1, 1), (s) => away(s).mul(0.9).add(tensor(0.05))],
];
for (const [name, f, make] of unary) {
  check(name, '[2,3]', f, () => [make([2, 3])]);
  check(name, 'scalar', f, () => [make([])]);
}
check(
  'ReluGrad',
  'd/d(dy) and d/dx',
  (dy, x) => T.reluGrad(dy, x),
  () => [rnd([2, 3]), away([2, 3])],
);
check(
  'Select',
  'broadcast condition and branches',
  (a, b) => T.where(tensor([true, false, true]), a, b),
  () => [rnd([2, 3]), rnd([1])],
);

// Reductions.
for (const [name, op] of [
  ['Sum', T.sum],
  ['Max', T.max],
  ['Min', T.min],
  ['Prod', T.prod],
] as const) {
  const make = name === 'Max' || name === 'Min' ? distinct : away;
  check(
    name,
    'all axes',
    (x) => op(x),
    () => [make([2, 3])],
  );
  check(
    name,
    'axis -1, keepDims',
    (x) => op(x, -1, true),
    () => [make([2, 3, 2])],
  );
  check(
    name,
    'axes [0, 2]',
    (x) => op(x, [0, 2]),
    () => [make([2, 3, 2])],
  );
}
check(
  'Prod',
  'one zero in a group',
  (x) => T.prod(x, 1),
  () => [
    tensor([
      [1.5, 0, -2],
      [0.5, 1.2, 2],
    ]),
  ],
);
check(
  'Max',
  'ties split the gradient',
  (x) => T.max(x, 1),
  () => [
    tensor([
      [1, 3, 3],
      [2, 0, 1],
    ]),
  ],
);

// Shapes.
check(
  'Transpose',
  'perm [2,0,1]',
  (x) => T.transpose(x, [2, 0, 1]),
  () => [rnd([2, 3, 4])],
);
check(
  'BroadcastTo',
  '[3] -> [2,3]',
  (x) => T.broadcastTo(x, [2, 3]),
  () => [rnd([3])],
);
check(
  'BroadcastTo',
  '[2,1] -> [2,2,4]',
  (x) => T.broadcastTo(x, [2, 2, 4]),
  () => [rnd([2, 1])],
);
check(
  'Concat',
  'axis 1',
  (a, b) => T.concat([a, b], 1),
  () => [rnd([2, 1]), rnd([2, 3])],
);
check(
  'Concat',
  'axis 0, three parts',
  (a, b, c) => T.concat([a, b, c], 0),
  () => [rnd([1, 2]), rnd([2, 2]), rnd([1, 2])],
);
check(
  'Slice',
  'interior',
  (x) => T.slice(x, [1, 0], [2, -1]),
  () => [rnd([4, 3])],
);
check(
  'Pad',
  'both sides',
  (x) =>
    T.pad(
      x,
      [
        [1, 0],
        [2, 1],
      ],
      3,
    ),
  () => [rnd([2, 2])],
);
check(
  'Reverse',
  'axis 1',
  (x) => T.flip(x, 1),
  () => [rnd([2, 3])],
);
check(
  'Tile',
  '[2,3] x [2,1]',
  (x) => T.tile(x, [2, 1]),
  () => [rnd([2, 3])],
);
check(
  'Tile',
  '[2] x [3]',
  (x) => T.tile(x, [3]),
  () => [rnd([2])],
);
check(
  'Gather',
  'axis 0, repeated indices',
  (x) => T.gather(x, tensor([2, 0, 2], [3], 'int32')),
  () => [rnd([3, 2])],
);
check(
  'Gather',
  'axis 1, 2-D indices',
  (x) =>
    T.gather(
      x,
      tensor(
        [
          [0, 1],
          [1, 1],
        ],
        [2, 2],
        'int32',
      ),
      1,
    ),
  () => [rnd([2, 3, 2])],
);

// Linear algebra.
for (const [ta, tb] of [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
] as const) {
  check(
    'BatchMatMul',
    `transposeA=${ta} transposeB=${tb}`,
    (a, b) => T.matmul(a, b, ta, tb),
    () => [rnd(ta ? [3, 2] : [2, 3]), rnd(tb ? [4, 3] : [3, 4])],
  );
}
check(
  'BatchMatMul',
  'batch broadcast [2,1,2,3] x [3,3,2]',
  (a, b) => T.matmul(a, b),
  () => [rnd([2, 1, 2, 3]), rnd([3, 3, 2])],
);

// Convolutions and pooling.
const convOptions: [string, T.Conv2dOptions][] = [
  ['valid', { padding: 'valid' }],
  ['same, stride 2', { padding: 'same', strides: 2 }],
  [
    'explicit pad, dilation 2',
    {
      padding: [
        [1, 0],
        [0, 2],
      ],
      dilations: 2,
    },
  ],
];
// The fused LSTM cell: both outputs (h and c) reach the loss, so both output gradients flow in.
check(
  'LSTMCell',
  'h and c, batch 2, 3 units',
  (z, c) => T.concat(T.lstmCell(z, c), 1),
  () => [rnd([2, 12]), rnd([2, 3])],
);
check(
  'LSTMCell',
  'h only (dc arrives as zeros)',
  (z, c) => T.lstmCell(z, c)[0],
  () => [rnd([3, 8]), rnd([3, 2])],
);
// The fused convolution: bias and relu inside the kernel; its gradient goes through ReluGrad.
check(
  'FusedConv2D',
  'relu with bias, same padding, stride 2',
  (x, w, b) => T.fusedConv2d(x, w, { bias: b, activation: 'relu', padding: 'same', strides: 2 }),
  () => [rnd([2, 5, 5, 2]), rnd([2, 2, 2, 3]), rnd([3])],
);
check(
  'FusedConv2D',
  'linear without bias, dilated',
  (x, w) => T.fusedConv2d(x, w, { dilations: 2 }),
  () => [rnd([1, 6, 5, 2]), rnd([2, 2, 2, 3])],
);
for (const [label, options] of convOptions) {
  check(
    'Conv2D',
    label,
    (x, w) => T.conv2d(x, w, options),
    () => [rnd([2, 5, 5, 2]), rnd([2, 2, 2, 3])],
  );
  check(
    'Conv2DBackpropInput',
    label,
    (dy, w) => T.conv2dBackpropInput(dy, w, [2, 5, 5, 2], options),
    () => [rnd([...T.conv2d(T.zeros([2, 5, 5, 2]), T.zeros([2, 2, 2, 3]), options).shape]), rnd([2, 2, 2, 3])],
  );
  check(
    'Conv2DBackpropFilter',
    label,
    (x, dy) => T.conv2dBackpropFilter(x, dy, [2, 2, 2, 3], options),
    () => [rnd([2, 5, 5, 2]), rnd([...T.conv2d(T.zeros([2, 5, 5, 2]), T.zeros([2, 2, 2, 3]), options).shape])],
  );
  check(
    'DepthwiseConv2dNative',
    label,
    (x, w) => T.depthwiseConv2d(x, w, options),
    () => [rnd([1, 5, 5, 2]), rnd([2, 2, 2, 2])],
  );
  check(
    'DepthwiseConv2dNativeBackpropInput',
    label,
    (dy, w) => T.depthwiseConv2dBackpropInput(dy, w, [1, 5, 5, 2], options),
    () => [rnd([...T.depthwiseConv2d(T.zeros([1, 5, 5, 2]), T.zeros([2, 2, 2, 2]), options).shape]), rnd([2, 2, 2, 2])],
  );
  check(
    'DepthwiseConv2dNativeBackpropFilter',
    label,
    (x, dy) => T.depthwiseConv2dBackpropFilter(x, dy, [2, 2, 2, 2], options),
    () => [rnd([1, 5, 5, 2]), rnd([...T.depthwiseConv2d(T.zeros([1, 5, 5, 2]), T.zeros([2, 2, 2, 2]), options).shape])],
  );
}
for (const [label, options] of [
  ['2x2 valid', { poolSize: 2 }],
  ['3x3 same stride 2', { poolSize: 3, strides: 2, padding: 'same' }],
  ['2x2 stride 1', { poolSize: 2, strides: 1 }],
] as [string, T.Pool2dOptions][]) {
  check(
    'MaxPool',
    label,
    (x) => T.maxPool2d(x, options),
    () => [distinct([2, 5, 5, 2])],
  );
  check(
    'AvgPool',
    label,
    (x) => T.avgPool2d(x, options),
    () => [rnd([2, 5, 5, 2])],
  );
  check(
    'AvgPoolGrad',
    label,
    (dy) => T.avgPool2dBackprop(dy, [2, 5, 5, 2], options),
    () => [rnd([...T.avgPool2d(T.zeros([2, 5, 5, 2]), options).shape])],
  );
}

describe('checkGradients passes for every registered gradient', () => {
  for (const [kernel, list] of Object.entries(cases)) {
    for (const c of list) {
      test(`${kernel}: ${c.label}`, () => {
        const report = checkGradients(c.f, c.inputs());
        expect(report.maxError, JSON.stringify(report.inputs)).toBeLessThan(1e-2);
      });
    }
  }

  test('every registered gradient has a check above (or a documented reason why not)', () => {
    const missing = registeredGradients().filter((n) => !cases[n] && !untestedGradients[n]);
    expect(missing).toEqual([]);
  });

  test('every cpu kernel is differentiable or documented as not', () => {
    const registered = new Set(registeredGradients());
    const missing = kernelNames('cpu').filter((n) => !registered.has(n) && !documentedNonDifferentiable[n]);
    expect(missing).toEqual([]);
  });
});

describe('composed ops get their gradients from their kernels', () => {
  const composed: [string, Fn, () => Tensor[]][] = [
    ['softmax', (x) => T.softmax(x), () => [rnd([2, 4])]],
    ['logSoftmax axis 0', (x) => T.logSoftmax(x, 0), () => [rnd([3, 2])]],
    ['logSumExp', (x) => T.logSumExp(x, 1), () => [rnd([2, 3])]],
    ['mean', (x) => T.mean(x, 0), () => [rnd([3, 2])]],
    ['variance', (x) => T.variance(x, -1), () => [rnd([2, 4])]],
    ['std', (x) => T.std(x), () => [rnd([5])]],
    ['swish', (x) => T.swish(x), () => [rnd([4])]],
    [
      'conv1d causal',
      (x, w) => T.conv1d(x, w, { padding: 'causal', dilation: 2 }),
      () => [rnd([1, 6, 2]), rnd([2, 2, 3])],
    ],
    ['correlate full', (x, w) => T.correlate(x, w, 'full'), () => [rnd([6]), rnd([3])]],
    ['convolve2d same', (x, w) => T.convolve2d(x, w, 'same'), () => [rnd([4, 4]), rnd([2, 3])]],
    ['globalAvgPool2d', (x) => T.globalAvgPool2d(x), () => [rnd([2, 3, 3, 2])]],
    ['dot N-D', (a, b) => T.dot(a, b), () => [rnd([2, 3]), rnd([3])]],
    ['outer', (a, b) => T.outer(a, b), () => [rnd([2]), rnd([3])]],
    ['stack + split', (a, b) => T.split(T.stack([a, b], 1), [1, 1], 1)[1], () => [rnd([2, 2]), rnd([2, 2])]],
  ];
  for (const [label, f, inputs] of composed) {
    test(label, () => {
      expect(checkGradients(weighted(f), inputs()).maxError).toBeLessThan(1e-2);
    });
  }
});

describe('second derivatives', () => {
  test('d/dx of the gradient of tanh, sigmoid and matmul', () => {
    const g1 = (x: Tensor) => grad((v) => T.tanh(v))(x);
    expect(checkGradients(g1, [rnd([4])]).maxError).toBeLessThan(1e-2);
    const g2 = (x: Tensor) => grad((v) => T.sigmoid(v).square())(x);
    expect(checkGradients(g2, [rnd([4])]).maxError).toBeLessThan(1e-2);
    const w = rnd([3, 2]);
    const g3 = (x: Tensor) => grad((v) => T.matmul(v, w).square())(x);
    expect(checkGradients(g3, [rnd([2, 3])]).maxError).toBeLessThan(1e-2);
  });

  test('the gradient of a convolution is differentiable in the filter', () => {
    const x = rnd([1, 4, 4, 1]);
    const g = (w: Tensor) => grad((v) => T.conv2d(v, w, { padding: 'same' }).square())(x);
    expect(checkGradients(g, [rnd([2, 2, 1, 2])]).maxError).toBeLessThan(1e-2);
  });

  test('max pooling has no second derivative, and says so', () => {
    const x = rnd([1, 4, 4, 1]);
    const g = (v: Tensor) => grad((u) => T.maxPool2d(u, { poolSize: 2 }).square())(v);
    expect(() => grad(g)(x)).toThrow(/MaxPoolGrad.*not differentiable/);
  });
});
