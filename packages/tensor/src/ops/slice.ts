import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/**
 * A box of `x` (TF's `slice`): `size[d]` values from `begin[d]` along each dimension. A number
 * `begin` or `size` applies to the first dimension; shorter arrays leave the remaining
 * dimensions whole (begin 0, size to the end); a size of `-1`, or none, runs to the end.
 * `begin` must lie in `[0, dim]` and `begin + size` may not pass the end.
 * @example slice(tensor([[1, 2, 3], [4, 5, 6]]), [0, 1], [2, 2]).arraySync() // [[2, 3], [5, 6]]
 */
export function slice(x: TensorLike, begin: number | readonly number[], size?: number | readonly number[]): Tensor {
  const t = toTensor(x, 'x', 'slice');
  const [b, s] = sliceBox(t.shape, begin, size, 'slice');
  return ENGINE.runKernel('Slice', { x: t }, { begin: b, size: s });
}

/** Resolves `begin` and `size` into full-length, in-bounds arrays without `-1`: `[1]` on `[4, 3]` is `[[1, 0], [3, 3]]`. */
function sliceBox(
  shape: readonly number[],
  begin: number | readonly number[],
  size: number | readonly number[] | undefined,
  op: string,
): [number[], number[]] {
  const rank = shape.length;
  const beginList = typeof begin === 'number' ? [begin] : begin;
  const sizeList = size === undefined ? [] : typeof size === 'number' ? [size] : size;
  const describe = () =>
    `begin [${Array.isArray(beginList) ? beginList.join(',') : String(begin)}], size [${Array.isArray(sizeList) ? sizeList.join(',') : String(size)}]`;
  if (!Array.isArray(beginList) || !Array.isArray(sizeList) || beginList.length > rank || sizeList.length > rank) {
    throw new ShapeError(
      `${op}: expected at most ${rank} begin and size entries for shape ${fmt(shape)}, got ${describe()}`,
    );
  }
  const b: number[] = [];
  const s: number[] = [];
  for (let d = 0; d < rank; d++) {
    const start = beginList[d] ?? 0;
    const len = sizeList[d] ?? -1;
    if (!Number.isInteger(start) || start < 0 || start > shape[d]) {
      throw new ShapeError(
        `${op}: begin ${start} is out of bounds for dimension ${d} of shape ${fmt(shape)} (${describe()})`,
      );
    }
    const resolved = len === -1 ? shape[d] - start : len;
    if (!Number.isInteger(resolved) || resolved < 0 || start + resolved > shape[d]) {
      throw new ShapeError(
        `${op}: size ${len} from begin ${start} runs out of dimension ${d} of shape ${fmt(shape)} (${describe()})`,
      );
    }
    b.push(start);
    s.push(resolved);
  }
  return [b, s];
}
