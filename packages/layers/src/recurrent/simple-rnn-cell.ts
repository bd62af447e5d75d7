import { add, type Tensor } from '@horn/tensor';
import { BuiltinCell, type CellConfig } from './builtin-cell.js';

/**
 * Options of {@link SimpleRNNCell}: those of every built-in cell.
 * @example
 * new RNN({ cell: new SimpleRNNCell({ units: 4, useBias: false }) }).apply(ones([2, 5, 3])).shape; // [2, 4]
 */
export type SimpleRNNCellConfig = CellConfig;

/**
 * One step of the fully connected RNN (Keras 3's `SimpleRNNCell`), the course's cell:
 * `h_t = activation(x_t·W_x + b + h_{t-1}·W_h)` with `kernel` W_x `[features, units]`,
 * `recurrent_kernel` W_h `[units, units]` and `bias` b `[units]`. Wrap it in `RNN` to run a sequence.
 * @example
 * const rnn = new RNN({ cell: new SimpleRNNCell({ units: 4 }) });
 * rnn.apply(ones([2, 5, 3])).shape; // [2, 4]
 */
export class SimpleRNNCell extends BuiltinCell<SimpleRNNCellConfig> {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'SimpleRNNCell';
  readonly gates = 1;

  get stateSize(): number {
    return this.units;
  }

  recurrentStep(projected: Tensor, [previous]: Tensor[]): [Tensor, Tensor[]] {
    const h = this.activation(add(projected, this.recurrentProduct(this.droppedState(previous))));
    return [h, [h]];
  }
}
