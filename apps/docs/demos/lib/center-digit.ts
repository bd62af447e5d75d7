/**
 * Turns a drawing into an MNIST-like digit, as MNIST's digits were made: the ink's bounding box is
 * scaled (keeping its aspect) to fit a 20×20 box, which is placed in a 28×28 image so that the ink's
 * centre of mass falls on the centre pixel (14, 14).
 */

/** A grey drawing: `ink[y * width + x]` from 0 (paper) to 1 (full ink). */
export interface Drawing {
  ink: ArrayLike<number>;
  width: number;
  height: number;
}

/** Pixels with less ink than this are paper when finding the bounding box. */
const THRESHOLD = 0.05;

/**
 * The ink of a canvas's RGBA pixels: the alpha channel where the canvas is transparent paper, else the
 * darkness (1 − luminance) of an opaque white canvas.
 * @example inkOfRgba(new Uint8ClampedArray([0, 0, 0, 255]), 1, 1).ink[0] // 1 (black on white)
 */
export function inkOfRgba(rgba: ArrayLike<number>, width: number, height: number, opaquePaper = true): Drawing {
  const ink = new Float32Array(width * height);
  for (let i = 0; i < ink.length; i++) {
    const [r, g, b, a] = [rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2], rgba[4 * i + 3]];
    ink[i] = opaquePaper ? 1 - (0.299 * r + 0.587 * g + 0.114 * b) / 255 : a / 255;
  }
  return { ink, width, height };
}

/**
 * The drawing as a 28×28 MNIST digit (784 values from 0 to 1, white ink on black), or `null` when the
 * drawing has no ink (a blank canvas).
 * @example
 * const digit = centerDigit({ ink, width: 280, height: 280 });
 * if (digit === null) say('draw a digit first');
 */
export function centerDigit(drawing: Drawing): Float32Array | null {
  const { ink, width, height } = drawing;
  if (ink.length !== width * height) {
    throw new Error(`centerDigit: ${width}×${height} drawing needs ${width * height} ink values, got ${ink.length}`);
  }
  let [top, left, bottom, right] = [height, width, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > THRESHOLD) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  if (bottom < 0) return null;
  const boxW = right - left + 1;
  const boxH = bottom - top + 1;
  const scale = 20 / Math.max(boxW, boxH);
  const w = Math.max(1, Math.round(boxW * scale));
  const h = Math.max(1, Math.round(boxH * scale));
  // Area-average the box down (or up) to w×h.
  const small = new Float32Array(w * h);
  for (let ty = 0; ty < h; ty++) {
    const y0 = top + (ty * boxH) / h;
    const y1 = top + ((ty + 1) * boxH) / h;
    for (let tx = 0; tx < w; tx++) {
      const x0 = left + (tx * boxW) / w;
      const x1 = left + ((tx + 1) * boxW) / w;
      small[ty * w + tx] = areaMean(drawing, x0, x1, y0, y1);
    }
  }
  // Centre of mass of the small image, placed on (14, 14).
  let [mass, cy, cx] = [0, 0, 0];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = small[y * w + x];
      mass += v;
      cy += v * (y + 0.5);
      cx += v * (x + 0.5);
    }
  }
  const clamp = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);
  const offY = clamp(Math.round(14 - cy / mass), 28 - h);
  const offX = clamp(Math.round(14 - cx / mass), 28 - w);
  const digit = new Float32Array(28 * 28);
  const peak = Math.max(...small);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) digit[(offY + y) * 28 + offX + x] = Math.min(1, small[y * w + x] / peak);
  }
  return digit;
}

/** The mean ink over the source rectangle [x0, x1) × [y0, y1), pixels weighted by how much they overlap it. */
function areaMean({ ink, width }: Drawing, x0: number, x1: number, y0: number, y1: number): number {
  let [sum, area] = [0, 0];
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    const wy = Math.min(y + 1, y1) - Math.max(y, y0);
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      const wx = Math.min(x + 1, x1) - Math.max(x, x0);
      sum += ink[y * width + x] * wx * wy;
      area += wx * wy;
    }
  }
  return area > 0 ? sum / area : 0;
}
