import type { Variable } from '@horn/autograd';
import { ValueError } from '@horn/tensor';

/** The budget in force while a loader builds a model: bytes left, who set it, what it built. */
interface Budget {
  remaining: number;
  declared: number;
  source: string;
  created: Variable[];
}

let current: Budget | null = null;

/**
 * Runs `build` (which constructs and builds layers) under a budget of `bytes` of float32 weights:
 * a layer whose `addWeight` would take the total past it throws a ValueError naming `source`,
 * the layer and the weight before the weight is allocated, and every weight built so far under the
 * budget is disposed. Loaders use it so that a small model.json declaring a huge layer is refused
 * before the memory is taken, not after.
 * @example
 * const model = withWeightBudget(manifestBytes + 2 ** 24, 'model.json', () => modelFromTopology(topology));
 */
export function withWeightBudget<T>(bytes: number, source: string, build: () => T): T {
  const outer = current;
  const budget: Budget = { remaining: bytes, declared: bytes, source, created: [] };
  current = budget;
  try {
    return build();
  } catch (error) {
    for (const weight of budget.created) if (!weight.isDisposed) weight.dispose();
    throw error;
  } finally {
    current = outer;
  }
}

/**
 * Charges a weight about to be created against the budget in force (none outside
 * {@link withWeightBudget}); throws before allocation when it does not fit.
 * @example chargeWeightBudget('dense', 'kernel', [784, 10]);
 */
export function chargeWeightBudget(layer: string, weight: string, shape: readonly number[]): void {
  if (current === null) return;
  const bytes = shape.reduce((a, b) => a * b, 1) * 4;
  if (bytes > current.remaining) {
    throw new ValueError(
      `${current.source}: layer '${layer}' weight '${weight}' of shape [${shape.join(', ')}] needs ${bytes} bytes, ` +
        `more than the weights the file declares allow (${current.declared} bytes in all, ${current.remaining} left); ` +
        'the model.json topology and its weights manifest do not match',
    );
  }
  current.remaining -= bytes;
}

/**
 * Records a weight created under the budget in force, so a refused build disposes it; returns it.
 * @example const weight = recordBudgetedWeight(new LayerWeight(initial, 'dense/kernel', true, null, null));
 */
export function recordBudgetedWeight<W extends Variable>(weight: W): W {
  current?.created.push(weight);
  return weight;
}
