import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ValueError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { cast } from './cast.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function bound(value: unknown, name: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new ValueError(`clip: ${name} must be a number, got ${String(value)}`);
  }
  return value;
}

/**
 * Limits every value to `[min, max]` (NaN stays NaN). int32 stays int32 unless a bound has a
 * fraction (then float32, as in NumPy); bool is clipped as int32. `min > max` is an error.
 * @example clip(tensor([-2, 0.5, 3]), 0, 1).arraySync() // [0, 0.5, 1]
 */
export function clip(x: TensorLike, min: number, max: number): Tensor {
  const t = toTensor(x, 'x', 'clip');
  const lo = bound(min, 'min');
  const hi = bound(max, 'max');
  if (lo > hi) throw new ValueError(`clip: min must not exceed max, got min ${lo} and max ${hi}`);
  const whole = (v: number) => Number.isInteger(v) || !Number.isFinite(v);
  if (t.dtype === 'float32' || !whole(lo) || !whole(hi)) {
    return ENGINE.runKernel('ClipByValue', { x: cast(t, 'float32') }, { min: lo, max: hi });
  }
  // Bounds beyond the int32 range clip nothing; keep them representable for int32 backends.
  const attrs = { min: Math.max(lo, INT32_MIN), max: Math.min(hi, INT32_MAX) };
  return ENGINE.runKernel('ClipByValue', { x: cast(t, 'int32') }, attrs);
}
