/**
 * The course's convolution chapter, number for number: 1-D convolution and cross-correlation with
 * valid / full / same padding, 2-D cross-correlation, conv2d with one and three filters, and max
 * pooling. Run: `node dist/chapters/convolution.js`.
 */
import {
  conv2d,
  convolve,
  correlate,
  correlate2d,
  flip,
  maxPool2d,
  ones,
  range,
  type Tensor,
  tensor,
  tile,
} from '@horn/tensor';
import { runIfMain } from '../run-if-main.js';

/** Every result the chapter prints, by the name the course gives it. */
export function convolutionChapter(): Record<string, Tensor> {
  const x = tensor([2, 8, 3, 7, 1, 2, 0, 4, 5]);
  const w = tensor([2, 1, 5, 3]);
  const image = range(1, 10).reshape([1, 3, 3, 1]);
  // Three 2x2 filters whose taps are 1, 10 and -1: shape (height, width, channels, filters).
  const threeFilters = tile(tensor([1, 10, -1], [1, 1, 1, 3]), [2, 2, 1, 1]);
  return {
    'flip(w)': flip(w),
    "convolve(x, w, 'valid')": convolve(x, w, 'valid'),
    "correlate(x, w, 'valid')": correlate(x, w, 'valid'),
    "correlate(x, w, 'full')": correlate(x, w, 'full'),
    "correlate(x, w, 'same')": correlate(x, w, 'same'),
    "correlate2d(x, [[2,0],[0,0]], 'valid')": correlate2d(
      range(1, 10).reshape([3, 3]),
      tensor([
        [2, 0],
        [0, 0],
      ]),
      'valid',
    ),
    "conv2d(image, ones 2x2, 'valid')": conv2d(image, ones([2, 2, 1, 1]), { padding: 'valid' }).reshape([2, 2]),
    "conv2d(image, ones 2x2, 'same')": conv2d(image, ones([2, 2, 1, 1]), { padding: 'same' }).reshape([3, 3]),
    "conv2d(image, filters 1/10/-1, 'same') as maps": conv2d(image, threeFilters, { padding: 'same' })
      .transpose([3, 0, 1, 2])
      .reshape([3, 3, 3]),
    'maxPool2d(range(16) 4x4, 2x2, stride 2)': maxPool2d(range(16).reshape([1, 4, 4, 1]), {
      poolSize: 2,
      strides: 2,
    }).reshape([2, 2]),
  };
}

/**
 * Runs the program as `node dist/chapters/convolution.js` does and returns its headline values
 * (the `run all` harness checks them).
 * @example (await run()).convolveValid // [63, 48, 49, 28, 21, 20]
 */
export async function run(_options = { short: false }): Promise<Record<string, number[] | number[][]>> {
  const r = convolutionChapter();
  for (const [name, value] of Object.entries(r)) console.log(`${name}\n${value.toString()}\n`);
  const v = (name: string) => r[name].arraySync() as number[];
  const m = (name: string) => r[name].arraySync() as number[][];
  return {
    flip: v('flip(w)'),
    convolveValid: v("convolve(x, w, 'valid')"),
    correlateValid: v("correlate(x, w, 'valid')"),
    correlateFull: v("correlate(x, w, 'full')"),
    correlateSame: v("correlate(x, w, 'same')"),
    conv2dSame: m("conv2d(image, ones 2x2, 'same')"),
    maxPool: m('maxPool2d(range(16) 4x4, 2x2, stride 2)'),
  };
}

runIfMain(import.meta.url, () => run());
