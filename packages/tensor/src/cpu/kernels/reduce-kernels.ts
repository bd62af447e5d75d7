import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import { sizeOf } from '../../shape.js';
import type { DType, Shape, TypedArray } from '../../types.js';

type Step = (acc: number, v: number) => number;

/**
 * The shape a reduction over `axes` leaves: reduced dimensions become 1 (keepDims) or go.
 * @example reducedShape([2, 3, 4], [0, 2], false) // [3]
 */
export function reducedShape(shape: Shape, axes: readonly number[], keepDims: boolean): number[] {
  if (keepDims) return shape.map((d, i) => (axes.includes(i) ? 1 : d));
  return shape.filter((_, i) => !axes.includes(i));
}

/** Adjacent dimensions that are both reduced or both kept merge into one; size-1 dimensions go. */
function mergeDims(shape: Shape, axes: readonly number[]): { sizes: number[]; reduced: boolean[] } {
  const sizes: number[] = [];
  const reduced: boolean[] = [];
  shape.forEach((d, i) => {
    if (d === 1) return;
    const r = axes.includes(i);
    if (reduced.length > 0 && reduced[reduced.length - 1] === r) sizes[sizes.length - 1] *= d;
    else {
      sizes.push(d);
      reduced.push(r);
    }
  });
  if (sizes.length === 0) {
    sizes.push(1);
    reduced.push(false);
  }
  return { sizes, reduced };
}

/**
 * Folds `step` over the `axes` of a row-major array, one double accumulator per output element
 * (starting at `init`). The input is read once, in order; each element adds into the output slot
 * its kept coordinates name, so any set of axes works for any rank. Zero-size input leaves `init`.
 * @example reduceValues(new Float32Array([1, 2, 3, 4]), [2, 2], [0], 0, (a, v) => a + v) // [4, 6]
 */
export function reduceValues(
  values: TypedArray,
  shape: Shape,
  axes: readonly number[],
  init: number,
  step: Step,
): Float64Array {
  const { sizes, reduced } = mergeDims(shape, axes);
  const rank = sizes.length;
  const outStrides = new Array<number>(rank);
  let outSize = 1;
  for (let d = rank - 1; d >= 0; d--) {
    outStrides[d] = reduced[d] ? 0 : outSize;
    if (!reduced[d]) outSize *= sizes[d];
  }
  const acc = new Float64Array(outSize).fill(init);
  const total = sizeOf(shape);
  if (total === 0) return acc;
  const inner = sizes[rank - 1];
  const innerReduced = reduced[rank - 1];
  const counter = new Array<number>(rank).fill(0);
  let o = 0;
  for (let i = 0; i < total; i += inner) {
    if (innerReduced) {
      let a = acc[o];
      for (let k = 0; k < inner; k++) a = step(a, values[i + k]);
      acc[o] = a;
    } else {
      for (let k = 0; k < inner; k++) acc[o + k] = step(acc[o + k], values[i + k]);
    }
    for (let d = rank - 2; d >= 0; d--) {
      counter[d]++;
      o += outStrides[d];
      if (counter[d] < sizes[d]) break;
      o -= outStrides[d] * sizes[d];
      counter[d] = 0;
    }
  }
  return acc;
}

/**
 * A reduction kernel: input `x`, attrs `{ axes: number[] (sorted, non-negative), keepDims }`.
 * `intStep` replaces `step` for int32 input; the output dtype is `outDtype` or the input's.
 */
function reduceKernel(
  name: string,
  init: number,
  step: Step,
  intStep?: Step,
  outDtype?: DType,
): KernelSpec<TypedArray> {
  return {
    name,
    backend: 'cpu',
    run: ({ x }, attrs) => {
      const axes = attrs.axes as number[];
      const shape = reducedShape(x.shape, axes, attrs.keepDims === true);
      const dtype = outDtype ?? x.dtype;
      const acc = reduceValues(x.values, x.shape, axes, init, x.dtype === 'int32' && intStep ? intStep : step);
      const out = arrayFor(dtype, acc.length);
      out.set(acc); // int32 output wraps modulo 2^32, like NumPy's int32 accumulator
      return { values: out, shape, dtype };
    },
  };
}

/**
 * An arg-reduction kernel: input `x`, attr `{ axis }`, int32 output without that axis. The first
 * index wins ties; a NaN beats every number and the first NaN is kept, as in NumPy.
 */
function argKernel(name: string, beats: (v: number, best: number) => boolean): KernelSpec<TypedArray> {
  return {
    name,
    backend: 'cpu',
    run: ({ x }, attrs) => {
      const axis = attrs.axis as number;
      const v = x.values;
      const n = x.shape[axis];
      const outer = sizeOf(x.shape.slice(0, axis));
      const inner = sizeOf(x.shape.slice(axis + 1));
      const out = new Int32Array(outer * inner);
      for (let o = 0; o < outer; o++) {
        for (let i = 0; i < inner; i++) {
          const base = o * n * inner + i;
          let best = v[base];
          let at = 0;
          for (let k = 1; k < n; k++) {
            const value = v[base + k * inner];
            if (beats(value, best)) {
              best = value;
              at = k;
            }
          }
          out[o * inner + i] = at;
        }
      }
      return { values: out, shape: x.shape.filter((_, d) => d !== axis), dtype: 'int32' };
    },
  };
}

/**
 * The cpu reduction kernels: Sum Prod Max Min All Any (`{ axes, keepDims }`) and ArgMax ArgMin
 * (`{ axis }`). Max/Min let NaN win, as NumPy does.
 * @example reduceKernels.map((k) => k.name) // ['Sum', 'Prod', 'Max', 'Min', 'All', 'Any', 'ArgMax', 'ArgMin']
 */
export const reduceKernels: KernelSpec<TypedArray>[] = [
  reduceKernel('Sum', 0, (a, v) => a + v),
  reduceKernel('Prod', 1, (a, v) => a * v, Math.imul),
  reduceKernel('Max', Number.NEGATIVE_INFINITY, (a, v) => (v > a || Number.isNaN(v) ? v : a)),
  reduceKernel('Min', Number.POSITIVE_INFINITY, (a, v) => (v < a || Number.isNaN(v) ? v : a)),
  reduceKernel('All', 1, (a, v) => (v !== 0 ? a : 0), undefined, 'bool'),
  reduceKernel('Any', 0, (a, v) => (v !== 0 ? 1 : a), undefined, 'bool'),
  argKernel('ArgMax', (v, best) => v > best || (Number.isNaN(v) && !Number.isNaN(best))),
  argKernel('ArgMin', (v, best) => v < best || (Number.isNaN(v) && !Number.isNaN(best))),
];
