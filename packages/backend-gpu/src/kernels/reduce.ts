import { type DType, type KernelSpec, type Shape, sizeOf, stridesOf } from '@horn/tensor';
import type { GpuHandle } from '../backend.js';
import { gpuKernel, shapesKey } from './gpu-kernel.js';
import { coords, kernelSource, offset } from './source-code.js';

/** Reduction steps: `acc` starts at `init`, `v` is each reduced element. */
const REDUCERS: Record<string, { init: string; step: string; out?: DType }> = {
  Sum: { init: '0', step: 'acc += v;' },
  Prod: { init: '1', step: 'acc *= v;' },
  Max: { init: '-3.4028234663852886e38', step: 'if (v > acc) { acc = v; }' },
  Min: { init: '3.4028234663852886e38', step: 'if (v < acc) { acc = v; }' },
  All: { init: '1', step: 'if (v == 0) { acc = 0; }', out: 'bool' },
  Any: { init: '0', step: 'if (v != 0) { acc = 1; }', out: 'bool' },
};

/**
 * The names of the reductions the gpu backend runs on the device.
 * @example REDUCE_KERNELS // ['Sum', 'Prod', 'Max', 'Min', 'All', 'Any']
 */
export const REDUCE_KERNELS = Object.keys(REDUCERS);

/** Adjacent dimensions that are both reduced or both kept merge; size-1 dimensions go. */
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
  return { sizes, reduced };
}

/**
 * A reduction kernel (input `x`; attrs `axes` sorted non-negative, `keepDims`) as the cpu one:
 * one thread per output element loops over its reduced elements (one nested loop per run of
 * reduced dimensions). float32 sums accumulate in float32; int32 Sum/Prod run the cpu code
 * (they wrap like int32). Max/Min do not promise NaN propagation on the device.
 * @example reduceGpu('Sum')
 */
export function reduceGpu(name: string): KernelSpec<GpuHandle> {
  const r = REDUCERS[name];
  return gpuKernel(name, ({ x }, attrs) => {
    if (x.dtype === 'int32' && (name === 'Sum' || name === 'Prod')) return null;
    const axes = attrs.axes as number[];
    const keepDims = attrs.keepDims === true;
    const shape = keepDims
      ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d))
      : x.shape.filter((_, i) => !axes.includes(i));
    return {
      args: ['x'],
      shape,
      dtype: r.out ?? x.dtype,
      key: `${shapesKey(x.shape)}|${axes.join(',')}`,
      source: () => {
        const { sizes, reduced } = mergeDims(x.shape, axes);
        const strides = stridesOf(sizes);
        const kept = sizes.filter((_, d) => !reduced[d]);
        const keptStrides = strides.filter((_, d) => !reduced[d]);
        let code = `${coords('i', kept, 'k')}const base = ${offset('k', keptStrides)};\nlet acc = ${r.init};\n`;
        let close = '';
        let index = 'base';
        sizes.forEach((size, d) => {
          if (!reduced[d]) return;
          code += `for (let r${d} = 0; r${d} < ${size}; r${d}++) {\n`;
          index += strides[d] === 1 ? ` + r${d}` : ` + r${d} * ${strides[d]}`;
          close += '}\n';
        });
        code += `const v = a0[${index}];\n${r.step}\n${close}return acc;`;
        return kernelSource(1, code);
      },
    };
  });
}

/**
 * `ArgMax` / `ArgMin` (input `x`, attr `axis`): int32 index of the first extreme along the axis.
 * @example argGpu('ArgMax')
 */
export function argGpu(name: 'ArgMax' | 'ArgMin'): KernelSpec<GpuHandle> {
  const beats = name === 'ArgMax' ? '>' : '<';
  return gpuKernel(name, ({ x }, attrs) => {
    const axis = attrs.axis as number;
    const n = x.shape[axis];
    const inner = sizeOf(x.shape.slice(axis + 1));
    const outer = sizeOf(x.shape.slice(0, axis));
    return {
      args: ['x'],
      shape: x.shape.filter((_, d) => d !== axis),
      dtype: 'int32',
      key: `${shapesKey(x.shape)}|${axis}`,
      source: () =>
        kernelSource(
          1,
          `${coords('i', [outer, inner], 'c')}const base = c0 * ${n * inner} + c1;\n` +
            `let best = a0[base];\nlet at = 0;\n` +
            `for (let k = 1; k < ${n}; k++) {\n  const v = a0[base + k * ${inner}];\n  if (v ${beats} best) { best = v; at = k; }\n}\n` +
            'return at;',
        ),
    };
  });
}
