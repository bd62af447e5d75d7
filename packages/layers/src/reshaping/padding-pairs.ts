import { ValueError } from '@horn/tensor';

/**
 * `[[top, bottom], [left, right]]`: amounts on each side of the height and width axes.
 * @example
 * const pairs: PaddingPairs = [[1, 0], [2, 2]]; // [[top, bottom], [left, right]]
 * new ZeroPadding2D({ padding: pairs }).apply(ones([1, 2, 2, 1])).shape; // [1, 3, 6, 1]
 */
export type PaddingPairs = [[number, number], [number, number]];

/**
 * Keras' three forms of a 2-D padding or cropping: `n`, `[h, w]` (symmetric), `[[t, b], [l, r]]`.
 * @example
 * new ZeroPadding2D({ padding: 1 }).apply(ones([1, 2, 2, 1])).shape; // [1, 4, 4, 1]
 * new ZeroPadding2D({ padding: [1, 2] }).apply(ones([1, 2, 2, 1])).shape; // [1, 4, 6, 1]: [h, w] on both sides
 */
export type PaddingPairsLike =
  | number
  | readonly [number, number]
  | readonly [readonly [number, number], readonly [number, number]];

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Reads a ZeroPadding2D padding / Cropping2D cropping: an integer (all four sides), `[h, w]`
 * (symmetric per axis) or `[[top, bottom], [left, right]]`, each a non-negative integer.
 * @example paddingPairs([1, 2], 'padding', "ZeroPadding2D 'zero_padding2d'") // [[1, 1], [2, 2]]
 */
export function paddingPairs(value: unknown, option: string, label: string): PaddingPairs {
  if (isCount(value)) {
    return [
      [value, value],
      [value, value],
    ];
  }
  if (Array.isArray(value) && value.length === 2) {
    const [h, w] = value;
    if (isCount(h) && isCount(w)) {
      return [
        [h, h],
        [w, w],
      ];
    }
    const pair = (p: unknown): p is [number, number] => Array.isArray(p) && p.length === 2 && p.every(isCount);
    if (pair(h) && pair(w))
      return [
        [h[0], h[1]],
        [w[0], w[1]],
      ];
  }
  throw new ValueError(
    `${label}: ${option} must be a non-negative integer, [height, width] or [[top, bottom], [left, right]] of non-negative integers, got ${JSON.stringify(value)}`,
  );
}
