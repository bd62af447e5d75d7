import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Backend, Tensor, TypedArray } from '../index.js';
import * as T from '../index.js';

/**
 * A second backend that keeps data in boxes of its own (so a cpu kernel can never read its handles
 * by accident) and implements only Add and Reshape. Every other kernel must fall back to cpu, with
 * the data moved for it, the result moved back, and the fall-back counted.
 */
interface Box {
  data: TypedArray;
}
let stubAdds = 0;
class StubBackend implements Backend<Box> {
  readonly name = 'stub';
  write(values: TypedArray): Box {
    return { data: values.slice() };
  }
  readSync(handle: Box): TypedArray {
    return handle.data.slice();
  }
  read(handle: Box): Promise<TypedArray> {
    return Promise.resolve(handle.data.slice());
  }
  disposeData(handle: Box): void {
    handle.data = new Float32Array(0);
  }
}

const i32 = (values: number[], shape?: number[]) => T.tensor(values, shape, 'int32');
/** One call of every op of @horn/tensor. */
const ops: Record<string, () => Tensor | Tensor[]> = {
  tensor: () =>
    T.tensor([
      [1, 2],
      [3, 4],
    ]),
  scalar: () => T.scalar(2),
  zeros: () => T.zeros([2, 2]),
  ones: () => T.ones([2]),
  full: () => T.full([2], 3),
  zerosLike: () => T.zerosLike(T.tensor([1, 2])),
  onesLike: () => T.onesLike(T.tensor([1, 2])),
  range: () => T.range(0, 5, 2),
  linspace: () => T.linspace(0, 1, 3),
  eye: () => T.eye(2),
  randomUniform: () => T.randomUniform([3], { seed: 1 }),
  randomNormal: () => T.randomNormal([3], { seed: 1 }),
  truncatedNormal: () => T.truncatedNormal([3], { seed: 1 }),
  add: () => T.add(T.tensor([[1], [2]]), T.tensor([1, 2, 3])),
  sub: () => T.sub(T.tensor([5, 6]), 1),
  mul: () => T.mul(T.tensor([5, 6]), 2),
  div: () => T.div(T.tensor([5, 6]), 2),
  pow: () => T.pow(T.tensor([2, 3]), 2),
  neg: () => T.neg(T.tensor([1, -2])),
  abs: () => T.abs(T.tensor([1, -2])),
  sign: () => T.sign(T.tensor([1, -2, 0])),
  exp: () => T.exp(T.tensor([0, 1])),
  log: () => T.log(T.tensor([1, 2])),
  log1p: () => T.log1p(T.tensor([0, 1])),
  sqrt: () => T.sqrt(T.tensor([4, 9])),
  square: () => T.square(T.tensor([3])),
  reciprocal: () => T.reciprocal(T.tensor([2, 4])),
  floor: () => T.floor(T.tensor([1.5, -1.5])),
  ceil: () => T.ceil(T.tensor([1.5, -1.5])),
  round: () => T.round(T.tensor([0.5, 1.5, 2.6])),
  maximum: () => T.maximum(T.tensor([1, 5]), 3),
  minimum: () => T.minimum(T.tensor([1, 5]), 3),
  clip: () => T.clip(T.tensor([-2, 0, 2]), -1, 1),
  relu: () => T.relu(T.tensor([-1, 2])),
  relu6: () => T.relu6(T.tensor([-1, 7])),
  reluGrad: () => T.reluGrad(T.tensor([3, 4]), T.tensor([-1, 2])),
  leakyRelu: () => T.leakyRelu(T.tensor([-1, 2]), 0.1),
  elu: () => T.elu(T.tensor([-1, 2])),
  selu: () => T.selu(T.tensor([-1, 2])),
  sigmoid: () => T.sigmoid(T.tensor([0, 2])),
  tanh: () => T.tanh(T.tensor([0, 2])),
  softplus: () => T.softplus(T.tensor([0, 2])),
  softsign: () => T.softsign(T.tensor([0, 2])),
  gelu: () => T.gelu(T.tensor([0, 1])),
  swish: () => T.swish(T.tensor([0, 1])),
  equal: () => T.equal(T.tensor([1, 2]), 2),
  notEqual: () => T.notEqual(T.tensor([1, 2]), 2),
  greater: () => T.greater(T.tensor([1, 2]), 1),
  greaterEqual: () => T.greaterEqual(T.tensor([1, 2]), 2),
  less: () => T.less(T.tensor([1, 2]), 2),
  lessEqual: () => T.lessEqual(T.tensor([1, 2]), 1),
  logicalAnd: () => T.logicalAnd(T.tensor([true, false]), T.tensor([true, true])),
  logicalOr: () => T.logicalOr(T.tensor([true, false]), T.tensor([false, false])),
  logicalNot: () => T.logicalNot(T.tensor([true, false])),
  where: () => T.where(T.tensor([true, false]), T.tensor([1, 2]), T.tensor([3, 4])),
  cast: () => T.cast(T.tensor([1.7]), 'int32'),
  isNaN: () => T.isNaN(T.tensor([Number.NaN, 1])),
  isFinite: () => T.isFinite(T.tensor([Number.POSITIVE_INFINITY, 1])),
  sum: () => T.sum(T.range(6).reshape([2, 3]), 1),
  mean: () => T.mean(T.range(6).reshape([2, 3]), 0, true),
  max: () => T.max(T.range(6).reshape([2, 3]), -1),
  min: () => T.min(T.range(6).reshape([2, 3])),
  prod: () => T.prod(T.tensor([1, 2, 3])),
  variance: () => T.variance(T.tensor([1, 2, 3, 4])),
  std: () => T.std(T.tensor([1, 2, 3, 4])),
  logSumExp: () => T.logSumExp(T.tensor([1, 2, 3])),
  argMax: () =>
    T.argMax(
      T.tensor([
        [1, 5],
        [7, 2],
      ]),
      1,
    ),
  argMin: () =>
    T.argMin(
      T.tensor([
        [1, 5],
        [7, 2],
      ]),
      1,
    ),
  all: () => T.all(T.tensor([true, false])),
  any: () => T.any(T.tensor([true, false])),
  reshape: () => T.reshape(T.range(6), [3, 2]),
  transpose: () => T.transpose(T.range(6).reshape([2, 3])),
  swapaxes: () => T.swapaxes(T.range(6).reshape([1, 2, 3]), 0, 2),
  expandDims: () => T.expandDims(T.tensor([1, 2]), 1),
  squeeze: () => T.squeeze(T.ones([1, 2, 1])),
  flatten: () => T.flatten(T.ones([2, 2])),
  broadcastTo: () => T.broadcastTo(T.tensor([1, 2]), [2, 2]),
  concat: () => T.concat([T.tensor([1]), T.tensor([2, 3])]),
  stack: () => T.stack([T.tensor([1, 2]), T.tensor([3, 4])], 1),
  split: () => T.split(T.range(6), 3),
  slice: () => T.slice(T.range(6).reshape([2, 3]), [0, 1], [2, 2]),
  gather: () => T.gather(T.tensor([10, 20, 30]), i32([2, 0])),
  tile: () => T.tile(T.tensor([1, 2]), [2]),
  pad: () => T.pad(T.tensor([1, 2]), [[1, 1]]),
  flip: () => T.flip(T.tensor([1, 2, 3])),
  oneHot: () => T.oneHot(i32([0, 2]), 3),
  unsortedSegmentSum: () => T.unsortedSegmentSum(T.tensor([1, 2, 3]), i32([0, 0, 1]), 2),
  matmul: () => T.matmul(T.tensor([[1, 2, 3]]), T.tensor([[2], [2], [2]])),
  dot: () => T.dot(T.tensor([1, 2]), T.tensor([3, 4])),
  outer: () => T.outer(T.tensor([1, 2]), T.tensor([3, 4])),
  softmax: () => T.softmax(T.tensor([2.2, 1.39, 0.85])),
  logSoftmax: () => T.logSoftmax(T.tensor([2.2, 1.39, 0.85])),
  conv1d: () => T.conv1d(T.ones([1, 4, 1]), T.ones([2, 1, 1])),
  conv2d: () => T.conv2d(T.range(1, 10).reshape([1, 3, 3, 1]), T.ones([2, 2, 1, 1]), { padding: 'same' }),
  fusedConv2d: () =>
    T.fusedConv2d(T.range(-4, 5).reshape([1, 3, 3, 1]), T.ones([2, 2, 1, 1]), { bias: [-1], activation: 'relu' }),
  conv2dBackpropInput: () => T.conv2dBackpropInput(T.ones([1, 2, 2, 1]), T.ones([2, 2, 1, 1]), [1, 3, 3, 1]),
  conv2dBackpropFilter: () => T.conv2dBackpropFilter(T.ones([1, 3, 3, 1]), T.ones([1, 2, 2, 1]), [2, 2, 1, 1]),
  depthwiseConv2d: () => T.depthwiseConv2d(T.ones([1, 3, 3, 2]), T.ones([2, 2, 2, 1])),
  maxPool2d: () => T.maxPool2d(T.range(16).reshape([1, 4, 4, 1]), { poolSize: 2 }),
  avgPool2d: () => T.avgPool2d(T.range(16).reshape([1, 4, 4, 1]), { poolSize: 2 }),
  globalAvgPool2d: () => T.globalAvgPool2d(T.range(16).reshape([1, 4, 4, 1])),
  convolve: () => T.convolve(T.tensor([2, 8, 3, 7, 1, 2, 0, 4, 5]), T.tensor([2, 1, 5, 3]), 'valid'),
  correlate: () => T.correlate(T.tensor([2, 8, 3, 7, 1, 2, 0, 4, 5]), T.tensor([2, 1, 5, 3]), 'same'),
  convolve2d: () =>
    T.convolve2d(
      T.range(1, 10).reshape([3, 3]),
      T.tensor([
        [2, 0],
        [0, 0],
      ]),
    ),
  correlate2d: () =>
    T.correlate2d(
      T.range(1, 10).reshape([3, 3]),
      T.tensor([
        [2, 0],
        [0, 0],
      ]),
      'same',
    ),
};

