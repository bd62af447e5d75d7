import { type Random, ValueError } from '@horn/tensor';

/** The samples of one batch: a contiguous range, or the indices of a shuffled pass. */
export type BatchRows = { start: number; size: number } | { indices: Int32Array };

/**
 * The batches of passes over `n` samples, as Keras' array data adapter makes them: each pass is a
 * fresh random permutation when `shuffle` (drawn from `rng`), batches of `batchSize` with a
 * smaller last one. The stream persists across epochs, so `stepsPerEpoch` can stop mid-pass and the
 * next epoch continues where it stopped (Keras' epoch iterator).
 * @example
 * const stream = new BatchStream(10, 4, false, rng);
 * stream.next(); // { start: 0, size: 4 }
 */
export class BatchStream {
  /** Batches in one full pass. */
  readonly batchesPerPass: number;
  private order: Int32Array | null = null;
  private position: number;

  constructor(
    readonly samples: number,
    readonly batchSize: number,
    readonly shuffle: boolean,
    private readonly rng: Random,
  ) {
    this.batchesPerPass = Math.ceil(samples / batchSize);
    this.position = samples;
  }

  /** Whether the current pass has no batch left (true before the first pass: call `restart`). */
  get atPassEnd(): boolean {
    return this.position >= this.samples;
  }

  /** Starts a new pass (a new permutation when shuffling). */
  restart(): void {
    this.position = 0;
    this.order = this.shuffle ? permutation(this.samples, this.rng) : null;
  }

  /** The next batch of the current pass, or null at its end. */
  next(): BatchRows | null {
    if (this.position >= this.samples) return null;
    const start = this.position;
    const size = Math.min(this.batchSize, this.samples - start);
    this.position += size;
    return this.order ? { indices: this.order.subarray(start, start + size) } : { start, size };
  }
}

/** A random permutation of `0..n-1` (Fisher-Yates) from `rng`. */
function permutation(n: number, rng: Random): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/**
 * Checks a positive integer option (batchSize, epochs, stepsPerEpoch, ...).
 * @example checkPositiveInteger('fit', 'batchSize', 32) // 32
 */
export function checkPositiveInteger(op: string, name: string, value: unknown, allowZero = false): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new ValueError(
      `${op}: ${name} must be a${allowZero ? ' non-negative' : ' positive'} integer, got ${typeof value === 'string' ? `'${value}'` : String(value)}`,
    );
  }
  return value;
}
