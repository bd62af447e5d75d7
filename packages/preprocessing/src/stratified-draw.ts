import type { Random } from '@horn/tensor';
import { permutation } from './random-order.js';

/**
 * scikit-learn's `_approximate_mode`: how many of `draws` samples to take from each class so that
 * the counts follow the class proportions; leftover samples go to the largest remainders (ties
 * broken at random).
 * @example approximateMode([212, 357], 455, rng) // [170, 285]
 */
export function approximateMode(classCounts: readonly number[], draws: number, rng: Random): number[] {
  const total = classCounts.reduce((a, b) => a + b, 0);
  const continuous = classCounts.map((c) => (c / total) * draws);
  const floored = continuous.map(Math.floor);
  let needToAdd = draws - floored.reduce((a, b) => a + b, 0);
  if (needToAdd > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const candidates = remainder.flatMap((r, i) => (r === value ? [i] : []));
      const order = permutation(candidates.length, rng);
      const addNow = Math.min(candidates.length, needToAdd);
      for (let k = 0; k < addNow; k++) floored[candidates[order[k]]] += 1;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return floored;
}

/**
 * Groups sample indices by label, classes in ascending label order (as `np.unique`).
 * @example groupByClass([1, 0, 1]) // { classes: [0, 1], members: [[1], [0, 2]] }
 */
export function groupByClass(labels: readonly number[]): { classes: number[]; members: number[][] } {
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  const slot = new Map(classes.map((c, i) => [c, i]));
  const members: number[][] = classes.map(() => []);
  labels.forEach((label, i) => {
    members[slot.get(label)!].push(i);
  });
  return { classes, members };
}
