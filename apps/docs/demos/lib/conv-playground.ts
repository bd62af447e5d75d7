/**
 * The convolution playground: a 3×3 filter slid over a digit (Horn's conv2d, 'valid' padding as in the
 * course's examples) gives a 26×26 feature map.
 */
import { conv2d, tensor } from '@horn/tensor';

/** A named 3×3 filter (row-major). */
export interface Filter {
  id: string;
  en: string;
  ko: string;
  weights: number[];
}

/** The filters the page offers. */
export const FILTERS: Filter[] = [
  { id: 'vertical', en: 'Vertical edges', ko: '세로 경계', weights: [1, 0, -1, 1, 0, -1, 1, 0, -1] },
  { id: 'horizontal', en: 'Horizontal edges', ko: '가로 경계', weights: [1, 1, 1, 0, 0, 0, -1, -1, -1] },
  { id: 'sobel-x', en: 'Sobel x', ko: '소벨 x', weights: [1, 0, -1, 2, 0, -2, 1, 0, -1] },
  { id: 'sharpen', en: 'Sharpen', ko: '선명하게', weights: [0, -1, 0, -1, 5, -1, 0, -1, 0] },
  { id: 'blur', en: 'Blur (mean)', ko: '흐리게 (평균)', weights: Array(9).fill(1 / 9) },
  { id: 'identity', en: 'Identity', ko: '항등', weights: [0, 0, 0, 0, 1, 0, 0, 0, 0] },
];

/**
 * The filter of an id; throws naming the ids there are when there is none.
 * @example filterById('sobel-x').weights // [1, 0, -1, 2, 0, -2, 1, 0, -1]
 */
export function filterById(id: string): Filter {
  const found = FILTERS.find((f) => f.id === id);
  if (!found) throw new Error(`no filter "${id}"; the filters are ${FILTERS.map((f) => f.id).join(', ')}`);
  return found;
}

/**
 * The feature map of a 28×28 digit (784 values) under a 3×3 filter: 26×26 values, row-major.
 * @example featureMap(digit, filterById('identity').weights) // the digit without its one-pixel border
 */
export function featureMap(digit: ArrayLike<number>, weights: number[]): Float32Array {
  if (digit.length !== 784) throw new Error(`featureMap: a 28×28 digit has 784 values, got ${digit.length}`);
  if (weights.length !== 9) throw new Error(`featureMap: a 3×3 filter has 9 weights, got ${weights.length}`);
  const image = tensor(Array.from(digit), [1, 28, 28, 1]);
  const kernel = tensor(weights, [3, 3, 1, 1]);
  const map = conv2d(image, kernel, { padding: 'valid' });
  return new Float32Array(map.dataSync());
}

/**
 * Grey levels 0–255 for showing a map: 0 → mid-grey for signed maps, the largest |value| → black or white.
 * @example toGrey(new Float32Array([-2, 0, 2])) // Uint8ClampedArray [0, 128, 255]
 */
export function toGrey(map: Float32Array): Uint8ClampedArray {
  let [lo, hi] = [0, 0];
  for (const v of map) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const out = new Uint8ClampedArray(map.length);
  if (lo >= 0) {
    for (let i = 0; i < map.length; i++) out[i] = hi > 0 ? Math.round((255 * map[i]) / hi) : 0;
    return out;
  }
  const m = Math.max(-lo, hi);
  for (let i = 0; i < map.length; i++) out[i] = Math.round(127.5 + (127.5 * map[i]) / m);
  return out;
}
