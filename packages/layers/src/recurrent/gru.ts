import type { KerasOptions } from '@horn/tensor';
import { add, matmul, mul, reshape, slice, split, sub, type Tensor } from '@horn/tensor';
import {
  type ActivationFn,
  type ActivationId,
  getActivation,
  serializeActivation,
} from '../activations/activations.js';
import { booleanOption } from '../conv/layer-options.js';
import { BaseRNN, type RNNConfig, type RNNStep } from './base-rnn.js';
import { checkImplementation } from './rnn-options.js';

/** Options of {@link GRU}. */
export interface GRUConfig extends RNNConfig {
  /** The gates' activation. Default `'sigmoid'` (Keras 3; TF.js defaults to `'hardSigmoid'`). */
  recurrentActivation?: ActivationId | null;
  /** Apply the reset gate after the recurrent product (Keras 3 / cuDNN convention). Default true. */
  resetAfter?: boolean;
  /** Keras' computation mode, 1 or 2: the same numbers either way (TF.js writes it); not kept in the config. */
  implementation?: 1 | 2;
}

/**
 * Gated Recurrent Unit (Cho et al. 2014), as Keras 3's GRU. The kernels hold the gates z
 * (update), r (reset), h (candidate) side by side: `kernel [features, 3·units]`,
 * `recurrent_kernel [units, 3·units]`. With `resetAfter` (default) the bias is `[2, 3·units]`,
 * an input row and a recurrent row: `z = σ(x_z + h_{t-1}U_z + b'_z)`, `r = σ(x_r + h_{t-1}U_r + b'_r)`,
 * `ĥ = tanh(x_h + r·(h_{t-1}U_h + b'_h))`, `h_t = z·h_{t-1} + (1 - z)·ĥ`, where `x = x_t·W + b`.
 * Without it the bias is `[3·units]` and `ĥ = tanh(x_h + (r·h_{t-1})U_h)`.
 * @example
 * const gru = new GRU({ units: 4 });
 * gru.apply(ones([2, 5, 3])).shape; // [2, 4]
 * gru.countParams(); // 3·(3·4 + 4·4) + 2·3·4 = 108
 */
export class GRU extends BaseRNN<GRUConfig> {
  static override readonly configKeys: readonly string[] = ['recurrentActivation', 'resetAfter', 'implementation'];
  static override readonly className: string = 'GRU';
  protected readonly gates = 3;
  protected readonly stateCount = 1;
  readonly recurrentActivation: ActivationFn;
  readonly resetAfter: boolean;

  constructor(config: KerasOptions<GRUConfig>) {
    super(config);
    checkImplementation(this.config.implementation, `GRU '${this.name}'`);
    this.recurrentActivation = getActivation(
      this.config.recurrentActivation === undefined ? 'sigmoid' : this.config.recurrentActivation,
    );
    this.resetAfter = booleanOption(this.config.resetAfter, true, 'resetAfter', `GRU '${this.name}'`);
  }

  protected override biasShape(): number[] {
    return this.resetAfter ? [2, 3 * this.units] : [3 * this.units];
  }

  protected override inputBias(): Tensor | null {
    return this.bias && this.resetAfter ? this.biasRow(0) : this.bias;
  }

  protected makeStep(): RNNStep {
    const u = this.units;
    const kernel = this.recurrentKernel!;
    const recurrentBias = this.bias && this.resetAfter ? this.biasRow(1) : null;
    const gatesKernel = this.resetAfter ? kernel : slice(kernel, [0, 0], [u, 2 * u]);
    const candidateKernel = this.resetAfter ? null : slice(kernel, [0, 2 * u], [u, u]);
    return (projected, [hPrev], recurrentMask) => {
      const h = recurrentMask ? mul(hPrev, recurrentMask) : hPrev;
      const [xz, xr, xh] = split(projected, 3, 1);
      let inner = matmul(h, gatesKernel);
      if (recurrentBias) inner = add(inner, recurrentBias);
      const [rz, rr, rh] = split(inner, this.resetAfter ? 3 : 2, 1);
      const z = this.recurrentActivation(add(xz, rz));
      const r = this.recurrentActivation(add(xr, rr));
      const candidateInput = this.resetAfter ? mul(r, rh) : matmul(mul(r, h), candidateKernel!);
      const candidate = this.activation(add(xh, candidateInput));
      // h_t = z·h_{t-1} + (1 - z)·ĥ, with the undropped previous state, as Keras.
      return [add(mul(z, hPrev), mul(sub(1, z), candidate))];
    };
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      recurrentActivation: serializeActivation(this.recurrentActivation),
      resetAfter: this.resetAfter,
    };
  }

  private biasRow(row: number): Tensor {
    return reshape(slice(this.bias!, [row, 0], [1, 3 * this.units]), [3 * this.units]);
  }
}
