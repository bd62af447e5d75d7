/**
 * Course 6.1 (합성곱 연산), the multi-channel part: the course's 5x5 RGB image (1, 5, 5, 3) with one
 * 3x3x3 filter and then with two, as the course does it — `Conv2D` with the filters as a constant
 * kernel initializer — and the feature maps pulled out with `swapaxes`, as the course prints them.
 * Then what the course describes without a worked value: strides 2 ('valid' and 'same'), the 1-D
 * `Conv1D` on the course's x and w (Keras's 'same' pads differently from NumPy's), and the axis
 * shuffles (`transpose`, `swapaxes`) the course uses to read weights and maps.
 * The course shows only the image's R channel; G and B are inferred (see fixtures/make-course-6.py).
 * Run: `node dist/chapters/ch6-multichannel-conv.js`.
 */
import * as keras from '@horn/keras';
import { range, swapaxes, type Tensor, tensor, transpose } from '@horn/tensor';
import type { Headline } from '../course/course-program.js';
import { runIfMain } from '../run-if-main.js';

const R = [
  [1, 1, 1, 0, 0],
  [0, 1, 1, 1, 0],
  [0, 0, 1, 1, 1],
  [0, 0, 1, 1, 0],
  [0, 1, 1, 0, 0],
];
const G = [
  [0, 1, 1, 0, 0],
  [0, 1, 1, 1, 0],
  [0, 0, 1, 1, 1],
  [0, 0, 1, 1, 0],
  [0, 1, 1, 0, 0],
];
const B = [
  [1, 0, 1, 0, 0],
  [1, 1, 0, 1, 0],
  [0, 0, 0, 1, 1],
  [0, 1, 1, 1, 0],
  [0, 1, 0, 0, 1],
];
/** The course's image, (1, 5, 5, 3): channels last, as Keras reads it. */
export const image = transpose(tensor([R, G, B]), [1, 2, 0]).reshape([1, 5, 5, 3]);

/** The course's first weight, (3, 3, 3, 1): per channel R [[1,0,1],[0,1,0],[1,0,1]], G, B. */
export const oneFilter = tensor([
  [
    [[1], [0], [-1]],
    [[0], [-1], [0]],
    [[1], [0], [0]],
  ],
  [
    [[0], [-1], [0]],
    [[1], [1], [1]],
    [[0], [-1], [0]],
  ],
  [
    [[1], [1], [0]],
    [[0], [-1], [0]],
    [[1], [0], [-1]],
  ],
]);
/** The course's second weight, (3, 3, 3, 2): the first filter and one more. */
export const twoFilters = tensor([
  [
    [
      [1, 1],
      [0, 1],
      [-1, -1],
    ],
    [
      [0, 0],
      [-1, 0],
      [0, 0],
    ],
    [
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
  [
    [
      [0, 0],
      [-1, 0],
      [0, 0],
    ],
    [
      [1, 1],
      [1, 1],
      [1, 1],
    ],
    [
      [0, 0],
      [-1, 0],
      [0, 0],
    ],
  ],
  [
    [
      [1, 1],
      [1, 1],
      [0, 0],
    ],
    [
      [0, 0],
      [-1, 0],
      [0, 0],
    ],
    [
      [1, 1],
      [0, 1],
      [-1, -1],
    ],
  ],
]);

/** `Conv2D` with `weight` as its kernel (no bias), as the course's `constant_initializer`. */
function conv(x: Tensor, weight: Tensor, options: { strides?: number; padding: 'valid' | 'same' }): Tensor {
  const [kh, kw, , filters] = weight.shape;
  const layer = new keras.layers.Conv2D({
    filters,
    kernelSize: [kh, kw],
    useBias: false,
    kernelInitializer: new keras.initializers.Constant({ value: weight }),
    ...options,
  });
  return layer.apply(x) as Tensor;
}

/** The course's `np.swapaxes(conv2d, 0, 3)`: (1, h, w, filters) -> one (h, w) map per filter. */
function featureMaps(out: Tensor): number[][][] {
  const [, h, w] = out.shape;
  return (swapaxes(out, 0, 3).arraySync() as number[][][][]).map(
    (m) => tensor(m).reshape([h, w]).arraySync() as number[][],
  );
}

function conv1d(padding: 'valid' | 'same'): number[] {
  const layer = new keras.layers.Conv1D({
    filters: 1,
    kernelSize: 4,
    padding,
    useBias: false,
    kernelInitializer: new keras.initializers.Constant({ value: tensor([2, 1, 5, 3], [4, 1, 1]) }),
  });
  return Array.from((layer.apply(tensor([2, 8, 3, 7, 1, 2, 0, 4, 5], [1, 9, 1])) as Tensor).dataSync());
}

/** Prints the section's values in the course's order and returns them for `run all`. */
export async function run(): Promise<Record<string, Headline>> {
  const show = (name: string, maps: number[][][]) => {
    console.log(name);
    for (const m of maps) console.log(tensor(m).toString());
  };
  const values: Record<string, Headline> = {};
  const record = (key: string, maps: number[][][]) => {
    show(key, maps);
    maps.forEach((m, i) => {
      values[`${key} #${i + 1}`] = m;
    });
  };
  console.log(`image.shape ${JSON.stringify(image.shape)}, weight.shape ${JSON.stringify(oneFilter.shape)}`);
  record('one filter, valid', featureMaps(conv(image, oneFilter, { padding: 'valid' })));
  console.log(`weight.shape ${JSON.stringify(twoFilters.shape)}`);
  record('two filters, valid', featureMaps(conv(image, twoFilters, { padding: 'valid' })));
  record('two filters, strides 2, valid', featureMaps(conv(image, twoFilters, { strides: 2, padding: 'valid' })));
  record('two filters, strides 2, same', featureMaps(conv(image, twoFilters, { strides: 2, padding: 'same' })));
  for (const padding of ['valid', 'same'] as const) {
    const out = conv1d(padding);
    console.log(`Conv1D(x, w, '${padding}') ${JSON.stringify(out)}`);
    values[`conv1d ${padding}`] = out;
  }
  const a = range(12).reshape([3, 2, 2]);
  const transposed = transpose(a, [2, 0, 1]);
  console.log(`transpose(arange(12).reshape(3,2,2), (2,0,1))\n${transposed.toString()}`);
  values['transpose (2,0,1)'] = Array.from(transposed.dataSync());
  const swapped = swapaxes(a, 0, 2);
  console.log(`swapaxes(arange(12).reshape(3,2,2), 0, 2)\n${swapped.toString()}`);
  values['swapaxes 0,2'] = Array.from(swapped.dataSync());
  const four = transpose(range(24).reshape([2, 3, 2, 2]), [3, 0, 1, 2]);
  console.log(`transpose(arange(24).reshape(2,3,2,2), (3,0,1,2)).shape ${JSON.stringify(four.shape)}`);
  values['transpose (3,0,1,2)'] = Array.from(four.dataSync());
  return values;
}

runIfMain(import.meta.url, run);
