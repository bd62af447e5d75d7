import type { ActivationFn } from '../activations/activations.js';
import type { RNNConfig } from './base-rnn.js';
import { BuiltinRNN } from './builtin-rnn.js';
import { GRUCell, type GRUCellConfig } from './gru-cell.js';

/**
 * Options of {@link GRU}: the sequence options and those of {@link GRUCell}.
 * @example
 * new GRU({ units: 8, resetAfter: true, recurrentActivation: 'sigmoid', returnSequences: false }).apply(ones([2, 5, 3])).shape; // [2, 8]
 */
export interface GRUConfig
  extends RNNConfig,
    Pick<GRUCellConfig, 'recurrentActivation' | 'resetAfter' | 'implementation'> {}

/**
 * Gated Recurrent Unit (Cho et al. 2014), as Keras 3's GRU: an RNN over a {@link GRUCell}. The
 * kernels hold the gates z (update), r (reset), h (candidate) side by side: `kernel [features, 3·units]`,
 * `recurrent_kernel [units, 3·units]`. With `resetAfter` (default) the bias is `[2, 3·units]`, an
 * input row and a recurrent row: `z = σ(x_z + h_{t-1}U_z + b'_z)`, `r = σ(x_r + h_{t-1}U_r + b'_r)`,
 * `ĥ = tanh(x_h + r·(h_{t-1}U_h + b'_h))`, `h_t = z·h_{t-1} + (1 - z)·ĥ`, where `x = x_t·W + b`.
 * Without it the bias is `[3·units]` and `ĥ = tanh(x_h + (r·h_{t-1})U_h)`.
 * @example
 * const gru = new GRU({ units: 4 });
 * gru.apply(ones([2, 5, 3])).shape; // [2, 4]
 * gru.countParams(); // 3·(3·4 + 4·4) + 2·3·4 = 108
 */
export class GRU extends BuiltinRNN<GRUConfig, GRUCell> {
  static override readonly configKeys: readonly string[] = ['recurrentActivation', 'resetAfter', 'implementation'];
  static override readonly className: string = 'GRU';

  protected makeCell(options: Record<string, unknown>, owner: string): GRUCell {
    return new GRUCell(options as never, owner);
  }

  get recurrentActivation(): ActivationFn {
    return this.cell.recurrentActivation;
  }
  get resetAfter(): boolean {
    return this.cell.resetAfter;
  }
}
