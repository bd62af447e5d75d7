import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';
import { type PoolGeometry, poolGeometry } from './window-attrs.js';

// Layout NHWC. A window's padded cells are skipped: they never win a max and never count in an
// average (TensorFlow's rule). The ops guarantee every window holds at least one real cell.

/** Walks each output pixel's window: `start(outBase)`, `cell(outBase, inBase)` per real cell, `end(outBase, count)`. */
function forEachWindow(
  g: PoolGeometry,
  start: (outBase: number) => void,
  cell: (outBase: number, inBase: number) => void,
  end: (outBase: number, count: number) => void,
): void {
  const { n, h, w, c, ph, pw, oh, ow, sh, sw, pt, pl } = g;
  let ob = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      const y0 = Math.max(oy * sh - pt, 0);
      const y1 = Math.min(oy * sh - pt + ph, h);
      for (let ox = 0; ox < ow; ox++, ob += c) {
        const x0 = Math.max(ox * sw - pl, 0);
        const x1 = Math.min(ox * sw - pl + pw, w);
        start(ob);
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) cell(ob, ((b * h + iy) * w + ix) * c);
        }
        end(ob, (y1 - y0) * (x1 - x0));
      }
    }
  }
}

/**
 * Max pooling, NHWC; NaN wins. Inputs `{ x }`, attrs `{ poolSize, strides, pad }`.
 * @example runKernel('MaxPool', { x }, { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0] })
 */
export const maxPoolCpu: KernelSpec<TypedArray> = {
  name: 'MaxPool',
  backend: 'cpu',
  run: ({ x }, attrs) => {
    const g = poolGeometry(x.shape, attrs);
    const { c } = g;
    const xv = x.values;
    const out = arrayFor(x.dtype, g.n * g.oh * g.ow * c);
    const best = new Float64Array(c);
    forEachWindow(
      g,
      () => best.fill(Number.NEGATIVE_INFINITY),
      (_, ib) => {
        for (let ci = 0; ci < c; ci++) {
          const v = xv[ib + ci];
          if (v > best[ci] || Number.isNaN(v)) best[ci] = v;
        }
      },
      (ob) => {
        for (let ci = 0; ci < c; ci++) out[ob + ci] = best[ci];
      },
    );
    return { values: out, shape: [g.n, g.oh, g.ow, c], dtype: x.dtype };
  },
};

/**
 * Average pooling over each window's real (unpadded) cells, NHWC. Inputs `{ x }`, attrs `{ poolSize, strides, pad }`.
 * @example runKernel('AvgPool', { x }, { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0] })
 */
export const avgPoolCpu: KernelSpec<TypedArray> = {
  name: 'AvgPool',
  backend: 'cpu',
  run: ({ x }, attrs) => {
    const g = poolGeometry(x.shape, attrs);
    const { c } = g;
    const xv = x.values;
    const out = new Float32Array(g.n * g.oh * g.ow * c);
    const sum = new Float64Array(c);
    forEachWindow(
      g,
      () => sum.fill(0),
      (_, ib) => {
        for (let ci = 0; ci < c; ci++) sum[ci] += xv[ib + ci];
      },
      (ob, count) => {
        for (let ci = 0; ci < c; ci++) out[ob + ci] = sum[ci] / count;
      },
    );
    return { values: out, shape: [g.n, g.oh, g.ow, c], dtype: 'float32' };
  },
};

/**
 * The gradient of MaxPool: each dy goes to the first maximal cell of its window, recomputed from x.
 * Inputs `{ dy, x }`, attrs `{ poolSize, strides, pad }`.
 * @example runKernel('MaxPoolGrad', { dy, x }, { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0] })
 */
export const maxPoolGradCpu: KernelSpec<TypedArray> = {
  name: 'MaxPoolGrad',
  backend: 'cpu',
  run: ({ dy, x }, attrs) => {
    const g = poolGeometry(x.shape, attrs);
    const { c } = g;
    const xv = x.values;
    const dyv = dy.values;
    const acc = new Float64Array(x.values.length);
    const best = new Float64Array(c);
    const at = new Int32Array(c);
    forEachWindow(
      g,
      () => at.fill(-1),
      (_, ib) => {
        for (let ci = 0; ci < c; ci++) {
          const v = xv[ib + ci];
          // Strictly greater keeps the first maximum; the first NaN wins and stays.
          if (at[ci] < 0 || v > best[ci] || (Number.isNaN(v) && !Number.isNaN(best[ci]))) {
            best[ci] = v;
            at[ci] = ib + ci;
          }
        }
      },
      (ob) => {
        for (let ci = 0; ci < c; ci++) if (at[ci] >= 0) acc[at[ci]] += dyv[ob + ci];
      },
    );
    return { values: new Float32Array(acc), shape: x.shape, dtype: 'float32' };
  },
};

/**
 * The gradient of AvgPool: each dy is shared evenly among its window's real cells.
 * Inputs `{ dy }`, attrs `{ poolSize, strides, pad, inputShape }`.
 * @example runKernel('AvgPoolGrad', { dy }, { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0], inputShape: [1, 4, 4, 1] })
 */
export const avgPoolGradCpu: KernelSpec<TypedArray> = {
  name: 'AvgPoolGrad',
  backend: 'cpu',
  run: ({ dy }, attrs) => {
    const inputShape = attrs.inputShape as number[];
    const g = poolGeometry(inputShape, attrs);
    const { c, ph, pw } = g;
    const dyv = dy.values;
    const acc = new Float64Array(g.n * g.h * g.w * c);
    // The window's cells are visited before its count is known: visit them again at the end.
    const cells = new Int32Array(ph * pw);
    let k = 0;
    forEachWindow(
      g,
      () => {
        k = 0;
      },
      (_, ib) => {
        cells[k++] = ib;
      },
      (ob, count) => {
        for (let j = 0; j < k; j++) {
          const ib = cells[j];
          for (let ci = 0; ci < c; ci++) acc[ib + ci] += dyv[ob + ci] / count;
        }
      },
    );
    return { values: new Float32Array(acc), shape: inputShape, dtype: 'float32' };
  },
};
