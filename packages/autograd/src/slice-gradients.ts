import { add, concat, pad, type Tensor, zeros } from '@horn/tensor';

/** The gradient a Slice node sends back: `dy` belongs at `begin` (extent `size`) of its input. */
export interface SlicePart {
  readonly begin: readonly number[];
  readonly size: readonly number[];
  readonly dy: Tensor;
}

/**
 * Adds the gradients of many slices of one tensor to `previous` (its gradient so far, if any).
 * Slice's own gradient pads `dy` to the input's full shape, so `n` slices of a `[T, ...]` tensor
 * (an RNN's time steps) would keep `n` full-size pads and `n` full-size partial sums alive: memory
 * quadratic in `T`. When the slices differ along one axis only and do not overlap (the steps of a
 * `split`, the gates of an LSTM), they are joined with one `concat` (zeros in the gaps) instead:
 * linear, and the same numbers, since each element receives one slice's value plus zeros. Other
 * patterns are padded and added one by one, in the order they came, as before.
 * @example
 * const x = zeros([4, 2]);
 * const parts = [0, 1, 2, 3].map((t) => ({ begin: [t, 0], size: [1, 2], dy: ones([1, 2]) }));
 * addSliceGradients(x.shape, parts, undefined).arraySync(); // [[1, 1], [1, 1], [1, 1], [1, 1]]
 */
export function addSliceGradients(
  shape: readonly number[],
  parts: readonly SlicePart[],
  previous: Tensor | undefined,
): Tensor {
  const joined = parts.length > 1 ? joinDisjoint(shape, parts) : null;
  if (joined) return previous ? add(previous, joined) : joined;
  let sum = previous;
  for (const part of parts) {
    const g = padTo(shape, part.dy, part.begin, part.size);
    sum = sum ? add(sum, g) : g;
  }
  return sum as Tensor;
}

/** `dy` padded with zeros to `shape`, as Slice's registered gradient does. */
function padTo(shape: readonly number[], dy: Tensor, begin: readonly number[], size: readonly number[]): Tensor {
  return pad(
    dy,
    shape.map((d, i) => [begin[i], d - begin[i] - size[i]] as [number, number]),
  );
}

/** One concat of the parts along the single axis where they differ, or null if they do not tile it. */
function joinDisjoint(shape: readonly number[], parts: readonly SlicePart[]): Tensor | null {
  const first = parts[0];
  let axis = -1;
  for (let d = 0; d < shape.length; d++) {
    const same = parts.every((p) => p.begin[d] === first.begin[d] && p.size[d] === first.size[d]);
    if (same) continue;
    if (axis >= 0) return null;
    axis = d;
  }
  if (axis < 0) return null;
  const sorted = [...parts].sort((p, q) => p.begin[axis] - q.begin[axis]);
  const pieces: Tensor[] = [];
  const gapShape = (n: number) => first.size.map((s, d) => (d === axis ? n : s));
  let at = 0;
  for (const p of sorted) {
    const start = p.begin[axis];
    if (start < at) return null;
    if (start > at) pieces.push(zeros(gapShape(start - at)));
    pieces.push(p.dy);
    at = start + p.size[axis];
  }
  if (at < shape[axis]) pieces.push(zeros(gapShape(shape[axis] - at)));
  const whole = concat(pieces, axis);
  const full = first.size.map((s, d) => (d === axis ? shape[d] : s));
  const begin = first.begin.map((b, d) => (d === axis ? 0 : b));
  return full.every((s, d) => s === shape[d] && begin[d] === 0) ? whole : padTo(shape, whole, begin, full);
}
