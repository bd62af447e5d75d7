import { type KernelSpec, type PoolGeometry, poolGeometry } from '@horn/tensor';
import type { GpuHandle } from '../backend.js';
import { gpuKernel, shapesKey } from './gpu-kernel.js';
import { coords, kernelSource } from './source-code.js';
import { strideHit } from './window.js';

// NHWC, as the cpu kernels: padded cells never win a max and never count in an average.

const key = (shapes: string, g: PoolGeometry) =>
  `${shapes}|${g.ph},${g.pw},${g.sh},${g.sw},${g.pt},${g.pl},${g.oh},${g.ow}`;

/**
 * Statements scanning the window of output pixel (`b`, `oy`, `ox`), channel `ch`, of input
 * `a${arg}`: `best` is its first maximum and `at` that cell's flat index (-1 if none).
 */
function windowMax(g: PoolGeometry, arg: number, b: string, oy: string, ox: string, ch: string, p: string): string {
  return (
    `let ${p}best = 0;\nlet ${p}at = -1;\n` +
    `for (let ${p}ky = 0; ${p}ky < ${g.ph}; ${p}ky++) {\n` +
    `  const ${p}y = ${oy} * ${g.sh} - ${g.pt} + ${p}ky;\n` +
    `  if (${p}y >= 0 && ${p}y < ${g.h}) {\n` +
    `    for (let ${p}kx = 0; ${p}kx < ${g.pw}; ${p}kx++) {\n` +
    `      const ${p}x = ${ox} * ${g.sw} - ${g.pl} + ${p}kx;\n` +
    `      if (${p}x >= 0 && ${p}x < ${g.w}) {\n` +
    `        const ${p}j = ((${b} * ${g.h} + ${p}y) * ${g.w} + ${p}x) * ${g.c} + ${ch};\n` +
    `        const ${p}v = a${arg}[${p}j];\n` +
    `        if (${p}at < 0 || ${p}v > ${p}best) { ${p}best = ${p}v; ${p}at = ${p}j; }\n` +
    `      }\n` +
    `    }\n` +
    `  }\n` +
    `}\n`
  );
}

/**
 * `MaxPool` (input `x`; attrs `poolSize`, `strides`, `pad`).
 * @example runKernel('MaxPool', { x }, { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0] })
 */
export const maxPoolGpu: KernelSpec<GpuHandle> = gpuKernel('MaxPool', ({ x }, attrs) => {
  if (x.dtype !== 'float32') return null;
  const g = poolGeometry(x.shape, attrs);
  return {
    args: ['x'],
    shape: [g.n, g.oh, g.ow, g.c],
    dtype: 'float32',
    key: key(shapesKey(x.shape), g),
    source: () =>
      kernelSource(
        1,
        `${coords('i', [g.n, g.oh, g.ow, g.c], 'c')}${windowMax(g, 0, 'c0', 'c1', 'c2', 'c3', 'm')}return mbest;`,
      ),
  };
});

/**
 * `AvgPool` (input `x`; attrs `poolSize`, `strides`, `pad`): the mean of each window's real cells.
 * @example runKernel('AvgPool', { x }, { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0] })
 */
export const avgPoolGpu: KernelSpec<GpuHandle> = gpuKernel('AvgPool', ({ x }, attrs) => {
  if (x.dtype !== 'float32') return null;
  const g = poolGeometry(x.shape, attrs);
  return {
    args: ['x'],
    shape: [g.n, g.oh, g.ow, g.c],
    dtype: 'float32',
    key: key(shapesKey(x.shape), g),
    source: () =>
      kernelSource(
        1,
        `${coords('i', [g.n, g.oh, g.ow, g.c], 'c')}` +
          `let sum = 0;\nlet count = 0;\n` +
          `for (let ky = 0; ky < ${g.ph}; ky++) {\n` +
          `  const y = c1 * ${g.sh} - ${g.pt} + ky;\n` +
          `  if (y >= 0 && y < ${g.h}) {\n` +
          `    for (let kx = 0; kx < ${g.pw}; kx++) {\n` +
          `      const x = c2 * ${g.sw} - ${g.pl} + kx;\n` +
          `      if (x >= 0 && x < ${g.w}) {\n` +
          `        sum += a0[((c0 * ${g.h} + y) * ${g.w} + x) * ${g.c} + c3];\n` +
          `        count += 1;\n` +
          `      }\n` +
          `    }\n` +
          `  }\n` +
          `}\n` +
          `if (count == 0) { return 0; }\nreturn sum / count;`,
      ),
  };
});

