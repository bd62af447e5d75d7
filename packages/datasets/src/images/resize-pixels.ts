/** How {@link resizePixels} resamples: 'bilinear' (half-pixel centers, as tf.image.resize) or 'nearest'. */
export type PixelInterpolation = 'bilinear' | 'nearest';

/** An image as channels-last float pixels: `data[(y * width + x) * channels + c]`. */
export interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Float32Array;
}

// For each output cell, the two input cells it reads and the weight of the second (tf.image.resize,
// half-pixel centers, no antialiasing; nearest is TF's HalfPixelScalerForNN). The same plan as
// @horn/layers' Resizing, on plain arrays because @horn/datasets cannot import layers.
function axisPlan(inSize: number, outSize: number, interpolation: PixelInterpolation) {
  const lower = new Int32Array(outSize);
  const upper = new Int32Array(outSize);
  const lerp = new Float32Array(outSize);
  const scale = inSize / outSize;
  for (let i = 0; i < outSize; i++) {
    if (interpolation === 'nearest') {
      lower[i] = upper[i] = Math.min(Math.floor((i + 0.5) * scale), inSize - 1);
      continue;
    }
    const src = (i + 0.5) * scale - 0.5;
    const floor = Math.floor(src);
    lower[i] = Math.max(floor, 0);
    upper[i] = Math.min(Math.ceil(src), inSize - 1);
    lerp[i] = src < 0 ? 0 : src - floor;
  }
  return { lower, upper, lerp };
}

/**
 * Resizes an image to `[height, width]` as Keras's `Resizing` / tf.image.resize (antialias off):
 * same numbers as `keras.layers.Resizing(h, w, interpolation)`.
 * @example resizePixels({ width: 2, height: 1, channels: 1, data: new Float32Array([0, 1]) }, [1, 4], 'bilinear').data // [0, 0.25, 0.75, 1]
 */
export function resizePixels(
  image: Pixels,
  size: readonly [number, number],
  interpolation: PixelInterpolation,
): Pixels {
  const [outH, outW] = size;
  const { width, height, channels: c, data } = image;
  if (outH === height && outW === width) return image;
  const rows = axisPlan(height, outH, interpolation);
  const cols = axisPlan(width, outW, interpolation);
  const out = new Float32Array(outH * outW * c);
  for (let y = 0; y < outH; y++) {
    const r0 = rows.lower[y] * width;
    const r1 = rows.upper[y] * width;
    const wy = rows.lerp[y];
    for (let x = 0; x < outW; x++) {
      const c0 = cols.lower[x];
      const c1 = cols.upper[x];
      const wx = cols.lerp[x];
      for (let k = 0; k < c; k++) {
        // As TF's resize_bilinear: interpolate along x in the top and bottom rows, then along y.
        const tl = data[(r0 + c0) * c + k];
        const top = tl + (data[(r0 + c1) * c + k] - tl) * wx;
        const bl = data[(r1 + c0) * c + k];
        const bottom = bl + (data[(r1 + c1) * c + k] - bl) * wx;
        out[(y * outW + x) * c + k] = top + (bottom - top) * wy;
      }
    }
  }
  return { width: outW, height: outH, channels: c, data: out };
}

/**
 * The largest centered box of the image with the aspect ratio of `size`, cropped out (Keras's
 * `crop_to_aspect_ratio` / `smart_resize` box).
 * @example cropToAspect({ width: 4, height: 2, channels: 1, data }, [2, 2]).width // 2
 */
export function cropToAspect(image: Pixels, size: readonly [number, number]): Pixels {
  const { width, height, channels: c, data } = image;
  const cropH = Math.max(Math.min(height, Math.trunc((width * size[0]) / size[1])), 1);
  const cropW = Math.max(Math.min(width, Math.trunc((height * size[1]) / size[0])), 1);
  if (cropH === height && cropW === width) return image;
  const top = Math.trunc((height - cropH) / 2);
  const left = Math.trunc((width - cropW) / 2);
  const out = new Float32Array(cropH * cropW * c);
  for (let y = 0; y < cropH; y++) {
    const from = ((top + y) * width + left) * c;
    out.set(data.subarray(from, from + cropW * c), y * cropW * c);
  }
  return { width: cropW, height: cropH, channels: c, data: out };
}
