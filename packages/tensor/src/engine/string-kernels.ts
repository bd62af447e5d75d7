import { DTypeError } from '../errors.js';
import { sizeOf } from '../shape.js';
import type { DataValues, DType, Shape, TypedArray } from '../types.js';
import type { Backend, KernelAttrs, KernelOutput, KernelTensor } from './backend.js';
import { getKernel } from './registry.js';

/** The kernels that move values without reading them: on strings they move string ids. */
const MOVING = new Set([
  'Reshape',
  'Transpose',
  'Reverse',
  'BroadcastTo',
  'Tile',
  'Slice',
  'Concat',
  'Gather',
  'Select',
]);
/** The kernels that compare values for equality: on strings they compare string ids. */
const COMPARING = new Set(['Equal', 'NotEqual']);

/**
 * The names of the kernels that take string tensors (shape ops, `where`, equality).
 * @example stringKernelNames().includes('Gather') // true
 */
export function stringKernelNames(): string[] {
  return [...MOVING, ...COMPARING];
}

/** One kernel input as this module reads it: shape, dtype and flat values on the cpu. */
export interface StringKernelInput {
  readonly shape: Shape;
  readonly dtype: DType;
  readonly values: DataValues;
}

/**
 * Runs a kernel that has string inputs on the cpu: each distinct string becomes an int32 id, the
 * cpu kernel runs on the ids, and for the value-moving kernels the output ids map back to strings.
 * Every other kernel refuses string tensors with a DTypeError naming it.
 * @example runStringKernel('Reshape', { x: { shape: [2], dtype: 'string', values: ['a', 'b'] } }, { shape: [2, 1] }, cpu)
 */
export function runStringKernel(
  name: string,
  inputs: Readonly<Record<string, StringKernelInput>>,
  attrs: KernelAttrs,
  cpu: Backend,
): KernelOutput<DataValues>[] {
  const moving = MOVING.has(name);
  if (!moving && !COMPARING.has(name)) {
    const key = Object.keys(inputs).find((k) => inputs[k].dtype === 'string');
    throw new DTypeError(
      `${name}: input '${key}' has dtype 'string', which this op does not take (string tensors take shape ops, where and equal/notEqual only)`,
    );
  }
  const spec = getKernel(name, 'cpu');
  if (!spec) throw new DTypeError(`${name}: no cpu kernel to run on string tensors`);
  const ids = new Map<string, number>();
  const pool: string[] = [];
  const encoded: Record<string, KernelTensor<TypedArray>> = {};
  for (const key of Object.keys(inputs)) {
    const t = inputs[key];
    if (t.dtype !== 'string') {
      encoded[key] = t as KernelTensor<TypedArray>;
      continue;
    }
    const strings = t.values as string[];
    const out = new Int32Array(strings.length);
    for (let i = 0; i < strings.length; i++) {
      let id = ids.get(strings[i]);
      if (id === undefined) {
        id = pool.length;
        pool.push(strings[i]);
        ids.set(strings[i], id);
      }
      out[i] = id;
    }
    encoded[key] = { shape: t.shape, dtype: 'int32', values: out };
  }
  const result = spec.run(encoded, attrs, cpu);
  const produced: KernelOutput<TypedArray>[] = Array.isArray(result) ? result : [result];
  return produced.map((o) => {
    if (!moving) return o;
    const n = sizeOf(o.shape);
    const strings = new Array<string>(n);
    for (let i = 0; i < n; i++) strings[i] = pool[o.values[i]];
    return { shape: o.shape, dtype: 'string', values: strings };
  });
}
