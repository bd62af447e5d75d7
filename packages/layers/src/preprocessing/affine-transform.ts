import { add, gather, mul, reshape, sum, type Tensor, tensor } from '@horn/tensor';
import type { ResizeInterpolation } from './resize-images.js';

/**
 * How points outside the image are filled, as TF's ImageProjectiveTransformV3.
 * @example
 * const fillMode: FillMode = 'constant';
 * new RandomRotation({ factor: 0.25, fillMode, fillValue: 0, seed: 1 }); // corners outside the image become 0
 */
export type FillMode = 'reflect' | 'wrap' | 'constant' | 'nearest';

/**
 * The fill modes, for validation messages.
 * @example FILL_MODES.includes('reflect') // true
 */
export const FILL_MODES: readonly FillMode[] = ['reflect', 'wrap', 'constant', 'nearest'];

/** Options of {@link affineTransform}. */
export interface AffineTransformOptions {
  interpolation: ResizeInterpolation;
  fillMode: FillMode;
  fillValue: number;
}

/**
 * A projective transform `[a0, a1, a2, b0, b1, b2, c0, c1]` mapping an OUTPUT pixel `(x, y)` to the
 * input point `((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k)`, `k = c0 x + c1 y + 1` (TF's layout).
 */
export type ProjectiveTransform = readonly number[];

const clamp = (v: number, len: number) => Math.min(Math.max(v, 0), len - 1);

/**
 * Maps a coordinate outside `[0, len - 1]` back inside as TF's MapCoordinate does for each fill mode
 * ('constant' leaves it outside, to be filled). 'wrap' keeps TF's formula, which steps by `len`
 * per `len - 1` cells, so shifts of a whole image or more clamp to the edge instead of wrapping.
 * @example mapCoordinate(-1, 4, 'reflect') // 0 (d c b a | a b c d | d c b a)
 */
export function mapCoordinate(coord: number, len: number, mode: FillMode): number {
  if (mode === 'constant') return coord;
  if (mode === 'nearest') return clamp(coord, len);
  let c = coord;
  if (mode === 'reflect') {
    if (c < 0) {
      if (len <= 1) c = 0;
      else {
        const sz2 = 2 * len;
        if (c < sz2) c = sz2 * Math.trunc(-c / sz2) + c;
        c = c < -len ? c + sz2 : -c - 1;
      }
    } else if (c > len - 1) {
      if (len <= 1) c = 0;
      else {
        const sz2 = 2 * len;
        c -= sz2 * Math.trunc(c / sz2);
        if (c >= len) c = sz2 - c - 1;
      }
    }
  } else if (c < 0) {
    c = len <= 1 ? 0 : c + len * (Math.trunc(-c / (len - 1)) + 1);
  } else if (c > len - 1) {
    c = len <= 1 ? 0 : c - len * Math.trunc(c / (len - 1));
  }
  return clamp(c, len);
}

/** C++ std::round: halves go away from zero (Math.round sends -0.5 to 0). */
const roundHalfAway = (v: number) => Math.sign(v) * Math.round(Math.abs(v));

/**
 * Applies one projective transform per image to NHWC images `[n, h, w, c]`, sampling the input
 * as TF's ImageProjectiveTransformV3 (what Keras' random image layers use): the coordinate is
 * mapped by the fill mode, then read by nearest (round half away from zero) or bilinear
 * interpolation; cells outside the image read `fillValue`. The sampling positions are computed on
 * the CPU from the shape alone; the values move by gather, so the result is differentiable in `x`.
 * @example affineTransform(x, [[1, 0, -1, 0, 1, 0, 0, 0]], { interpolation: 'nearest', fillMode: 'constant', fillValue: 0 })
 * // each image shifted one pixel to the right, a zero column on the left
 */
export function affineTransform(
  x: Tensor,
  transforms: readonly ProjectiveTransform[],
  options: AffineTransformOptions,
): Tensor {
  const [n, h, w, c] = x.shape;
  const taps = options.interpolation === 'bilinear' ? 4 : 1;
  const pixels = n * h * w;
  const indices = new Int32Array(pixels * taps);
  const weights = new Float32Array(pixels * taps);
  const fillWeights = new Float32Array(pixels);
  let anyFill = false;
  // A tap at (yy, xx) with weight wt: inside the image it gathers that pixel, outside it reads fillValue.
  const tap = (slot: number, pixel: number, base: number, yy: number, xx: number, wt: number) => {
    if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
      indices[slot] = base + yy * w + xx;
      weights[slot] = wt;
    } else if (wt !== 0) {
      fillWeights[pixel] += wt;
      anyFill = true;
    }
  };
  for (let b = 0; b < n; b++) {
    const [a0, a1, a2, b0, b1, b2, c0, c1] = transforms[b];
    const base = b * h * w;
    for (let oy = 0; oy < h; oy++) {
      for (let ox = 0; ox < w; ox++) {
        const pixel = base + oy * w + ox;
        const slot = pixel * taps;
        const k = c0 * ox + c1 * oy + 1;
        if (k === 0) {
          fillWeights[pixel] = 1;
          anyFill = true;
          continue;
        }
        const inX = mapCoordinate((a0 * ox + a1 * oy + a2) / k, w, options.fillMode);
        const inY = mapCoordinate((b0 * ox + b1 * oy + b2) / k, h, options.fillMode);
        if (taps === 1) {
          tap(slot, pixel, base, roundHalfAway(inY), roundHalfAway(inX), 1);
          continue;
        }
        const y0 = Math.floor(inY);
        const x0 = Math.floor(inX);
        const fy = inY - y0;
        const fx = inX - x0;
        tap(slot, pixel, base, y0, x0, (1 - fy) * (1 - fx));
        tap(slot + 1, pixel, base, y0, x0 + 1, (1 - fy) * fx);
        tap(slot + 2, pixel, base, y0 + 1, x0, fy * (1 - fx));
        tap(slot + 3, pixel, base, y0 + 1, x0 + 1, fy * fx);
      }
    }
  }
  const flat = reshape(x, [pixels, c]);
  const gathered = mul(gather(flat, tensor(indices, [pixels * taps], 'int32'), 0), tensor(weights, [pixels * taps, 1]));
  let out = taps === 1 ? gathered : sum(reshape(gathered, [pixels, taps, c]), 1);
  if (anyFill && options.fillValue !== 0) {
    out = add(out, mul(tensor(fillWeights, [pixels, 1]), options.fillValue));
  }
  return reshape(out, [n, h, w, c]);
}
