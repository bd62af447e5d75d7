import type { ActivationFn } from '../activations/activations.js';
import type { RNNConfig } from './base-rnn.js';
import { BuiltinRNN } from './builtin-rnn.js';
import { LSTMCell, type LSTMCellConfig } from './lstm-cell.js';

/**
 * Options of {@link LSTM}: the sequence options and those of {@link LSTMCell}.
 * @example
 * new LSTM({ units: 8, unitForgetBias: true, returnSequences: true }).apply(ones([2, 5, 3])).shape; // [2, 5, 8]
 */
export interface LSTMConfig
  extends RNNConfig,
    Pick<LSTMCellConfig, 'recurrentActivation' | 'unitForgetBias' | 'implementation'> {}

/**
 * Long Short-Term Memory (Hochreiter 1997), as Keras 3's LSTM: an RNN over an {@link LSTMCell}.
 * The kernels hold the gates i, f, c, o side by side (`kernel [features, 4·units]`,
 * `recurrent_kernel [units, 4·units]`, `bias [4·units]`); with `z = x_t·W + h_{t-1}·U + b` split in four:
 * `i = σ(z_i)`, `f = σ(z_f)`, `c_t = f·c_{t-1} + i·tanh(z_c)`, `o = σ(z_o)`, `h_t = o·tanh(c_t)`
 * (σ is `recurrentActivation`, tanh is `activation`). States are `[h, c]`.
 * @example
 * const lstm = new LSTM({ units: 4 });
 * lstm.apply(ones([2, 5, 3])).shape; // [2, 4]
 * lstm.countParams(); // 4·(3·4 + 4·4 + 4) = 128
 */
export class LSTM extends BuiltinRNN<LSTMConfig, LSTMCell> {
  static override readonly configKeys: readonly string[] = ['recurrentActivation', 'unitForgetBias', 'implementation'];
  static override readonly className: string = 'LSTM';

  protected makeCell(options: Record<string, unknown>, owner: string): LSTMCell {
    return new LSTMCell(options as never, owner);
  }

  get recurrentActivation(): ActivationFn {
    return this.cell.recurrentActivation;
  }
  get unitForgetBias(): boolean {
    return this.cell.unitForgetBias;
  }
}
