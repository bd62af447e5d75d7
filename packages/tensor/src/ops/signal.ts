import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** SciPy's modes: 'full' (every overlap), 'valid' (complete overlaps), 'same' (the size of x, centred on 'full'). */
export type SignalMode = 'valid' | 'same' | 'full';

/** TODO: convolve. */
export function convolve(_x: TensorLike, _w: TensorLike, _mode: SignalMode = 'full'): Tensor {
  throw new NotImplementedError('convolve is not implemented yet');
}

/** TODO: correlate. */
export function correlate(_x: TensorLike, _w: TensorLike, _mode: SignalMode = 'full'): Tensor {
  throw new NotImplementedError('correlate is not implemented yet');
}

/** TODO: convolve2d. */
export function convolve2d(_x: TensorLike, _w: TensorLike, _mode: SignalMode = 'full'): Tensor {
  throw new NotImplementedError('convolve2d is not implemented yet');
}

/** TODO: correlate2d. */
export function correlate2d(_x: TensorLike, _w: TensorLike, _mode: SignalMode = 'full'): Tensor {
  throw new NotImplementedError('correlate2d is not implemented yet');
}
