import { ShapeError, ValueError } from './errors.js';
import { formatValue } from './format-value.js';
import type { Shape } from './types.js';

/**
 * Formats a shape as NumPy prints it in messages: `[2,3]`, `[]` for a scalar.
 * @example fmt([2, 3]) // '[2,3]'
 */
export function fmt(shape: Shape): string {
  return `[${shape.join(',')}]`;
}

/**
 * The number of elements of a shape (1 for a scalar).
 * @example sizeOf([2, 3]) // 6
 */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * Row-major strides of a shape, in elements.
 * @example stridesOf([2, 3, 4]) // [12, 4, 1]
 */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/**
 * Checks that every dimension is a non-negative integer.
 * @example assertValidShape([2, 3], 'zeros')
 */
export function assertValidShape(shape: Shape, op: string): void {
  if (!Array.isArray(shape))
    throw new ShapeError(`${op}: expected a shape (array of integers), got ${formatValue(shape)}`);
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new ShapeError(`${op}: expected a shape of non-negative integers, got ${formatValue(shape)}`);
    }
  }
}

/**
 * Turns a possibly negative axis into its index, checking it lies in `[-rank, rank)`.
 * @example normalizeAxis(-1, 3, 'sum') // 2
 */
export function normalizeAxis(axis: number, rank: number, op: string): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new ValueError(`${op}: expected an integer axis, got ${String(axis)}`);
  }
  if (axis < -rank || axis >= Math.max(rank, 1)) {
    throw new ShapeError(`${op}: axis ${axis} is out of bounds for a tensor of rank ${rank}`);
  }
  return axis < 0 ? axis + rank : axis;
}

/**
 * Normalizes an axis option (a number, an array, or undefined for all axes) into sorted,
 * unique, non-negative axes.
 * @example normalizeAxes([-1, 0], 3, 'sum') // [0, 2]
 */
export function normalizeAxes(axis: number | readonly number[] | undefined | null, rank: number, op: string): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out = list.map((a) => normalizeAxis(a, rank, op));
  if (new Set(out).size !== out.length) throw new ValueError(`${op}: repeated axis in [${list.join(',')}]`);
  return out.sort((a, b) => a - b);
}

/**
 * The NumPy broadcast of two shapes, or a ShapeError naming the op and both shapes.
 * @example broadcastShapes([2, 1, 3], [4, 1], 'add') // [2, 4, 3]
 */
export function broadcastShapes(a: Shape, b: Shape, op: string): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(`${op}: shapes ${fmt(a)} and ${fmt(b)} cannot be broadcast together`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * Whether two shapes are equal, dimension by dimension.
 * @example shapesEqual([2, 3], [2, 3]) // true
 */
export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The axes of `outShape` along which `inShape` was broadcast (for reducing a gradient back).
 * @example broadcastedAxes([3], [2, 3]) // [0]
 */
export function broadcastedAxes(inShape: Shape, outShape: Shape): number[] {
  const axes: number[] = [];
  const offset = outShape.length - inShape.length;
  for (let i = 0; i < outShape.length; i++) {
    const d = i < offset ? 1 : inShape[i - offset];
    if (d === 1 && outShape[i] !== 1) axes.push(i);
    else if (i < offset) axes.push(i);
  }
  return axes;
}
