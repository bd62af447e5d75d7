import type { RNNConfig } from './base-rnn.js';
import { BuiltinRNN } from './builtin-rnn.js';
import { SimpleRNNCell } from './simple-rnn-cell.js';

/**
 * Options of {@link SimpleRNN}: those of every recurrent layer.
 * @example
 * new SimpleRNN({ units: 4, returnSequences: true }).apply(ones([2, 5, 3])).shape; // [2, 5, 4]
 */
export type SimpleRNNConfig = RNNConfig;

/**
 * A fully connected recurrent layer, the course's RNN cell unrolled over time (Keras' `SimpleRNN`,
 * an RNN over a {@link SimpleRNNCell}): `h_t = activation(x_t · W_x + h_{t-1} · W_h + b)` with
 * `kernel` W_x `[features, units]`, `recurrent_kernel` W_h `[units, units]` and `bias` b `[units]`.
 * Input `[batch, time, features]`; output the last `h` `[batch, units]`, or every `h`
 * `[batch, time, units]` with `returnSequences`.
 * @example
 * const rnn = new SimpleRNN({ units: 4 });
 * rnn.apply(ones([2, 5, 3])).shape; // [2, 4]
 * rnn.countParams(); // 3·4 + 4·4 + 4 = 32
 */
export class SimpleRNN extends BuiltinRNN<SimpleRNNConfig, SimpleRNNCell> {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'SimpleRNN';

  protected makeCell(options: Record<string, unknown>, owner: string): SimpleRNNCell {
    return new SimpleRNNCell(options as never, owner);
  }
}
