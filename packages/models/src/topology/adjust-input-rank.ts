import type { SymbolicTensor } from '@horn/layers';
import { expandDims, squeeze, type Tensor } from '@horn/tensor';

/**
 * Keras 3's `Functional._adjust_input_rank`: an input one rank short of its `Input` whose last
 * dimension is 1 gains that dimension (`['a', 'b']` into `Input({ shape: [1], dtype: 'string' })`),
 * and an input one rank too many whose last dimension is 1 loses it. Other inputs are left for the
 * shape check to name.
 * @example adjustInputRanks(model.inputs, [tensor(['a', 'b'])])[0].shape // [2, 1]
 */
export function adjustInputRanks(refs: readonly SymbolicTensor[], inputs: readonly Tensor[]): Tensor[] {
  return inputs.map((x, i) => {
    const ref = refs[i];
    if (!ref || x.rank === ref.rank) return x;
    if (x.rank === ref.rank + 1 && x.shape[x.rank - 1] === 1) return squeeze(x, -1);
    if (x.rank === ref.rank - 1 && ref.shape[ref.rank - 1] === 1) return expandDims(x, -1);
    return x;
  });
}
