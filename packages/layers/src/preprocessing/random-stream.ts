import { Random, randomSource, ValueError } from '@horn/tensor';

/**
 * The random numbers of a Random* layer: its own generator when given a seed (the same seed gives
 * the same sequence of calls), else the global stream that `setSeed` seeds.
 * @example new RandomStream(42).uniform(-1, 1) // the same number on every run
 */
export class RandomStream {
  private readonly generator: Random | null;

  constructor(seed: number | undefined) {
    this.generator = seed === undefined ? null : new Random(seed);
  }

  /** A uniform number in [low, high). */
  uniform(low = 0, high = 1): number {
    const u = (this.generator ?? randomSource()).next();
    return low + (high - low) * u;
  }
}

/**
 * Reads a Keras random-layer factor into `[lower, upper]`: a number `f` gives `[-|f|, |f|]`, a pair
 * is taken as is (lower <= upper). With `bound`, both ends must lie in `[-bound, bound]`.
 * @example factorRange(0.2, 'heightFactor', "RandomZoom 'random_zoom'", 1) // [-0.2, 0.2]
 */
export function factorRange(value: unknown, option: string, label: string, bound?: number): [number, number] {
  let range: [number, number] | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) range = [-Math.abs(value), Math.abs(value)];
  else if (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    value[0] <= value[1]
  ) {
    range = [value[0], value[1]];
  }
  const inBounds = (r: [number, number]) => bound === undefined || (r[0] >= -bound && r[1] <= bound);
  if (range === null || !inBounds(range)) {
    const where = bound === undefined ? '' : ` in [-${bound}, ${bound}]`;
    throw new ValueError(
      `${label}: ${option} must be a number or a [lower, upper] pair with lower <= upper${where}, got ${JSON.stringify(value)}`,
    );
  }
  return range;
}
