export { makeTensor, scalar, tensor, toTensor } from './convert.js';
export { CpuBackend } from './cpu/backend.js';
export { broadcastBinary, broadcastStrides } from './cpu/kernels/binary-kernel.js';
export { concatParts } from './cpu/kernels/concat-kernel.js';
export { type MatmulDims, matmulDims } from './cpu/kernels/matmul-dims.js';
export {
  type PoolGeometry,
  poolGeometry,
  readWindowAttrs,
  type WindowAttrs,
  windowOutSize,
} from './cpu/kernels/window-attrs.js';
export { registerCpuKernels } from './cpu/register.js';
export {
  arrayFor,
  assertNumeric,
  bytesPerElement,
  castValues,
  isDType,
  isNumericDType,
  stringBytes,
  upcastType,
} from './dtype.js';
export {
  dispose,
  getBackend,
  getBackendInstance,
  keep,
  listBackends,
  memory,
  profile,
  registerBackend,
  removeBackend,
  runKernel,
  runKernelMulti,
  setBackend,
  setRecorder,
  tidy,
} from './engine/api.js';
export type { Backend, KernelAttrs, KernelOutput, KernelSpec, KernelTensor } from './engine/backend.js';
export type { DataRef } from './engine/data-ref.js';
export type {
  BackendMemory,
  Engine,
  KernelProfile,
  MemoryInfo,
  ProfileInfo,
  TensorContainer,
} from './engine/engine.js';
export { ENGINE } from './engine/global.js';
export type { KernelRecord, Recorder } from './engine/recorder.js';
export { getKernel, kernelNames, registerKernel, unregisterKernel } from './engine/registry.js';
export { stringKernelNames } from './engine/string-kernels.js';
export { DisposedError, DTypeError, HornError, NotImplementedError, ShapeError, ValueError } from './errors.js';
export { formatTensor } from './format.js';
export { formatValue } from './format-value.js';
export * from './ops/activations.js';
export * from './ops/arg-max.js';
export * from './ops/arithmetic.js';
export * from './ops/boolean-mask.js';
export * from './ops/broadcast-to.js';
export * from './ops/cast.js';
export * from './ops/clip.js';
export * from './ops/compare.js';
export * from './ops/concat.js';
export * from './ops/conv1d.js';
export * from './ops/conv2d.js';
export * from './ops/creation.js';
export * from './ops/depthwise-conv2d.js';
export * from './ops/dot.js';
export * from './ops/flip.js';
export * from './ops/fused-conv2d.js';
export * from './ops/gather.js';
export * from './ops/is-finite.js';
export * from './ops/log-sum-exp.js';
export * from './ops/logical.js';
export * from './ops/lstm-cell.js';
export * from './ops/matmul.js';
export * from './ops/moments.js';
export * from './ops/one-hot.js';
export * from './ops/pad.js';
export * from './ops/pool.js';
export * from './ops/random.js';
export * from './ops/reduce.js';
export * from './ops/reshape.js';
export * from './ops/same-rank.js';
export * from './ops/segment-sum.js';
export * from './ops/signal.js';
export * from './ops/slice.js';
export * from './ops/softmax.js';
export * from './ops/split.js';
export * from './ops/tile.js';
export * from './ops/transpose.js';
export * from './ops/unary-math.js';
export * from './ops/where.js';
export type { KerasOptions, SnakeCase } from './options/keras-options.js';
export { configKeysOf, normalizeOptions, snakeToCamel } from './options/normalize-options.js';
export { Random, randomSource, setSeed } from './random.js';
/**
 * Keras 3's `keras.random`: normal, uniform, truncatedNormal, randint, shuffle, dropout, categorical, SeedGenerator.
 * @example random.normal([2, 3], { seed: 42 }).shape // [2, 3]
 */
export * as random from './sampling/index.js';
export { type SeedArg, SeedGenerator } from './sampling/seed-generator.js';
export {
  assertValidShape,
  broadcastedAxes,
  broadcastShapes,
  fmt,
  normalizeAxes,
  normalizeAxis,
  shapesEqual,
  sizeOf,
  stridesOf,
} from './shape.js';
export { Tensor } from './tensor.js';
export type { TensorLike, TypedArrayInput } from './tensor-like.js';
export type {
  ArrayFor,
  ArrayValue,
  DataFor,
  DataValues,
  DType,
  NestedArray,
  NumericDType,
  Shape,
  StringArrayValue,
  TypedArray,
} from './types.js';
