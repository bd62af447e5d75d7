import { makeTensor, type Tensor, ValueError } from '@horn/tensor';
import { type ImageChannels, loadImageDecoder } from '../images/decode-image.js';
import { cropToAspect, type PixelInterpolation, resizePixels } from '../images/resize-pixels.js';
import {
  checkOptionKeys,
  DIRECTORY_OPTION_KEYS,
  type DirectoryOptions,
  type DirectoryResult,
  datasetsFromDirectory,
} from './from-directory.js';

/**
 * Options of {@link imageDatasetFromDirectory}: Keras's `image_dataset_from_directory` arguments in camelCase.
 * @example const options: ImageDatasetOptions = { imageSize: [64, 64], colorMode: 'grayscale', batchSize: 16 };
 */
export interface ImageDatasetOptions extends DirectoryOptions {
  /** 'rgb' (default, 3 channels), 'grayscale' (1) or 'rgba' (4). */
  colorMode?: 'grayscale' | 'rgb' | 'rgba';
  /** `[height, width]` every image is resized to (default `[256, 256]`), or one number for a square. */
  imageSize?: readonly [number, number] | number;
  /** 'bilinear' (default) or 'nearest'; Keras's bicubic, area, lanczos and gaussian are refused. */
  interpolation?: 'bilinear' | 'nearest';
  /** Crop the largest centered box with the target aspect ratio before resizing (default false). */
  cropToAspectRatio?: boolean;
}

const IMAGE_FORMATS = ['.bmp', '.gif', '.jpeg', '.jpg', '.png'];
const CHANNELS: Record<string, ImageChannels> = { grayscale: 1, rgb: 3, rgba: 4 };
const OP = 'imageDatasetFromDirectory';

/**
 * Keras's `keras.utils.image_dataset_from_directory`, in Node: one class per sub-folder (sorted),
 * files in `os.walk` order shuffled by NumPy's RandomState(seed) as Keras does (so `seed` picks the
 * same validation files as Keras), PNG, JPEG, BMP and GIF (first frame) decoded in pure JavaScript,
 * converted as PIL's `convert` and resized as Keras's `Resizing` (half-pixel bilinear, no
 * antialiasing): the pixels of Keras's own loader. Yields `{ xs, ys }` batches that
 * `model.fitDataset` takes: `xs` float32 `[batch, height, width, channels]` with values 0-255, `ys`
 * as `labelMode` says; bare `xs` without labels. `classNames` is on the result.
 * `padToAspectRatio`, `followLinks`, `dataFormat` and `format` are not offered (refused by name).
 * @example
 * const [train, val] = await imageDatasetFromDirectory('flowers', {
 *   imageSize: [180, 180], batchSize: 32, validationSplit: 0.2, subset: 'both', seed: 123,
 * });
 * console.log(train.classNames); // ['daisy', 'dandelion', 'roses', 'sunflowers', 'tulips']
 * await model.fitDataset(train, { epochs: 3, validationData: val });
 */
export async function imageDatasetFromDirectory<const O extends ImageDatasetOptions = Record<never, never>>(
  directory: string,
  options?: O,
): Promise<DirectoryResult<O, Tensor>> {
  const o: ImageDatasetOptions = options ?? {};
  checkOptionKeys(OP, o, [...DIRECTORY_OPTION_KEYS, 'colorMode', 'imageSize', 'interpolation', 'cropToAspectRatio']);
  const channels = CHANNELS[o.colorMode ?? 'rgb'];
  if (channels === undefined || !Object.hasOwn(CHANNELS, o.colorMode ?? 'rgb')) {
    throw new ValueError(`${OP}: colorMode must be 'grayscale', 'rgb' or 'rgba', got ${JSON.stringify(o.colorMode)}`);
  }
  const raw = o.imageSize ?? [256, 256];
  const size: [number, number] = typeof raw === 'number' ? [raw, raw] : [raw[0], raw[1]];
  if ((typeof raw !== 'number' && raw.length !== 2) || !size.every((v) => Number.isInteger(v) && v > 0)) {
    throw new ValueError(`${OP}: imageSize must be [height, width] of positive integers, got ${JSON.stringify(raw)}`);
  }
  const interpolation = (o.interpolation ?? 'bilinear').toLowerCase() as PixelInterpolation;
  if (interpolation !== 'bilinear' && interpolation !== 'nearest') {
    throw new ValueError(
      `${OP}: interpolation must be 'bilinear' or 'nearest' (Keras's other methods are not in Horn), got ${JSON.stringify(o.interpolation)}`,
    );
  }
  const crop = o.cropToAspectRatio ?? false;
  const decode = await loadImageDecoder();
  const { readFile } = await import('node:fs/promises');
  const load = async (paths: readonly string[], batched: boolean): Promise<Tensor> => {
    const [h, w] = size;
    const out = new Float32Array(paths.length * h * w * channels);
    for (let i = 0; i < paths.length; i++) {
      let image = decode(await readFile(paths[i]), channels, paths[i]);
      if (crop) image = cropToAspect(image, size);
      out.set(resizePixels(image, size, interpolation).data, i * h * w * channels);
    }
    return makeTensor(out, batched ? [paths.length, h, w, channels] : [h, w, channels], 'float32');
  };
  const result = await datasetsFromDirectory(OP, directory, IMAGE_FORMATS, o, 'images', load);
  return result as DirectoryResult<O, Tensor>;
}
