import type { DataRef } from './engine/data-ref.js';
import { ENGINE } from './engine/global.js';
import { formatTensor } from './format.js';
import {
  elu,
  gelu,
  leakyRelu,
  relu,
  relu6,
  selu,
  sigmoid,
  softplus,
  softsign,
  swish,
  tanh,
} from './ops/activations.js';
import { argMax, argMin } from './ops/arg-max.js';
import { add, div, maximum, minimum, mul, pow, sub } from './ops/arithmetic.js';
import { broadcastTo } from './ops/broadcast-to.js';
import { cast } from './ops/cast.js';
import { clip } from './ops/clip.js';
import { equal, greater, greaterEqual, less, lessEqual, notEqual } from './ops/compare.js';
import { concat, stack } from './ops/concat.js';
import { type Conv1dOptions, conv1d } from './ops/conv1d.js';
import { type Conv2dOptions, conv2d } from './ops/conv2d.js';
import { depthwiseConv2d } from './ops/depthwise-conv2d.js';
import { dot, outer } from './ops/dot.js';
import { flip } from './ops/flip.js';
import { gather } from './ops/gather.js';
import { isFinite, isNaN } from './ops/is-finite.js';
import { logSumExp } from './ops/log-sum-exp.js';
import { logicalAnd, logicalNot, logicalOr } from './ops/logical.js';
import { matmul } from './ops/matmul.js';
import { mean, std, variance } from './ops/moments.js';
import { oneHot } from './ops/one-hot.js';
import { pad } from './ops/pad.js';
import { avgPool2d, globalAvgPool2d, maxPool2d, type Pool2dOptions } from './ops/pool.js';
import { all, any, max, min, prod, sum } from './ops/reduce.js';
import { expandDims, flatten, reshape, squeeze } from './ops/reshape.js';
import { slice } from './ops/slice.js';
import { logSoftmax, softmax } from './ops/softmax.js';
import { split } from './ops/split.js';
import { tile } from './ops/tile.js';
import { swapaxes, transpose } from './ops/transpose.js';
import { abs, ceil, exp, floor, log, log1p, neg, reciprocal, round, sign, sqrt, square } from './ops/unary-math.js';
import type { TensorLike } from './tensor-like.js';
import type { ArrayFor, DataFor, DataValues, DType, NumericDType, Shape } from './types.js';

type Axis = number | readonly number[];

/**
 * An immutable n-dimensional array of float32, int32, bool or string values, held by a backend
 * (string tensors always by the cpu backend).
 * Every op is a free function and a method: `add(a, b)` is `a.add(b)`.
 * @example
 * const x = tensor([[1, 2], [3, 4]]);
 * x.add(1).mul(2).arraySync(); // [[4, 6], [8, 10]]
 */
export class Tensor {
  /** A unique id, for debugging. */
  readonly id: number;
  /** The size of each dimension; `[]` for a scalar. */
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** The number of elements. */
  readonly size: number;
  /** @internal The backend data this tensor views. Only the engine changes it (a variable's assign). */
  ref: DataRef;
  /** @internal Set by `keep()`: no `tidy()` disposes this tensor. */
  kept = false;
  /** @internal How many tapes hold this tensor for a gradient (see `Engine.hold`). */
  holds = 0;
  /** @internal A dispose() that waits for the last hold to go. */
  disposeRequested = false;
  private disposed = false;

  /** @internal Tensors are made by ops and `tensor()`, not constructed directly. */
  constructor(shape: Shape, dtype: DType, ref: DataRef) {
    this.id = ENGINE.nextTensorId();
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    let n = 1;
    for (const d of shape) n *= d;
    this.size = n;
    this.ref = ref;
  }

  /** The number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }

  /** Whether `dispose()` was called. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** @internal Called by the engine when it disposes this tensor. */
  markDisposed(): void {
    this.disposed = true;
  }

  /**
   * The values as a new flat typed array (synchronous read); a string tensor gives a `string[]`
   * (type it with `dataSync<'string'>()`).
   */
  dataSync<D extends DType = NumericDType>(): DataFor<D> {
    return ENGINE.readSync(this) as DataFor<D>;
  }

