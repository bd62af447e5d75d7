import type { KerasOptions } from '@horn/tensor';
import { add, concat, lstmCell, matmul, mul, ones, split, type Tensor } from '@horn/tensor';
import {
  type ActivationFn,
  type ActivationId,
  getActivation,
  serializeActivation,
} from '../activations/activations.js';
import { booleanOption } from '../conv/layer-options.js';
import { Initializer } from '../initializers/initializer.js';
import { BaseRNN, type RNNConfig, type RNNStep } from './base-rnn.js';
import { checkImplementation } from './rnn-options.js';

/** Options of {@link LSTM}. */
export interface LSTMConfig extends RNNConfig {
  /** The gates' activation. Default `'sigmoid'` (Keras 3; TF.js defaults to `'hardSigmoid'`). */
  recurrentActivation?: ActivationId | null;
  /** Initialize the forget gate's bias to 1 (Jozefowicz et al. 2015). Default true. */
  unitForgetBias?: boolean;
  /** Keras' computation mode, 1 or 2: the same numbers either way (TF.js writes it); not kept in the config. */
  implementation?: 1 | 2;
}

// The built-in activations, resolved before any user registration could shadow their ids.
const BUILTIN_TANH = getActivation('tanh');
const BUILTIN_SIGMOID = getActivation('sigmoid');

/**
 * The LSTM bias at build time: the bias initializer for the input, cell and output gates, ones
 * for the forget gate (Keras' `unit_forget_bias`). Not serialized: the config keeps the user's
 * bias initializer and the flag.
 */
class UnitForgetBias extends Initializer {
  static override readonly className: string = 'UnitForgetBias';
  constructor(
    private readonly base: Initializer,
    private readonly units: number,
  ) {
    super();
  }

  apply(): Tensor {
    const u = this.units;
    return concat([this.base.apply([u]), ones([u]), this.base.apply([2 * u])], 0);
  }
}

/**
 * Long Short-Term Memory (Hochreiter 1997), as Keras 3's LSTM. The kernels hold the gates i, f,
 * c, o side by side (`kernel [features, 4·units]`, `recurrent_kernel [units, 4·units]`,
 * `bias [4·units]`); with `z = x_t·W + h_{t-1}·U + b` split in four:
 * `i = σ(z_i)`, `f = σ(z_f)`, `c_t = f·c_{t-1} + i·tanh(z_c)`, `o = σ(z_o)`, `h_t = o·tanh(c_t)`
 * (σ is `recurrentActivation`, tanh is `activation`). States are `[h, c]`.
 * @example
 * const lstm = new LSTM({ units: 4 });
 * lstm.apply(ones([2, 5, 3])).shape; // [2, 4]
 * lstm.countParams(); // 4·(3·4 + 4·4 + 4) = 128
 */
export class LSTM extends BaseRNN<LSTMConfig> {
  static override readonly configKeys: readonly string[] = ['recurrentActivation', 'unitForgetBias', 'implementation'];
  static override readonly className: string = 'LSTM';
  protected readonly gates = 4;
  protected readonly stateCount = 2;
  readonly recurrentActivation: ActivationFn;
  readonly unitForgetBias: boolean;

  constructor(config: KerasOptions<LSTMConfig>) {
    super(config);
    checkImplementation(this.config.implementation, `LSTM '${this.name}'`);
    this.recurrentActivation = getActivation(
      this.config.recurrentActivation === undefined ? 'sigmoid' : this.config.recurrentActivation,
    );
    this.unitForgetBias = booleanOption(this.config.unitForgetBias, true, 'unitForgetBias', `LSTM '${this.name}'`);
  }

  protected override biasInitializerForBuild(): Initializer {
    return this.unitForgetBias
      ? new UnitForgetBias(this.biasOptions.initializer, this.units)
      : super.biasInitializerForBuild();
  }

  protected makeStep(): RNNStep {
    const recurrentKernel = this.recurrentKernel!;
    // Keras' default activations run as one fused cell kernel (as Keras picks cuDNN for them).
    const fused = this.activation === BUILTIN_TANH && this.recurrentActivation === BUILTIN_SIGMOID;
    return (projected, [hPrev, cPrev], recurrentMask) => {
      const h = recurrentMask ? mul(hPrev, recurrentMask) : hPrev;
      const z = add(projected, matmul(h, recurrentKernel));
      if (fused) return lstmCell(z, cPrev);
      const [zi, zf, zc, zo] = split(z, 4, 1);
      const i = this.recurrentActivation(zi);
      const f = this.recurrentActivation(zf);
      const c = add(mul(f, cPrev), mul(i, this.activation(zc)));
      const o = this.recurrentActivation(zo);
      return [mul(o, this.activation(c)), c];
    };
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      recurrentActivation: serializeActivation(this.recurrentActivation),
      unitForgetBias: this.unitForgetBias,
    };
  }
}
