import { ValueError } from '@horn/tensor';
import type { Pixels } from './resize-pixels.js';

/** The channel count an image is decoded to: 1 (grayscale), 3 (RGB) or 4 (RGBA). */
export type ImageChannels = 1 | 3 | 4;

/** Decodes image bytes (PNG, JPEG, BMP or GIF) into float pixels with the requested channel count. */
export type ImageDecoder = (bytes: Uint8Array, channels: ImageChannels, label: string) => Pixels;

/**
 * The image file kind, from the first bytes (as tf.image.decode_image, not from the file name).
 * @example imageKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47])) // 'png'
 */
export function imageKind(bytes: Uint8Array): 'png' | 'jpeg' | 'gif' | 'bmp' | null {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 4 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  return null;
}

/**
 * Loads the pure-JavaScript decoders (pngjs, jpeg-js, bmp-js, omggif), lazily so that browser
 * bundles never see them, and returns a decoder that gives what Keras's loader gives (PIL's
 * `open` + `convert`): gray repeated for RGB, alpha dropped for RGB and 255 when absent for RGBA,
 * color to gray as PIL's `convert('L')` (ITU-R 601-2 luma in fixed point). A GIF gives its first
 * frame (Keras's `expand_animations=False`), transparent pixels as their palette color with
 * alpha 0; a BMP is read as opaque. PNG, BMP and GIF pixels are exact; JPEG decoders differ in their
 * IDCT, so JPEG pixels may differ from Keras's by a few levels. 16-bit PNGs are scaled to 8 bits.
 * @example const decode = await loadImageDecoder(); decode(pngBytes, 3, 'cat.png').data.length
 */
export async function loadImageDecoder(): Promise<ImageDecoder> {
  const [{ PNG }, jpeg, { GifReader }, bmp] = await Promise.all([
    import('pngjs'),
    import('jpeg-js'),
    import('omggif'),
    import('bmp-js'),
  ]);
  return (bytes, channels, label) => {
    const kind = imageKind(bytes);
    let rgba: { width: number; height: number; data: Uint8Array };
    if (kind === 'png') {
      rgba = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } else if (kind === 'jpeg') {
      rgba = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    } else if (kind === 'gif') {
      rgba = firstGifFrame(new GifReader(bytes), bytes);
    } else if (kind === 'bmp') {
      rgba = fromAbgr(bmp.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    } else {
      throw new ValueError(`imageDatasetFromDirectory: ${label} is not a PNG, JPEG, GIF or BMP image`);
    }
    return { width: rgba.width, height: rgba.height, channels, data: fromRgba(rgba.data, channels) };
  };
}

/**
 * RGBA bytes to float pixels with 1, 3 or 4 channels (see {@link loadImageDecoder}).
 * @example fromRgba(new Uint8Array([10, 20, 30, 255]), 3) // Float32Array [10, 20, 30]
 */
export function fromRgba(rgba: Uint8Array, channels: ImageChannels): Float32Array {
  const n = rgba.length / 4;
  const out = new Float32Array(n * channels);
  for (let i = 0; i < n; i++) {
    const r = rgba[i * 4];
    const g = rgba[i * 4 + 1];
    const b = rgba[i * 4 + 2];
    if (channels === 1) {
      // PIL's convert('L') (ITU-R 601-2 luma in 16-bit fixed point), which Keras's grain path uses.
      out[i] = (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    } else {
      out[i * channels] = r;
      out[i * channels + 1] = g;
      out[i * channels + 2] = b;
      if (channels === 4) out[i * 4 + 3] = rgba[i * 4 + 3];
    }
  }
  return out;
}

// The first frame of a GIF: transparent pixels keep the palette color of the transparent index,
// with alpha 0 (PIL's convert('RGB') / convert('RGBA') of a 'P' image with transparency).
function firstGifFrame(reader: InstanceType<typeof import('omggif').GifReader>, bytes: Uint8Array) {
  const { width, height } = reader;
  const data = new Uint8Array(width * height * 4);
  const frame = reader.frameInfo(0);
  if (frame.transparent_index !== null && frame.palette_offset !== null) {
    const at = frame.palette_offset + frame.transparent_index * 3;
    for (let i = 0; i < width * height; i++) data.set([bytes[at], bytes[at + 1], bytes[at + 2], 0], i * 4);
  }
  reader.decodeAndBlitFrameRGBA(0, data);
  return { width, height, data };
}

// bmp-js gives ABGR bytes; Horn reads BMPs as opaque RGB(A).
function fromAbgr(image: { width: number; height: number; data: Uint8Array }) {
  const { width, height, data: abgr } = image;
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = abgr[i * 4 + 3];
    data[i * 4 + 1] = abgr[i * 4 + 2];
    data[i * 4 + 2] = abgr[i * 4 + 1];
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}
