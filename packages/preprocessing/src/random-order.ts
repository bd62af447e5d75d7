import type { Random } from '@horn/tensor';

/**
 * A random permutation of `0..n-1` (Fisher-Yates) drawn from `rng`.
 * @example permutation(5, randomSource(42)) // the same order on every run
 */
export function permutation(n: number, rng: Random): Int32Array {
  return shuffleInPlace(
    Int32Array.from({ length: n }, (_, i) => i),
    rng,
  );
}

/**
 * Shuffles an array in place (Fisher-Yates) with `rng`, and returns it.
 * @example shuffleInPlace([1, 2, 3], randomSource(7))
 */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(values: T, rng: Random): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
  return values;
}
