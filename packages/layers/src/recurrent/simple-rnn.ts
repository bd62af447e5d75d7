import { add, matmul, mul } from '@horn/tensor';
import { BaseRNN, type RNNConfig, type RNNStep } from './base-rnn.js';

/** Options of {@link SimpleRNN}: those of every recurrent layer. */
export type SimpleRNNConfig = RNNConfig;

/**
 * A fully connected recurrent layer, the course's RNN cell unrolled over time:
 * `h_t = activation(x_t · W_x + h_{t-1} · W_h + b)` with `kernel` W_x `[features, units]`,
 * `recurrent_kernel` W_h `[units, units]` and `bias` b `[units]` (Keras' weight names and shapes).
 * Input `[batch, time, features]`; output the last `h` `[batch, units]`, or every `h`
 * `[batch, time, units]` with `returnSequences`.
 * @example
 * const rnn = new SimpleRNN({ units: 4 });
 * rnn.apply(ones([2, 5, 3])).shape; // [2, 4]
 * rnn.countParams(); // 3·4 + 4·4 + 4 = 32
 */
export class SimpleRNN extends BaseRNN<SimpleRNNConfig> {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'SimpleRNN';
  protected readonly gates = 1;
  protected readonly stateCount = 1;

  protected makeStep(): RNNStep {
    const recurrentKernel = this.recurrentKernel!;
    return (projected, [previous], recurrentMask) => {
      const h = recurrentMask ? mul(previous, recurrentMask) : previous;
      return [this.activation(add(projected, matmul(h, recurrentKernel)))];
    };
  }
}
