import { add, div, maximum, minimum, mul, sub, type Tensor, ValueError } from '@horn/tensor';
import { layerLabel } from '../engine/input-checks.js';
import { Merge } from './merge.js';
import { mergeOrMasked } from './merge-masks.js';

function reduce(inputs: Tensor[], op: (a: Tensor, b: Tensor) => Tensor): Tensor {
  let out = inputs[0];
  for (const t of inputs.slice(1)) out = op(out, t);
  return out;
}

/**
 * Adds its inputs elementwise.
 * @example new Add().apply([tensor([[1, 2]]), tensor([[3, 4]])]).arraySync() // [[4, 6]]
 */
export class Add extends Merge {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'Add';
  protected merge(inputs: Tensor[]): Tensor {
    return reduce(inputs, add);
  }
}

/**
 * Subtracts its second input from its first (exactly two inputs).
 * @example new Subtract().apply([tensor([[3, 4]]), tensor([[1, 1]])]).arraySync() // [[2, 3]]
 */
export class Subtract extends Merge {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'Subtract';
  protected override readonly minInputs: number = 2;
  protected merge(inputs: Tensor[]): Tensor {
    return sub(inputs[0], inputs[1]);
  }
  protected override checkList<T>(inputs: T[] | unknown): T[] {
    const list = super.checkList<T>(inputs);
    if (list.length !== 2) throw new ValueError(`${layerLabel(this)}: expected exactly 2 inputs, got ${list.length}`);
    return list;
  }
}

/**
 * Multiplies its inputs elementwise.
 * @example new Multiply().apply([tensor([[1, 2]]), tensor([[3, 4]])]).arraySync() // [[3, 8]]
 */
export class Multiply extends Merge {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'Multiply';
  protected merge(inputs: Tensor[]): Tensor {
    return reduce(inputs, mul);
  }
}

/**
 * The elementwise mean of its inputs.
 * @example new Average().apply([tensor([[1, 2]]), tensor([[3, 4]])]).arraySync() // [[2, 3]]
 */
export class Average extends Merge {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'Average';
  protected merge(inputs: Tensor[]): Tensor {
    return div(reduce(inputs, add), inputs.length);
  }
}

/**
 * The elementwise maximum of its inputs.
 * @example new Maximum().apply([tensor([[1, 5]]), tensor([[3, 4]])]).arraySync() // [[3, 5]]
 */
export class Maximum extends Merge {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'Maximum';
  /** With masks (Keras 3), a masked position of one input takes the other operand's value. */
  protected merge(inputs: Tensor[], masks: (Tensor | null)[] | null): Tensor {
    return masks ? mergeOrMasked(inputs, masks, maximum) : reduce(inputs, maximum);
  }
}

/**
 * The elementwise minimum of its inputs.
 * @example new Minimum().apply([tensor([[1, 5]]), tensor([[3, 4]])]).arraySync() // [[1, 4]]
 */
export class Minimum extends Merge {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'Minimum';
  /** With masks (Keras 3), a masked position of one input takes the other operand's value. */
  protected merge(inputs: Tensor[], masks: (Tensor | null)[] | null): Tensor {
    return masks ? mergeOrMasked(inputs, masks, minimum) : reduce(inputs, minimum);
  }
}
