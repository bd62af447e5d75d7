import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';
import { readWindowAttrs, windowOutSize } from './window-attrs.js';

// Layouts: x/dx [n, h, w, c], filter [kh, kw, c, o], y/dy [n, oh, ow, o]. The loops walk output
// pixels, then the window taps that land inside the input, so padding costs nothing; the innermost
// loop runs over contiguous output channels of a filter row. Sums accumulate in float64.

/**
 * 2-D convolution (cross-correlation), NHWC. Inputs `{ x, filter }`, attrs `{ strides, pad, dilations }`.
 * @example runKernel('Conv2D', { x, filter }, { strides: [1, 1], pad: [0, 0, 0, 0], dilations: [1, 1] })
 */
export const conv2dCpu: KernelSpec<TypedArray> = {
  name: 'Conv2D',
  backend: 'cpu',
  run: ({ x, filter }, attrs) => {
    const [n, h, w, c] = x.shape;
    const [kh, kw, , o] = filter.shape;
    const { sh, sw, dh, dw, pt, pb, pl, pr } = readWindowAttrs(attrs);
    const oh = windowOutSize(h, kh, sh, dh, pt, pb);
    const ow = windowOutSize(w, kw, sw, dw, pl, pr);
    const xv = x.values;
    const fv = filter.values;
    const out = new Float32Array(n * oh * ow * o);
    const acc = new Float64Array(o);
    let ob = 0;
    for (let b = 0; b < n; b++) {
      const xBatch = b * h * w * c;
      for (let oy = 0; oy < oh; oy++) {
        const iy0 = oy * sh - pt;
        for (let ox = 0; ox < ow; ox++, ob += o) {
          const ix0 = ox * sw - pl;
          acc.fill(0);
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky * dh;
            if (iy < 0 || iy >= h) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx * dw;
              if (ix < 0 || ix >= w) continue;
              const xb = xBatch + (iy * w + ix) * c;
              let fb = (ky * kw + kx) * c * o;
              let ci = 0;
              // Four input channels per pass: a quarter of the loads and stores of acc.
              for (; ci + 3 < c; ci += 4, fb += 4 * o) {
                const v0 = xv[xb + ci];
                const v1 = xv[xb + ci + 1];
                const v2 = xv[xb + ci + 2];
                const v3 = xv[xb + ci + 3];
                const f1 = fb + o;
                const f2 = f1 + o;
                const f3 = f2 + o;
                for (let oi = 0; oi < o; oi++) {
                  acc[oi] += v0 * fv[fb + oi] + v1 * fv[f1 + oi] + v2 * fv[f2 + oi] + v3 * fv[f3 + oi];
                }
              }
              for (; ci < c; ci++, fb += o) {
                const v = xv[xb + ci];
                for (let oi = 0; oi < o; oi++) acc[oi] += v * fv[fb + oi];
              }
            }
          }
          for (let oi = 0; oi < o; oi++) out[ob + oi] = acc[oi];
        }
      }
    }
    return { values: out, shape: [n, oh, ow, o], dtype: 'float32' };
  },
};

/**
 * The input gradient of Conv2D. Inputs `{ dy, filter }`, attrs `{ strides, pad, dilations, inputShape }`.
 * @example runKernel('Conv2DBackpropInput', { dy, filter }, { ...conv2dAttrs, inputShape: [1, 3, 3, 1] })
 */
