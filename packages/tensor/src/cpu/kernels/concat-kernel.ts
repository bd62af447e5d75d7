import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import { sizeOf } from '../../shape.js';
import type { TypedArray } from '../../types.js';

/**
 * A Concat kernel's inputs `{ x0, x1, … }` in order, and the output shape (their sizes along
 * `axis` summed): what every backend's Concat starts from.
 * @example concatParts({ x0: a, x1: b }, 0).shape // [a.shape[0] + b.shape[0], ...]
 */
export function concatParts<T extends { readonly shape: readonly number[] }>(
  inputs: Readonly<Record<string, T>>,
  axis: number,
): { parts: T[]; shape: number[] } {
  const parts = Object.keys(inputs)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .map((k) => inputs[k]);
  const shape = [...parts[0].shape];
  shape[axis] = parts.reduce((n, p) => n + p.shape[axis], 0);
  return { parts, shape };
}

/**
 * Concat `{ x0, x1, ..., x(n-1) }`, attrs `{ axis }`: inputs of one rank and dtype, equal except
 * along `axis`, joined along it. Each input contributes one contiguous run per outer index.
 * @example runKernel('Concat', { x0: a, x1: b }, { axis: 0 })
 */
export const concatCpu: KernelSpec<TypedArray> = {
  name: 'Concat',
  backend: 'cpu',
  run: (inputs, attrs) => {
    const axis = attrs.axis as number;
    const { parts, shape } = concatParts(inputs, axis);
    const first = parts[0];
    const out = arrayFor(first.dtype, sizeOf(shape));
    const outer = sizeOf(shape.slice(0, axis));
    const inner = sizeOf(shape.slice(axis + 1));
    const row = shape[axis] * inner;
    let start = 0;
    for (const p of parts) {
      const run = p.shape[axis] * inner;
      const v = p.values;
      if (run > 0) for (let o = 0; o < outer; o++) out.set(v.subarray(o * run, (o + 1) * run), o * row + start);
      start += run;
    }
    return { values: out, shape, dtype: first.dtype };
  },
};
