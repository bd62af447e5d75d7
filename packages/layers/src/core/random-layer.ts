import { makeTensor, Random, randomSource, type Tensor, ValueError } from '@horn/tensor';

/**
 * The generator of a stateful random layer: a seeded layer owns a stream (so its calls differ from
 * each other but repeat from run to run, as Keras' SeedGenerator); an unseeded one draws from the
 * global stream (`setSeed`).
 * @example const rng = seededStream(42); rng().next();
 */
export function seededStream(seed: number | undefined): () => Random {
  const own = seed === undefined ? null : new Random(seed);
  return () => own ?? randomSource();
}

/** Reads a seed option. @internal */
export function readSeed(seed: unknown, owner: string): number | undefined {
  if (seed === undefined || seed === null) return undefined;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new ValueError(`${owner}: seed must be a finite number, got ${JSON.stringify(seed)}`);
  }
  return seed;
}

/** Reads a dropout rate in [0, 1]. @internal */
export function readRate(rate: unknown, owner: string): number {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new ValueError(`${owner}: rate must be a number in [0, 1], got ${JSON.stringify(rate)}`);
  }
  return rate;
}

/**
 * An inverted-dropout mask of `shape`: each entry is `1 / (1 - rate)` with probability `1 - rate`,
 * else 0 (all zeros when rate is 1).
 * @example dropoutMask([4], 0.5, new Random(1)) // entries 0 or 2
 */
export function dropoutMask(shape: readonly number[], rate: number, rng: Random): Tensor {
  let size = 1;
  for (const d of shape) size *= d;
  const keep = 1 - rate;
  const scale = keep > 0 ? 1 / keep : 0;
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = rng.next() < keep ? scale : 0;
  return makeTensor(values, shape, 'float32');
}