export const conv2dBackpropInputCpu: KernelSpec<TypedArray> = {
  name: 'Conv2DBackpropInput',
  backend: 'cpu',
  run: ({ dy, filter }, attrs) => {
    const [n, h, w, c] = attrs.inputShape as number[];
    const [kh, kw, , o] = filter.shape;
    const [, oh, ow] = dy.shape;
    const { sh, sw, dh, dw, pt, pl } = readWindowAttrs(attrs);
    const dyv = dy.values;
    const fv = filter.values;
    const acc = new Float64Array(n * h * w * c);
    let db = 0;
    for (let b = 0; b < n; b++) {
      const xBatch = b * h * w * c;
      for (let oy = 0; oy < oh; oy++) {
        const iy0 = oy * sh - pt;
        for (let ox = 0; ox < ow; ox++, db += o) {
          const ix0 = ox * sw - pl;
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky * dh;
            if (iy < 0 || iy >= h) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx * dw;
              if (ix < 0 || ix >= w) continue;
              const xb = xBatch + (iy * w + ix) * c;
              let fb = (ky * kw + kx) * c * o;
              let ci = 0;
              // Four input channels per pass share each load of dy.
              for (; ci + 3 < c; ci += 4, fb += 4 * o) {
                const f1 = fb + o;
                const f2 = f1 + o;
                const f3 = f2 + o;
                let s0 = 0;
                let s1 = 0;
                let s2 = 0;
                let s3 = 0;
                for (let oi = 0; oi < o; oi++) {
                  const g = dyv[db + oi];
                  s0 += g * fv[fb + oi];
                  s1 += g * fv[f1 + oi];
                  s2 += g * fv[f2 + oi];
                  s3 += g * fv[f3 + oi];
                }
                acc[xb + ci] += s0;
                acc[xb + ci + 1] += s1;
                acc[xb + ci + 2] += s2;
                acc[xb + ci + 3] += s3;
              }
              for (; ci < c; ci++, fb += o) {
                let s = 0;
                for (let oi = 0; oi < o; oi++) s += dyv[db + oi] * fv[fb + oi];
                acc[xb + ci] += s;
              }
            }
          }
        }
      }
    }
    return { values: new Float32Array(acc), shape: [n, h, w, c], dtype: 'float32' };
  },
};

/**
 * The filter gradient of Conv2D. Inputs `{ x, dy }`, attrs `{ strides, pad, dilations, filterShape }`.
 * @example runKernel('Conv2DBackpropFilter', { x, dy }, { ...conv2dAttrs, filterShape: [2, 2, 1, 1] })
 */
export const conv2dBackpropFilterCpu: KernelSpec<TypedArray> = {
  name: 'Conv2DBackpropFilter',
  backend: 'cpu',
  run: ({ x, dy }, attrs) => {
    const [n, h, w, c] = x.shape;
    const [kh, kw, , o] = attrs.filterShape as number[];
    const [, oh, ow] = dy.shape;
    const { sh, sw, dh, dw, pt, pl } = readWindowAttrs(attrs);
    const xv = x.values;
    const dyv = dy.values;
    const acc = new Float64Array(kh * kw * c * o);
    let db = 0;
    for (let b = 0; b < n; b++) {
      const xBatch = b * h * w * c;
      for (let oy = 0; oy < oh; oy++) {
        const iy0 = oy * sh - pt;
        for (let ox = 0; ox < ow; ox++, db += o) {
          const ix0 = ox * sw - pl;
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky * dh;
            if (iy < 0 || iy >= h) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx * dw;
              if (ix < 0 || ix >= w) continue;
              const xb = xBatch + (iy * w + ix) * c;
              let fb = (ky * kw + kx) * c * o;
              let ci = 0;
              // Four input channels per pass share each load of dy.
              for (; ci + 3 < c; ci += 4, fb += 4 * o) {
                const v0 = xv[xb + ci];
                const v1 = xv[xb + ci + 1];
                const v2 = xv[xb + ci + 2];
                const v3 = xv[xb + ci + 3];
                const f1 = fb + o;
                const f2 = f1 + o;
                const f3 = f2 + o;
                for (let oi = 0; oi < o; oi++) {
                  const g = dyv[db + oi];
                  acc[fb + oi] += v0 * g;
                  acc[f1 + oi] += v1 * g;
                  acc[f2 + oi] += v2 * g;
                  acc[f3 + oi] += v3 * g;
                }
              }
              for (; ci < c; ci++, fb += o) {
                const v = xv[xb + ci];
                for (let oi = 0; oi < o; oi++) acc[fb + oi] += v * dyv[db + oi];
              }
            }
          }
        }
      }
    }
    return { values: new Float32Array(acc), shape: [kh, kw, c, o], dtype: 'float32' };
  },
};
