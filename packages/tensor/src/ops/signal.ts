import { toTensor } from '../convert.js';
import { ShapeError, ValueError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { cast } from './cast.js';
import { runConv2d } from './conv2d-core.js';
import { flip } from './flip.js';
import { reshape } from './reshape.js';

/**
 * SciPy's modes: 'full' (every overlap), 'valid' (complete overlaps), 'same' (the size of x, centred on 'full').
 * @example
 * convolve([1, 2, 3], [0, 1, 0.5], 'full').arraySync(); // [0, 1, 2.5, 4, 1.5]
 * convolve([1, 2, 3], [0, 1, 0.5], 'same').arraySync(); // [1, 2.5, 4]
 * convolve([1, 2, 3], [0, 1, 0.5], 'valid').arraySync(); // [2.5] (NumPy: the same)
 */
export type SignalMode = 'valid' | 'same' | 'full';

interface SignalKind {
  op: string;
  rank: 1 | 2;
  /** Convolution flips the kernel; correlation does not. */
  convolve: boolean;
  /**
   * Where 'same' starts in 'full', per dimension of kernel size m: floor((m - 1) / 2) for
   * convolve, correlate and convolve2d; SciPy's correlate2d is convolve2d with the kernel
   * reversed, so its window sits ceil((m - 1) / 2) in (they differ for even m).
   */
  sameCeil: boolean;
}

/**
 * One SciPy signal op, composed from conv2d (a cross-correlation) over explicit zero padding,
 * with flip for convolution, so it is differentiable.
 */
function signalOp(x: TensorLike, w: TensorLike, mode: SignalMode, kind: SignalKind): Tensor {
  const { op, rank } = kind;
  const xt = toTensor(x, 'x', op);
  const wt = toTensor(w, 'w', op);
  for (const [name, t] of [
    ['x', xt],
    ['w', wt],
  ] as const) {
    if (t.rank !== rank) throw new ShapeError(`${op}: expected '${name}' of rank ${rank}, got shape ${fmt(t.shape)}`);
    if (t.size === 0) throw new ValueError(`${op}: '${name}' cannot be empty, got shape ${fmt(t.shape)}`);
  }
  if (mode !== 'full' && mode !== 'valid' && mode !== 'same') {
    throw new ValueError(`${op}: mode must be 'full', 'valid' or 'same', got ${JSON.stringify(mode)}`);
  }
  if (mode === 'valid') {
    const xCovers = xt.shape.every((d, i) => d >= wt.shape[i]);
    const wCovers = wt.shape.every((d, i) => d >= xt.shape[i]);
    if (!xCovers && !wCovers) {
      throw new ValueError(
        `${op}: in 'valid' mode one input must be at least as large as the other in every dimension, got x ${fmt(xt.shape)} and w ${fmt(wt.shape)}`,
      );
    }
    // SciPy swaps the inputs when w covers x; correlation is then reversed to undo the swap.
    if (!xCovers) {
      const swapped = signalOp(wt, xt, mode, kind);
      return kind.convolve ? swapped : flip(swapped, rank === 1 ? [0] : [0, 1]);
    }
  }
  const axes = rank === 1 ? [0] : [0, 1];
  const kernel = kind.convolve ? flip(cast(wt, 'float32'), axes) : cast(wt, 'float32');
  const [h, wd] = rank === 1 ? [1, xt.shape[0]] : xt.shape;
  const [kh, kw] = rank === 1 ? [1, wt.shape[0]] : wt.shape;
  const padFor = (m: number): [number, number] => {
    if (mode === 'valid') return [0, 0];
    if (mode === 'full') return [m - 1, m - 1];
    const start = kind.sameCeil ? Math.ceil((m - 1) / 2) : Math.floor((m - 1) / 2);
    return [m - 1 - start, start];
  };
  const y = runConv2d(
    reshape(cast(xt, 'float32'), [1, h, wd, 1]),
    reshape(kernel, [kh, kw, 1, 1]),
    { padding: [padFor(kh), padFor(kw)] },
    op,
  );
  return reshape(y, rank === 1 ? [y.shape[2]] : [y.shape[1], y.shape[2]]);
}

/**
 * 1-D convolution as `scipy.signal.convolve`: the kernel is flipped. Modes: 'full' (default,
 * length n + m - 1), 'valid' (n - m + 1; the inputs swap when w is longer), 'same' (length n,
 * centred on 'full'). float32 result; differentiable.
 * @example convolve([2, 8, 3, 7, 1, 2, 0, 4, 5], [2, 1, 5, 3], 'valid').arraySync() // [63, 48, 49, 28, 21, 20]
 */
export function convolve(x: TensorLike, w: TensorLike, mode: SignalMode = 'full'): Tensor {
  return signalOp(x, w, mode, { op: 'convolve', rank: 1, convolve: true, sameCeil: false });
}

/**
 * 1-D cross-correlation as `scipy.signal.correlate`: w slides over x unflipped. Modes as
 * {@link convolve}; in 'valid' mode with w longer than x the result is correlate(w, x) reversed.
 * @example correlate([2, 8, 3, 7, 1, 2, 0, 4, 5], [2, 1, 5, 3], 'valid').arraySync() // [48, 57, 24, 25, 16, 39]
 */
export function correlate(x: TensorLike, w: TensorLike, mode: SignalMode = 'full'): Tensor {
  return signalOp(x, w, mode, { op: 'correlate', rank: 1, convolve: false, sameCeil: false });
}

/**
 * 2-D convolution as `scipy.signal.convolve2d` (zero fill): the kernel is flipped on both axes.
 * 'valid' swaps the inputs when w covers x, and refuses inputs where neither covers the other.
 * @example convolve2d([[1, 2], [3, 4]], [[1, 1]]).arraySync() // [[1, 3, 2], [3, 7, 4]]
 */
export function convolve2d(x: TensorLike, w: TensorLike, mode: SignalMode = 'full'): Tensor {
  return signalOp(x, w, mode, { op: 'convolve2d', rank: 2, convolve: true, sameCeil: false });
}

/**
 * 2-D cross-correlation as `scipy.signal.correlate2d` (zero fill). Note SciPy's 'same' here is
 * centred as convolve2d with the kernel reversed, so for an even kernel size it sits one cell
 * later than `correlate`'s 'same' would.
 * @example correlate2d([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[2, 0], [0, 0]], 'valid').arraySync() // [[2, 4], [8, 10]]
 */
export function correlate2d(x: TensorLike, w: TensorLike, mode: SignalMode = 'full'): Tensor {
  return signalOp(x, w, mode, { op: 'correlate2d', rank: 2, convolve: false, sameCeil: true });
}
