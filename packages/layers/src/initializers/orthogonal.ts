import type { KerasOptions } from '@horn/tensor';
import {
  configKeysOf,
  fmt,
  makeTensor,
  normalizeOptions,
  randomSource,
  ShapeError,
  type Tensor,
  ValueError,
} from '@horn/tensor';
import { checkInitArgs, Initializer, numberOption, seedOption } from './initializer.js';

/**
 * Options of {@link Orthogonal}.
 * @example
 * const w = new Orthogonal({ gain: 1, seed: 1 }).apply([3, 3]);
 * matmul(w, w, false, true).arraySync(); // the identity, up to float32 rounding
 */
export interface OrthogonalConfig {
  /** Multiplies the orthogonal matrix. Default 1. */
  gain?: number;
  /** A seed makes every `apply` give the same values; without it the global stream (`setSeed`) is used. */
  seed?: number | null;
}

/**
 * A random orthogonal matrix (Keras' `Orthogonal`): the Q factor of the QR decomposition of a
 * normal matrix, signs fixed by R's diagonal, reshaped from `[prod(shape[:-1]), shape[-1]]`; its
 * columns (or rows, when wider than tall) are orthonormal, times `gain`.
 * @example
 * const q = new Orthogonal({ seed: 1 }).apply([3, 3]);
 * q.transpose().matmul(q); // close to eye(3)
 */
export class Orthogonal extends Initializer {
  static override readonly configKeys: readonly string[] = ['gain', 'seed'];
  static override readonly className: string = 'Orthogonal';
  readonly gain: number;
  readonly seed: number | undefined;

  constructor(config: KerasOptions<OrthogonalConfig> = {}) {
    config = normalizeOptions(new.target.className, config, configKeysOf(new.target, Initializer)) as OrthogonalConfig;
    super();
    this.gain = numberOption(config.gain, 1, 'gain', 'Orthogonal');
    this.seed = seedOption(config.seed, 'Orthogonal');
  }

  apply(shape: readonly number[], dtype?: 'float32'): Tensor {
    checkInitArgs(this, shape, dtype);
    if (shape.length < 2) {
      throw new ShapeError(`Orthogonal: the weight must have rank >= 2, got shape ${fmt(shape)}`);
    }
    let rows = 1;
    for (const d of shape.slice(0, -1)) rows *= d;
    const cols = shape[shape.length - 1];
    const m = Math.max(rows, cols);
    const n = Math.min(rows, cols);
    const rng = randomSource(this.seed);
    const a = new Float64Array(m * n);
    for (let i = 0; i < a.length; i++) a[i] = rng.nextNormal();
    const q = orthonormalColumns(a, m, n);
    const out = new Float32Array(rows * cols);
    // q is [m, n]; when rows < cols the weight is q transposed.
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        out[i * cols + j] = this.gain * (rows >= cols ? q[i * n + j] : q[j * n + i]);
      }
    }
    return makeTensor(out, shape, 'float32');
  }

  override getConfig(): Record<string, unknown> {
    return { gain: this.gain, seed: this.seed ?? null };
  }
}

/**
 * The Q of a thin QR decomposition of a row-major `[m, n]` matrix (m >= n) by modified
 * Gram-Schmidt, each column orthogonalized twice for accuracy. R's diagonal (the norms) is
 * positive, so Q equals the sign-fixed factor Keras computes.
 */
function orthonormalColumns(a: Float64Array, m: number, n: number): Float64Array {
  const q = Float64Array.from(a);
  for (let j = 0; j < n; j++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        let dot = 0;
        for (let i = 0; i < m; i++) dot += q[i * n + k] * q[i * n + j];
        for (let i = 0; i < m; i++) q[i * n + j] -= dot * q[i * n + k];
      }
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += q[i * n + j] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) throw new ValueError('Orthogonal: the random matrix was singular; try another seed');
    for (let i = 0; i < m; i++) q[i * n + j] /= norm;
  }
  return q;
}
