import { ValueError } from '@horn/tensor';

/**
 * Bounds on what the readers inflate (zip, npz, gzip): the declared uncompressed size of any one
 * entry or stream, and how many times larger than its compressed bytes it may be. Real data sets
 * stay far below both; a compression bomb does not. Streams under 1 MiB are exempt from the ratio.
 * @example setReadLimits({ maxInflateRatio: 2000 } satisfies ReadLimits) // a mostly-zero array
 */
export interface ReadLimits {
  /** The most bytes one entry or stream may inflate to. Default 2 GiB. */
  maxInflatedBytes?: number;
  /** The most an entry or stream may grow when inflated (uncompressed ÷ compressed). Default 200. */
  maxInflateRatio?: number;
}

/** The limits in force when a call names none. */
const DEFAULT_LIMITS: Required<ReadLimits> = { maxInflatedBytes: 2 ** 31, maxInflateRatio: 200 };
let current: Required<ReadLimits> = { ...DEFAULT_LIMITS };

/** Below this many inflated bytes the ratio limit is not applied (tiny, highly regular files are fine). */
const RATIO_FLOOR_BYTES = 1 << 20;

/**
 * Sets the limits every reader applies from now on (and returns the previous ones, to restore).
 * Raise them to read a legitimately huge or highly compressible file.
 * @example
 * const before = setReadLimits({ maxInflatedBytes: 8 * 2 ** 30 });
 * // ... read the file ...
 * setReadLimits(before);
 */
export function setReadLimits(limits: ReadLimits): Required<ReadLimits> {
  const previous = current;
  const next = { ...current, ...limits };
  for (const key of ['maxInflatedBytes', 'maxInflateRatio'] as const) {
    const value = next[key];
    if (typeof value !== 'number' || !(value > 0)) {
      throw new ValueError(`setReadLimits: ${key} must be a positive number, got ${String(value)}`);
    }
  }
  current = next;
  return previous;
}

/**
 * The limits in force now.
 * @example getReadLimits().maxInflateRatio // 200
 */
export function getReadLimits(): Required<ReadLimits> {
  return { ...current };
}

/**
 * Refuses a declared inflated size that breaks a limit, before anything is allocated.
 * @example checkInflatedSize(64 * 2 ** 20, 65_000, 'bomb.gz') // throws: ≈1032×, over the ratio limit
 */
export function checkInflatedSize(declared: number, compressed: number, name: string): void {
  const { maxInflatedBytes, maxInflateRatio } = current;
  if (declared > maxInflatedBytes) {
    throw new ValueError(
      `${name} declares ${declared} bytes inflated, over the limit of ${maxInflatedBytes} bytes ` +
        `(raise it with setReadLimits({ maxInflatedBytes }) from @horn/datasets)`,
    );
  }
  if (declared > RATIO_FLOOR_BYTES && declared > compressed * maxInflateRatio) {
    throw new ValueError(
      `${name} would inflate ${compressed} bytes to ${declared} (${(declared / Math.max(compressed, 1)).toFixed(0)}×), ` +
        `over the ratio limit of ${maxInflateRatio}× (raise it with setReadLimits({ maxInflateRatio }) from @horn/datasets)`,
    );
  }
}
