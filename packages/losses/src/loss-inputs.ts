import {
  cast,
  fmt,
  normalizeAxis,
  ShapeError,
  shapesEqual,
  squeezeOrExpandToSameRank,
  type Tensor,
  type TensorLike,
  toTensor,
  ValueError,
} from '@horn/tensor';

/**
 * Keras' fuzz factor (`keras.backend.epsilon()`): probabilities are clipped to `[EPSILON, 1 - EPSILON]`.
 * @example clip(yPred, EPSILON, 1 - EPSILON)
 */
export const EPSILON = 1e-7;

/** Converts an argument to a float32 tensor, naming the loss in any error. */
export function floatInput(value: TensorLike, arg: string, op: string): Tensor {
  return cast(toTensor(value, arg, op), 'float32');
}

/**
 * Converts `yTrue` and `yPred` to float32, aligns their ranks as Keras does, and checks that their
 * shapes match and that they have at least one dimension to reduce.
 * @example lossInputs([[0, 1]], [[0.6, 0.4]], 'meanSquaredError') // two [1, 2] float32 tensors
 */
export function lossInputs(yTrue: TensorLike, yPred: TensorLike, op: string): [Tensor, Tensor] {
  const [t, p] = squeezeOrExpandToSameRank(floatInput(yTrue, 'yTrue', op), floatInput(yPred, 'yPred', op));
  if (!shapesEqual(t.shape, p.shape)) {
    throw new ShapeError(
      `${op}: yTrue and yPred must have the same shape, got yTrue ${fmt(t.shape)} and yPred ${fmt(p.shape)}`,
    );
  }
  if (p.rank === 0) {
    throw new ShapeError(`${op}: expected yTrue and yPred with at least one dimension (the one reduced), got scalars`);
  }
  return [t, p];
}

/** Validates a boolean option. */
export function booleanOption(value: unknown, name: string, op: string): boolean {
  if (typeof value !== 'boolean') throw new ValueError(`${op}: ${name} must be a boolean, got ${describe(value)}`);
  return value;
}

/** Validates a finite number in `[min, max]`. */
export function numberOption(value: unknown, name: string, op: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range =
      max !== Infinity
        ? `a number in [${min}, ${max}]`
        : min !== -Infinity
          ? `a finite number >= ${min}`
          : 'a finite number';
    throw new ValueError(`${op}: ${name} must be ${range}, got ${describe(value)}`);
  }
  return value;
}

/** Validates an integer option (an axis before the rank is known, a class id). */
export function integerOption(value: unknown, name: string, op: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ValueError(`${op}: ${name} must be an integer, got ${describe(value)}`);
  }
  return value;
}

/** Validates an integer axis for a tensor of the given rank and makes it non-negative. */
export function axisOption(value: unknown, rank: number, op: string): number {
  return normalizeAxis(integerOption(value, 'axis', op), rank, op);
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