/** Statements looping over the output windows that cover input cell (c1, c2): `oy`, `ox` with `inside`. */
function coveringWindows(g: PoolGeometry, inner: string): string {
  return (
    `for (let ky = 0; ky < ${g.ph}; ky++) {\n` +
    strideHit('oy', `c1 + ${g.pt} - ky`, g.sh, g.oh) +
    `  if (oyOk == 1) {\n` +
    `    for (let kx = 0; kx < ${g.pw}; kx++) {\n` +
    strideHit('ox', `c2 + ${g.pl} - kx`, g.sw, g.ow) +
    `      if (oxOk == 1) {\n${inner}      }\n` +
    `    }\n` +
    `  }\n` +
    `}\n`
  );
}

/**
 * `MaxPoolGrad` (inputs `dy`, `x`; attrs as MaxPool): each input cell gathers the dy of every
 * window whose first maximum it is (recomputed from `x`).
 * @example runKernel('MaxPoolGrad', { dy, x }, { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0] })
 */
export const maxPoolGradGpu: KernelSpec<GpuHandle> = gpuKernel('MaxPoolGrad', ({ dy, x }, attrs) => {
  const g = poolGeometry(x.shape, attrs);
  return {
    args: ['dy', 'x'],
    shape: x.shape,
    dtype: 'float32',
    key: key(shapesKey(x.shape, dy.shape), g),
    source: () =>
      kernelSource(
        2,
        `${coords('i', [g.n, g.h, g.w, g.c], 'c')}let sum = 0;\n` +
          coveringWindows(
            g,
            windowMax(g, 1, 'c0', 'oy', 'ox', 'c3', 'm') +
              `if (mat == i) { sum += a0[((c0 * ${g.oh} + oy) * ${g.ow} + ox) * ${g.c} + c3]; }\n`,
          ) +
          'return sum;',
      ),
  };
});

/**
 * `AvgPoolGrad` (input `dy`; attrs as AvgPool plus `inputShape`): each input cell gathers
 * `dy / count` of every window that covers it.
 * @example runKernel('AvgPoolGrad', { dy }, { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0], inputShape: [1, 4, 4, 1] })
 */
export const avgPoolGradGpu: KernelSpec<GpuHandle> = gpuKernel('AvgPoolGrad', ({ dy }, attrs) => {
  const inputShape = attrs.inputShape as number[];
  const g = poolGeometry(inputShape, attrs);
  return {
    args: ['dy'],
    shape: inputShape,
    dtype: 'float32',
    key: key(shapesKey(inputShape, dy.shape), g),
    source: () =>
      kernelSource(
        1,
        `${coords('i', [g.n, g.h, g.w, g.c], 'c')}let sum = 0;\n` +
          coveringWindows(
            g,
            `const y0 = oy * ${g.sh} - ${g.pt};\nconst x0 = ox * ${g.sw} - ${g.pl};\n` +
              `const rows = Math.min(y0 + ${g.ph}, ${g.h}) - Math.max(y0, 0);\n` +
              `const cols = Math.min(x0 + ${g.pw}, ${g.w}) - Math.max(x0, 0);\n` +
              `sum += a0[((c0 * ${g.oh} + oy) * ${g.ow} + ox) * ${g.c} + c3] / (rows * cols);\n`,
          ) +
          'return sum;',
      ),
  };
});
