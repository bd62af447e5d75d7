import * as T from '@horn/tensor';
import { expectParity, randomValues } from './parity.js';

/** One depthwise geometry to check. */
export interface DepthwiseCase {
  /** x [n, h, w, c] and filter [kh, kw, c, m]. */
  x: number[];
  f: number[];
  strides: [number, number];
  dilations: [number, number];
  pad: [number, number, number, number];
}

const outSize = (size: number, k: number, s: number, d: number, before: number, after: number) =>
  Math.max(0, Math.floor((size + before + after - (k - 1) * d - 1) / s) + 1);

/**
 * Checks the three depthwise kernels on one geometry (seeded inputs), through runKernel with
 * explicit attrs: wasm agrees with cpu and ran on wasm itself.
 */
export function checkDepthwise(c: DepthwiseCase, seed: number) {
  const [n, h, w, ci] = c.x;
  const [kh, kw, , m] = c.f;
  const [pt, pb, pl, pr] = c.pad;
  const oh = outSize(h, kh, c.strides[0], c.dilations[0], pt, pb);
  const ow = outSize(w, kw, c.strides[1], c.dilations[1], pl, pr);
  const dyShape = [n, oh, ow, ci * m];
  const r = T.randomSource(seed);
  const xv = randomValues(r, T.sizeOf(c.x));
  const fv = randomValues(r, T.sizeOf(c.f));
  const dyv = randomValues(r, T.sizeOf(dyShape));
  const attrs = { strides: c.strides, pad: c.pad, dilations: c.dilations };
  const label = `x${T.fmt(c.x)} f${T.fmt(c.f)} strides ${c.strides} dilations ${c.dilations} pad ${c.pad}`;
  expectParity(() => T.runKernel('DepthwiseConv2dNative', { x: T.tensor(xv, c.x), filter: T.tensor(fv, c.f) }, attrs), {
    rtol: 1e-5,
    atol: 2e-6 * Math.sqrt(Math.max(kh * kw, 1)),
    label: `DepthwiseConv2dNative ${label}`,
    ranOnWasm: ['DepthwiseConv2dNative'],
  });
  expectParity(
    () =>
      T.runKernel(
        'DepthwiseConv2dNativeBackpropInput',
        { dy: T.tensor(dyv, dyShape), filter: T.tensor(fv, c.f) },
        { ...attrs, inputShape: c.x },
      ),
    {
      rtol: 1e-5,
      atol: 2e-6 * Math.sqrt(Math.max(kh * kw * m, 1)),
      label: `DepthwiseConv2dNativeBackpropInput ${label}`,
      ranOnWasm: ['DepthwiseConv2dNativeBackpropInput'],
    },
  );
  expectParity(
    () =>
      T.runKernel(
        'DepthwiseConv2dNativeBackpropFilter',
        { x: T.tensor(xv, c.x), dy: T.tensor(dyv, dyShape) },
        { ...attrs, filterShape: c.f },
      ),
    {
      rtol: 1e-4,
      atol: 2e-6 * Math.sqrt(Math.max(n * oh * ow, 1)),
      label: `DepthwiseConv2dNativeBackpropFilter ${label}`,
      ranOnWasm: ['DepthwiseConv2dNativeBackpropFilter'],
    },
  );
}
