import { type KernelSpec, sizeOf } from '@horn/tensor';
import type { GpuHandle } from '../backend.js';
import { gpuKernel, shapesKey } from './gpu-kernel.js';
import { coords, kernelSource } from './source-code.js';

/**
 * Inputs one program may read: WebGL2 promises 16 texture units per shader. Concats of more
 * (non-empty) parts run the cpu code.
 */
const MAX_PARTS = 12;

/**
 * `Concat` (inputs `x0 ... x(n-1)` of one rank and dtype; attr `axis`). In the view
 * `[outer, row]` of the output, part `p` owns the columns `[start_p, start_p + run_p)` of every
 * row; empty parts are left out of the program.
 * @example runKernel('Concat', { x0: a, x1: b }, { axis: 0 })
 */
export const concatGpu: KernelSpec<GpuHandle> = gpuKernel('Concat', (inputs, attrs) => {
  const axis = attrs.axis as number;
  const names = Object.keys(inputs).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const first = inputs[names[0]];
  const shape = [...first.shape];
  shape[axis] = names.reduce((n, k) => n + inputs[k].shape[axis], 0);
  const outer = sizeOf(shape.slice(0, axis));
  const inner = sizeOf(shape.slice(axis + 1));
  const parts: { name: string; start: number; run: number }[] = [];
  let start = 0;
  for (const name of names) {
    const run = inputs[name].shape[axis] * inner;
    if (run > 0) parts.push({ name, start, run });
    start += run;
  }
  if (parts.length === 0 || parts.length > MAX_PARTS) return null;
  return {
    args: parts.map((p) => p.name),
    shape,
    dtype: first.dtype,
    key: `${shapesKey(...names.map((k) => inputs[k].shape))}|${axis}`,
    source: () => {
      let body = coords('i', [outer, start], 'c');
      parts.forEach((p, k) => {
        const read = `return a${k}[c0 * ${p.run} + c1 - ${p.start}];\n`;
        body += k === parts.length - 1 ? read : `if (c1 < ${p.start + p.run}) { ${read}}\n`;
      });
      return kernelSource(parts.length, body);
    },
  };
});