  /** The values as a new flat typed array (a `string[]` for a string tensor: `data<'string'>()`). */
  data<D extends DType = NumericDType>(): Promise<DataFor<D>> {
    return ENGINE.read(this) as Promise<DataFor<D>>;
  }

  /** The values as nested JavaScript arrays (a number for a scalar; strings for a string tensor: `arraySync<'string'>()`). */
  arraySync<D extends DType = NumericDType>(): ArrayFor<D> {
    return nest(ENGINE.readSync(this), this.shape) as ArrayFor<D>;
  }

  /** The values as nested JavaScript arrays. */
  async array<D extends DType = NumericDType>(): Promise<ArrayFor<D>> {
    return nest(await ENGINE.read(this), this.shape) as ArrayFor<D>;
  }

  /** Frees the tensor's data (once the last tensor sharing it goes). Using it afterwards throws. */
  dispose(): void {
    ENGINE.disposeTensor(this);
  }

  /** The values printed as NumPy's `str()` does. */
  toString(): string {
    return formatTensor(ENGINE.readSync(this), this.shape, this.dtype);
  }

  /** Logs `toString()` to the console. */
  print(): void {
    console.log(this.toString());
  }

  /** A new tensor over the same values. */
  clone(): Tensor {
    return reshape(this, this.shape);
  }

