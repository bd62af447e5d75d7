import {
  broadcastTo,
  cast,
  expandDims,
  fmt,
  ShapeError,
  shapesEqual,
  squeezeOrExpandToSameRank,
  type Tensor,
  type TensorLike,
  toTensor,
  ValueError,
} from '@horn/tensor';

/**
 * Keras' fuzz factor (`keras.backend.epsilon()`).
 * @example F1 = tp / (tp + fp + EPSILON)
 */
export const EPSILON = 1e-7;

/** Converts an argument to a float32 tensor, naming the metric in any error. */
export function floatInput(value: TensorLike, arg: string, op: string): Tensor {
  return cast(toTensor(value, arg, op), 'float32');
}

/**
 * `yTrue` and `yPred` as float32, ranks aligned as Keras does, checked to have the same shape and at
 * least one dimension.
 * @example matchingInputs([[1], [0]], [1, 0], 'binaryAccuracy') // two [2, 1] tensors
 */
export function matchingInputs(yTrue: TensorLike, yPred: TensorLike, op: string): [Tensor, Tensor] {
  const [t, p] = squeezeOrExpandToSameRank(floatInput(yTrue, 'yTrue', op), floatInput(yPred, 'yPred', op));
  assertSameShape(t, p, op);
  if (p.rank === 0) throw new ShapeError(`${op}: expected yTrue and yPred with at least one dimension, got scalars`);
  return [t, p];
}

/** Throws a ShapeError naming both shapes unless `yTrue` and `yPred` have the same shape. */
export function assertSameShape(yTrue: Tensor, yPred: Tensor, op: string): void {
  if (!shapesEqual(yTrue.shape, yPred.shape)) {
    throw new ShapeError(
      `${op}: yTrue and yPred must have the same shape, got yTrue ${fmt(yTrue.shape)} and yPred ${fmt(yPred.shape)}`,
    );
  }
}

/**
 * Broadcasts `weights` to `shape` by NumPy's rules, or throws a ShapeError naming both shapes.
 * @example broadcastWeights(tensor([[1], [2]]), [2, 3], 'Precision').shape // [2, 3]
 */
export function broadcastWeights(weights: Tensor, shape: readonly number[], op: string): Tensor {
  const offset = shape.length - weights.rank;
  const fits = offset >= 0 && weights.shape.every((d, i) => d === 1 || d === shape[i + offset]);
  if (!fits) {
    throw new ShapeError(
      `${op}: sampleWeight of shape ${fmt(weights.shape)} cannot be broadcast to ${fmt(shape)}; ` +
        'expected a scalar, one weight per sample, or the shape of the values',
    );
  }
  return broadcastTo(weights, shape);
}

/**
 * Keras' confusion-metric weighting: one weight per sample (`[batch]`) scales that sample's every
 * value; weights of the values' shape weight each value. Returns the flat weights, or null.
 * @example perValueWeights([1, 2], tensor([[1, 0], [0, 1]]), 'Precision') // Float32Array [1, 1, 2, 2]
 */
export function perValueWeights(
  sampleWeight: TensorLike | null | undefined,
  yTrue: Tensor,
  op: string,
): Float32Array | null {
  if (sampleWeight === undefined || sampleWeight === null) return null;
  const [, w] = squeezeOrExpandToSameRank(yTrue, expandDims(floatInput(sampleWeight, 'sampleWeight', op), -1), false);
  return broadcastWeights(w, yTrue.shape, op).dataSync() as Float32Array;
}

/** Validates a boolean option. */
export function booleanOption(value: unknown, name: string, op: string): boolean {
  if (typeof value !== 'boolean') throw new ValueError(`${op}: ${name} must be a boolean, got ${describe(value)}`);
  return value;
}

/** Validates a finite number. */
export function numberOption(value: unknown, name: string, op: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${op}: ${name} must be a finite number, got ${describe(value)}`);
  }
  return value;
}

/** Validates an integer of at least `min`. */
export function integerOption(value: unknown, name: string, op: string, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const what = min === -Infinity ? 'an integer' : `an integer >= ${min}`;
    throw new ValueError(`${op}: ${name} must be ${what}, got ${describe(value)}`);
  }
  return value;
}

/** Describes a value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (typeof value === 'object') return value.constructor?.name ?? 'an object';
  return String(value);
}
