import type { Loss } from '@horn/losses';
import { fmt, type Tensor, ValueError } from '@horn/tensor';

/**
 * Keras' `squeeze_or_expand_to_same_rank` on shapes: where the ranks differ by one and the longer
 * shape ends in 1, a rank-1 `b` gains a trailing 1 (else the longer one loses it).
 */
function sameRank(a: readonly number[], b: readonly number[]): [readonly number[], readonly number[]] {
  if (a.length === b.length + 1 && a[a.length - 1] === 1) return b.length === 1 ? [a, [...b, 1]] : [a.slice(0, -1), b];
  if (b.length === a.length + 1 && b[b.length - 1] === 1) return a.length === 1 ? [[...a, 1], b] : [a, b.slice(0, -1)];
  return [a, b];
}

/**
 * Whether Keras 3 weighs `values` by a sample weight of shape `weight` the way Horn does: after
 * Keras' rank fix-up, NumPy broadcasting aligns the trailing axes, Horn's per-sample weights the
 * leading ones; they agree where the ranks match or the weight is a single number.
 */
function weighsAsKeras(values: readonly number[], weight: readonly number[]): boolean {
  const [v, w] = sameRank(values, weight);
  return w.length >= v.length || w.every((d) => d === 1);
}

/**
 * Refuses, as Keras 3 does ("Incompatible shapes for broadcasting"), a sample weight with fewer
 * axes than an output's per-step losses or its mask: a `[batch]` weight for a sequence output
 * whose loss keeps the steps (`[batch, steps]`, e.g. `returnSequences` with a per-step mask). Horn's
 * loss alone would scale every step of a sample by its weight; Keras has no such rule, so `fit`
 * and `evaluate` ask for a weight per step. Only outputs with a weight of rank >= 1 are checked
 * (their per-sample losses are computed once more for the shape).
 * @example checkStepWeights('fit', losses, names, { ys, preds, sampleWeights, masks });
 */
export function checkStepWeights(
  op: string,
  losses: readonly (Loss | null)[],
  outputNames: readonly string[],
  batch: {
    ys: readonly Tensor[];
    preds: readonly Tensor[];
    sampleWeights: readonly (Tensor | null)[];
    masks: readonly (Tensor | null)[];
  },
): void {
  batch.sampleWeights.forEach((weight, i) => {
    const loss = losses[i];
    if (!weight || weight.rank === 0 || !loss) return;
    const mask = batch.masks[i] ?? null;
    // The loss keeps more than the batch axis only for outputs of rank >= 3, or with a step mask.
    if (batch.preds[i].rank < 3 && (mask === null || mask.rank < 2)) return;
    const values = loss.call(batch.ys[i], batch.preds[i]).shape;
    const against = [values, ...(mask ? [mask.shape] : [])];
    const bad = against.find((shape) => !weighsAsKeras(shape, weight.shape));
    if (bad === undefined) return;
    throw new ValueError(
      `${op}: the sample weight of output '${outputNames[i]}' has shape ${fmt(weight.shape)}, but its loss keeps the steps: per-step losses${mask ? ' and mask' : ''} of shape ${fmt(bad)} (Keras 3 raises "Incompatible shapes for broadcasting" here); give one weight per step, shape ${fmt(bad)} (e.g. each sample's weight repeated over its steps)`,
    );
  });
}