  /** {@link add} as a method. */
  add(b: TensorLike): Tensor {
    return add(this, b);
  }
  /** {@link sub} as a method. */
  sub(b: TensorLike): Tensor {
    return sub(this, b);
  }
  /** {@link mul} as a method. */
  mul(b: TensorLike): Tensor {
    return mul(this, b);
  }
  /** {@link div} as a method. */
  div(b: TensorLike): Tensor {
    return div(this, b);
  }
  /** {@link pow} as a method. */
  pow(exponent: TensorLike): Tensor {
    return pow(this, exponent);
  }
  /** {@link maximum} as a method. */
  maximum(b: TensorLike): Tensor {
    return maximum(this, b);
  }
  /** {@link minimum} as a method. */
  minimum(b: TensorLike): Tensor {
    return minimum(this, b);
  }
  /** {@link neg} as a method. */
  neg(): Tensor {
    return neg(this);
  }
  /** {@link abs} as a method. */
  abs(): Tensor {
    return abs(this);
  }
  /** {@link sign} as a method. */
  sign(): Tensor {
    return sign(this);
  }
  /** {@link exp} as a method. */
  exp(): Tensor {
    return exp(this);
  }
  /** {@link log} as a method. */
  log(): Tensor {
    return log(this);
  }
  /** {@link log1p} as a method. */
  log1p(): Tensor {
    return log1p(this);
  }
  /** {@link sqrt} as a method. */
  sqrt(): Tensor {
    return sqrt(this);
  }
  /** {@link square} as a method. */
  square(): Tensor {
    return square(this);
  }
  /** {@link reciprocal} as a method. */
  reciprocal(): Tensor {
    return reciprocal(this);
  }
  /** {@link floor} as a method. */
  floor(): Tensor {
    return floor(this);
  }
  /** {@link ceil} as a method. */
  ceil(): Tensor {
    return ceil(this);
  }
  /** {@link round} as a method. */
  round(): Tensor {
    return round(this);
  }
  /** {@link clip} as a method. */
  clip(min: number, max: number): Tensor {
    return clip(this, min, max);
  }
  /** {@link relu} as a method. */
  relu(): Tensor {
    return relu(this);
  }
  /** {@link relu6} as a method. */
  relu6(): Tensor {
    return relu6(this);
  }
  /** {@link leakyRelu} as a method. */
  leakyRelu(alpha?: number): Tensor {
    return leakyRelu(this, alpha);
  }
  /** {@link elu} as a method. */
  elu(alpha?: number): Tensor {
    return elu(this, alpha);
  }
  /** {@link selu} as a method. */
  selu(): Tensor {
    return selu(this);
  }
  /** {@link sigmoid} as a method. */
  sigmoid(): Tensor {
    return sigmoid(this);
  }
  /** {@link tanh} as a method. */
  tanh(): Tensor {
    return tanh(this);
  }
  /** {@link softplus} as a method. */
  softplus(): Tensor {
    return softplus(this);
  }
  /** {@link softsign} as a method. */
  softsign(): Tensor {
    return softsign(this);
  }
  /** {@link gelu} as a method. */
  gelu(approximate?: boolean): Tensor {
    return gelu(this, approximate);
  }
  /** {@link swish} as a method. */
  swish(beta?: number): Tensor {
    return swish(this, beta);
  }
  /** {@link equal} as a method. */
  equal(b: TensorLike): Tensor {
    return equal(this, b);
  }
  /** {@link notEqual} as a method. */
  notEqual(b: TensorLike): Tensor {
    return notEqual(this, b);
  }
  /** {@link greater} as a method. */
  greater(b: TensorLike): Tensor {
    return greater(this, b);
  }
  /** {@link greaterEqual} as a method. */
  greaterEqual(b: TensorLike): Tensor {
    return greaterEqual(this, b);
  }
  /** {@link less} as a method. */
  less(b: TensorLike): Tensor {
    return less(this, b);
  }
  /** {@link lessEqual} as a method. */
  lessEqual(b: TensorLike): Tensor {
    return lessEqual(this, b);
  }
  /** {@link logicalAnd} as a method. */
  logicalAnd(b: TensorLike): Tensor {
    return logicalAnd(this, b);
  }
  /** {@link logicalOr} as a method. */
  logicalOr(b: TensorLike): Tensor {
    return logicalOr(this, b);
  }
  /** {@link logicalNot} as a method. */
  logicalNot(): Tensor {
    return logicalNot(this);
  }
  /** {@link cast} as a method. */
  cast(dtype: DType): Tensor {
    return cast(this, dtype);
  }
  /** {@link isNaN} as a method. */
  isNaN(): Tensor {
    return isNaN(this);
  }
  /** {@link isFinite} as a method. */
  isFinite(): Tensor {
    return isFinite(this);
  }
  /** {@link sum} as a method. */
  sum(axis?: Axis, keepDims?: boolean): Tensor {
    return sum(this, axis, keepDims);
  }
  /** {@link mean} as a method. */
  mean(axis?: Axis, keepDims?: boolean): Tensor {
    return mean(this, axis, keepDims);
  }
  /** {@link max} as a method. */
  max(axis?: Axis, keepDims?: boolean): Tensor {
    return max(this, axis, keepDims);
  }
  /** {@link min} as a method. */
  min(axis?: Axis, keepDims?: boolean): Tensor {
    return min(this, axis, keepDims);
  }
  /** {@link prod} as a method. */
  prod(axis?: Axis, keepDims?: boolean): Tensor {
    return prod(this, axis, keepDims);
  }
  /** {@link variance} as a method. */
  variance(axis?: Axis, keepDims?: boolean): Tensor {
    return variance(this, axis, keepDims);
  }
  /** {@link std} as a method. */
  std(axis?: Axis, keepDims?: boolean): Tensor {
    return std(this, axis, keepDims);
  }
  /** {@link logSumExp} as a method. */
  logSumExp(axis?: Axis, keepDims?: boolean): Tensor {
    return logSumExp(this, axis, keepDims);
  }
  /** {@link all} as a method. */
  all(axis?: Axis, keepDims?: boolean): Tensor {
    return all(this, axis, keepDims);
  }
  /** {@link any} as a method. */
  any(axis?: Axis, keepDims?: boolean): Tensor {
    return any(this, axis, keepDims);
  }
  /** {@link argMax} as a method. */
  argMax(axis?: number): Tensor {
    return argMax(this, axis);
  }
  /** {@link argMin} as a method. */
  argMin(axis?: number): Tensor {
    return argMin(this, axis);
  }
  /** {@link reshape} as a method. */
  reshape(shape: readonly number[]): Tensor {
    return reshape(this, shape);
  }
  /** {@link transpose} as a method. */
  transpose(perm?: readonly number[]): Tensor {
    return transpose(this, perm);
  }
  /** {@link swapaxes} as a method. */
  swapaxes(axis1: number, axis2: number): Tensor {
    return swapaxes(this, axis1, axis2);
  }
  /** {@link expandDims} as a method. */
  expandDims(axis?: number): Tensor {
    return expandDims(this, axis);
  }
  /** {@link squeeze} as a method. */
  squeeze(axis?: Axis): Tensor {
    return squeeze(this, axis);
  }
  /** {@link flatten} as a method. */
  flatten(): Tensor {
    return flatten(this);
  }
  /** {@link broadcastTo} as a method. */
  broadcastTo(shape: readonly number[]): Tensor {
    return broadcastTo(this, shape);
  }
  /** {@link concat} as a method: this tensor followed by `others`. */
  concat(others: TensorLike | readonly TensorLike[], axis?: number): Tensor {
    return concat([this, ...(Array.isArray(others) ? others : [others as TensorLike])], axis);
  }
  /** {@link stack} as a method: this tensor followed by `others`. */
  stack(others: TensorLike | readonly TensorLike[], axis?: number): Tensor {
    return stack([this, ...(Array.isArray(others) ? others : [others as TensorLike])], axis);
  }
  /** {@link split} as a method. */
  split(numOrSizes: number | readonly number[], axis?: number): Tensor[] {
    return split(this, numOrSizes, axis);
  }
  /** {@link slice} as a method. */
  slice(begin: number | readonly number[], size?: number | readonly number[]): Tensor {
    return slice(this, begin, size);
  }
  /** {@link gather} as a method. */
  gather(indices: TensorLike, axis?: number): Tensor {
    return gather(this, indices, axis);
  }
  /** {@link tile} as a method. */
  tile(reps: readonly number[]): Tensor {
    return tile(this, reps);
  }
  /** {@link pad} as a method. */
  pad(paddings: readonly (readonly [number, number])[], value?: number): Tensor {
    return pad(this, paddings, value);
  }
  /** {@link flip} as a method. */
  flip(axis?: Axis): Tensor {
    return flip(this, axis);
  }
  /** {@link oneHot} as a method (on integer indices). */
  oneHot(depth: number, dtype?: DType): Tensor {
    return oneHot(this, depth, dtype);
  }
  /** {@link matmul} as a method. */
  matmul(b: TensorLike, transposeA?: boolean, transposeB?: boolean): Tensor {
    return matmul(this, b, transposeA, transposeB);
  }
  /** {@link dot} as a method. */
  dot(b: TensorLike): Tensor {
    return dot(this, b);
  }
  /** {@link outer} as a method. */
  outer(b: TensorLike): Tensor {
    return outer(this, b);
  }
  /** {@link softmax} as a method. */
  softmax(axis?: number): Tensor {
    return softmax(this, axis);
  }
  /** {@link logSoftmax} as a method. */
  logSoftmax(axis?: number): Tensor {
    return logSoftmax(this, axis);
  }
  /** {@link conv1d} as a method. */
  conv1d(filter: TensorLike, options?: Conv1dOptions): Tensor {
    return conv1d(this, filter, options);
  }
  /** {@link conv2d} as a method. */
  conv2d(filter: TensorLike, options?: Conv2dOptions): Tensor {
    return conv2d(this, filter, options);
  }
  /** {@link depthwiseConv2d} as a method. */
  depthwiseConv2d(filter: TensorLike, options?: Conv2dOptions): Tensor {
    return depthwiseConv2d(this, filter, options);
  }
  /** {@link maxPool2d} as a method. */
  maxPool2d(options: Pool2dOptions): Tensor {
    return maxPool2d(this, options);
  }
  /** {@link avgPool2d} as a method. */
  avgPool2d(options: Pool2dOptions): Tensor {
    return avgPool2d(this, options);
  }
  /** {@link globalAvgPool2d} as a method. */
  globalAvgPool2d(keepDims?: boolean): Tensor {
    return globalAvgPool2d(this, keepDims);
  }
}

type Nested = number | string | Nested[];

function nest(values: DataValues, shape: readonly number[]): Nested {
  if (shape.length === 0) return values[0];
  const build = (offset: number, dim: number): Nested[] => {
    const n = shape[dim];
    const out: Nested[] = new Array(n);
    if (dim === shape.length - 1) {
      for (let i = 0; i < n; i++) out[i] = values[offset + i];
      return out;
    }
    let stride = 1;
    for (let d = dim + 1; d < shape.length; d++) stride *= shape[d];
    for (let i = 0; i < n; i++) out[i] = build(offset + i * stride, dim + 1);
    return out;
  };
  return build(0, 0);
}
