import { ValueError } from '../errors.js';
import { Random, randomSource } from '../random.js';

/**
 * A stateful seed (Keras 3's `keras.random.SeedGenerator`): each random call given the same generator
 * draws different numbers, and the sequence repeats from run to run when the generator is seeded.
 * Horn's streams are its own (sfc32), so the numbers differ from Keras' (jax/TF) for the same seed.
 * @example
 * const gen = new SeedGenerator(42);
 * random.normal([2], { seed: gen }); // differs from the next call, the same on every run
 */
export class SeedGenerator {
  /** The initial seed. */
  readonly seed: number;
  private readonly stream: Random;

  constructor(seed?: number | null) {
    this.seed = seed === undefined || seed === null ? randomSource().nextUint32() : readIntSeed(seed, 'SeedGenerator');
    this.stream = new Random(this.seed);
  }

  /**
   * The seed of the next draw, advancing the generator (Keras' `SeedGenerator.next()`).
   * @example new SeedGenerator(1).next() === new SeedGenerator(1).next() // true
   */
  next(): number {
    return this.stream.nextUint32();
  }

  /**
   * The config: `{ seed }`.
   * @example new SeedGenerator(3).getConfig() // { seed: 3 }
   */
  getConfig(): { seed: number } {
    return { seed: this.seed };
  }
}

/**
 * A `seed` argument as Keras takes it: an integer, a SeedGenerator, or nothing (the global stream).
 * @example const seed: SeedArg = new SeedGenerator(1);
 */
export type SeedArg = number | SeedGenerator | null | undefined;

function readIntSeed(seed: unknown, op: string): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new ValueError(`${op}: seed must be an integer or a SeedGenerator, got ${JSON.stringify(seed)}`);
  }
  return seed;
}

/**
 * The generator for one random call: a fresh stream from an integer seed (the same numbers every
 * call), the generator's next seed, or the global stream (`setSeed`) without a seed.
 * @example streamFor(7, 'normal').next() === streamFor(7, 'normal').next() // true
 */
export function streamFor(seed: SeedArg, op: string): Random {
  if (seed === undefined || seed === null) return randomSource();
  if (seed instanceof SeedGenerator) return new Random(seed.next());
  return new Random(readIntSeed(seed, op));
}
