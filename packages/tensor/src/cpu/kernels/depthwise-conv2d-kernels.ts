import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';
import { readWindowAttrs, windowOutSize } from './window-attrs.js';

// Layouts: x/dx [n, h, w, c], filter [kh, kw, c, m], y/dy [n, oh, ow, c * m]; output channel
// ci * m + mi is input channel ci seen through multiplier mi, so one filter tap's c * m weights
// line up with one output pixel's channels. Sums accumulate in float64.

/**
 * Depthwise 2-D convolution, NHWC. Inputs `{ x, filter }`, attrs `{ strides, pad, dilations }`.
 * @example runKernel('DepthwiseConv2dNative', { x, filter }, { strides: [1, 1], pad: [0, 0, 0, 0], dilations: [1, 1] })
 */
export const depthwiseConv2dCpu: KernelSpec<TypedArray> = {
  name: 'DepthwiseConv2dNative',
  backend: 'cpu',
  run: ({ x, filter }, attrs) => {
    const [n, h, w, c] = x.shape;
    const [kh, kw, , m] = filter.shape;
    const o = c * m;
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
              const fb = (ky * kw + kx) * o;
              for (let ci = 0, q = 0; ci < c; ci++) {
                const v = xv[xb + ci];
                for (let mi = 0; mi < m; mi++, q++) acc[q] += v * fv[fb + q];
              }
            }
          }
          for (let q = 0; q < o; q++) out[ob + q] = acc[q];
        }
      }
    }
    return { values: out, shape: [n, oh, ow, o], dtype: 'float32' };
  },
};

/**
 * The input gradient of DepthwiseConv2dNative. Inputs `{ dy, filter }`, attrs `{ strides, pad, dilations, inputShape }`.
 * @example runKernel('DepthwiseConv2dNativeBackpropInput', { dy, filter }, { ...attrs, inputShape: [1, 3, 3, 2] })
 */
export const depthwiseConv2dBackpropInputCpu: KernelSpec<TypedArray> = {
  name: 'DepthwiseConv2dNativeBackpropInput',
  backend: 'cpu',
  run: ({ dy, filter }, attrs) => {
    const [n, h, w, c] = attrs.inputShape as number[];
    const [kh, kw, , m] = filter.shape;
    const o = c * m;
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
              const fb = (ky * kw + kx) * o;
              for (let ci = 0, q = 0; ci < c; ci++) {
                let s = 0;
                for (let mi = 0; mi < m; mi++, q++) s += dyv[db + q] * fv[fb + q];
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
 * The filter gradient of DepthwiseConv2dNative. Inputs `{ x, dy }`, attrs `{ strides, pad, dilations, filterShape }`.
 * @example runKernel('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { ...attrs, filterShape: [2, 2, 2, 1] })
 */
export const depthwiseConv2dBackpropFilterCpu: KernelSpec<TypedArray> = {
  name: 'DepthwiseConv2dNativeBackpropFilter',
  backend: 'cpu',
  run: ({ x, dy }, attrs) => {
    const [n, h, w, c] = x.shape;
    const [kh, kw, , m] = attrs.filterShape as number[];
    const o = c * m;
    const [, oh, ow] = dy.shape;
    const { sh, sw, dh, dw, pt, pl } = readWindowAttrs(attrs);
    const xv = x.values;
    const dyv = dy.values;
    const acc = new Float64Array(kh * kw * o);
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
              const fb = (ky * kw + kx) * o;
              for (let ci = 0, q = 0; ci < c; ci++) {
                const v = xv[xb + ci];
                for (let mi = 0; mi < m; mi++, q++) acc[fb + q] += v * dyv[db + q];
              }
            }
          }
        }
      }
    }
    return { values: new Float32Array(acc), shape: [kh, kw, c, m], dtype: 'float32' };
  },
};