const results = (out: Tensor | Tensor[]) =>
  (Array.isArray(out) ? out : [out]).map((t) => ({
    shape: [...t.shape],
    dtype: t.dtype,
    values: [...t.dataSync()],
  }));

describe('every op through a second registered backend', () => {
  const onCpu: Record<string, ReturnType<typeof results>> = {};

  beforeAll(() => {
    for (const [name, op] of Object.entries(ops)) onCpu[name] = results(op());
    T.registerBackend('stub', () => new StubBackend(), -1);
    T.registerKernel<Box, object>({
      name: 'Add',
      backend: 'stub',
      run: ({ a, b }, _attrs) => {
        stubAdds++;
        const shape = T.broadcastShapes(a.shape, b.shape, 'Add');
        const out = T.arrayFor(a.dtype, T.sizeOf(shape));
        T.broadcastBinary(a.values.data, a.shape, b.values.data, b.shape, out, shape, (x, y) => x + y);
        return { values: { data: out }, shape, dtype: a.dtype };
      },
    });
    T.registerKernel<Box, object>({
      name: 'Reshape',
      backend: 'stub',
      run: ({ x }, attrs) => ({ values: x.values, shape: (attrs as { shape: number[] }).shape, dtype: x.dtype }),
    });
    T.setBackend('stub');
  });

  afterAll(() => {
    T.setBackend('cpu');
    T.removeBackend('stub');
    T.unregisterKernel('Add', 'stub');
    T.unregisterKernel('Reshape', 'stub');
  });

  for (const name of Object.keys(ops)) {
    test(`${name} gives the cpu result with its data on the stub backend`, () => {
      const out = ops[name]();
      for (const t of Array.isArray(out) ? out : [out]) expect(t.ref.backend.name).toBe('stub');
      expect(results(out)).toEqual(onCpu[name]);
    });
  }

  test('the stub ran its own Add, and fall-backs to cpu were counted per kernel', () => {
    expect(stubAdds).toBeGreaterThan(0);
    const { fallbacks, backends } = T.memory();
    expect(fallbacks.Add).toBeUndefined();
    expect(fallbacks.Reshape).toBeUndefined();
    expect(fallbacks.MatMul ?? fallbacks.BatchMatMul).toBeGreaterThan(0);
    expect(fallbacks.Conv2D).toBeGreaterThan(0);
    expect(backends.stub.numTensors).toBeGreaterThan(0);
  });

  test('a fall-back shows in a profile', () => {
    const x = T.tensor([1, 2]);
    const { kernels } = T.profile(() => x.add(1).exp());
    expect(kernels.map((k) => [k.name, k.backend, k.fallback])).toEqual([
      ['Add', 'stub', false],
      ['Exp', 'cpu', true],
    ]);
  });
});
