import { arrayFor } from '../../dtype.js';
import type { KernelAttrs, KernelSpec } from '../../engine/backend.js';
import type { DType, TypedArray } from '../../types.js';

/**
 * A cpu kernel applying `fn` to every element; `attrs` reach `fn` for parametric ops (leakyRelu's
 * alpha). The output dtype is the input's unless `outDtype` is given.
 * @example unaryKernel('Exp', Math.exp)
 */
export function unaryKernel(
  name: string,
  fn: (x: number, attrs: KernelAttrs) => number,
  outDtype?: DType,
): KernelSpec<TypedArray> {
  return {
    name,
    backend: 'cpu',
    run: ({ x }, attrs) => {
      const v = x.values;
      const dtype = outDtype ?? x.dtype;
      const out = arrayFor(dtype, v.length);
      for (let i = 0; i < v.length; i++) out[i] = fn(v[i], attrs);
      return { values: out, shape: x.shape, dtype };
    },
  };
}
