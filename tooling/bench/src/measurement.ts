import type { Direction } from './stats.js';

/** Who runs a piece of work: a library on one of its backends. */
export type ContenderId = 'horn-cpu' | 'horn-wasm' | 'tfjs-cpu' | 'tfjs-wasm';

/** Every contender, in the order tables show them. */
export const CONTENDERS: readonly ContenderId[] = ['horn-cpu', 'horn-wasm', 'tfjs-cpu', 'tfjs-wasm'];

/** Table headings of the contenders. */
export const CONTENDER_LABELS: Record<ContenderId, string> = {
  'horn-cpu': 'Horn cpu',
  'horn-wasm': 'Horn wasm',
  'tfjs-cpu': 'TF.js cpu',
  'tfjs-wasm': 'TF.js wasm',
};

/** Why a figure is missing: the library threw or lacks a kernel; the backend is not installed; it would take too long. */
export type MissingStatus = 'failed' | 'unavailable' | 'skipped';

/** One measured figure: the median of a contender's repetitions on one case of a suite, or why there is none. */
export interface Measurement {
  suite: string;
  case: string;
  contender: ContenderId;
  /** The unit, e.g. 'GFLOP/s', 'ms', 'samples/s', 'MiB'. */
  metric: string;
  direction: Direction;
  status: 'ok' | MissingStatus;
  /** The median of `samples`, in `metric`. */
  value?: number;
  /** One value per repetition, in `metric`. */
  samples?: number[];
  /** Why a figure is missing, or details of one that is there (JSON only). */
  note?: string;
  /** A caveat on a figure that tables print under themselves (e.g. measured by one run). */
  footnote?: string;
}

/**
 * A measurement of a figure that could not be taken, with the reason.
 * @example missing('conv', 'fwd', 'tfjs-wasm', 'ms', 'lower', 'failed', 'Conv2DBackpropFilter not registered')
 */
export function missing(
  suite: string,
  caseName: string,
  contender: ContenderId,
  metric: string,
  direction: Direction,
  status: MissingStatus,
  note: string,
): Measurement {
  return { suite, case: caseName, contender, metric, direction, status, note };
}
