import type { KerasOptions } from '@horn/tensor';
import { add, concat, lstmCell, mul, ones, split, type Tensor } from '@horn/tensor';
import { type ActivationFn, getActivation } from '../activations/activations.js';
import { booleanOption } from '../conv/layer-options.js';
import { Initializer } from '../initializers/initializer.js';
import { GatedCell, type GatedCellConfig } from './gated-cell.js';

/**
 * Options of {@link LSTMCell}.
 * @example
 * const cell = new LSTMCell({ units: 4, unitForgetBias: false });
 * stateSizes(cell); // [4, 4]: h and c
 */
export interface LSTMCellConfig extends GatedCellConfig {
  /** Initialize the forget gate's bias to 1 (Jozefowicz et al. 2015). Default true. */
  unitForgetBias?: boolean;
}

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

// The built-in activations, resolved before any user registration could shadow their ids.
const BUILTIN_TANH = getActivation('tanh');
const BUILTIN_SIGMOID = getActivation('sigmoid');

/**
 * The LSTM gate math of one step, from the pre-activations `z = x·W + h·U + b` `[batch, 4·units]`
 * (gates i, f, c, o side by side) and the previous carry: `c_t = σ(z_f)·c_{t-1} + σ(z_i)·tanh(z_c)`,
 * `h_t = σ(z_o)·tanh(c_t)` (σ the recurrent activation, tanh the activation). Keras' default
 * activations (tanh, sigmoid) run as one fused `lstmCell` kernel (as Keras picks cuDNN for them).
 * @example const [h, c] = lstmGates(z, cPrev, tanh, sigmoid);
 */
export function lstmGates(
  z: Tensor,
  cPrev: Tensor,
  activation: ActivationFn,
  recurrentActivation: ActivationFn,
): [Tensor, Tensor] {
  if (activation === BUILTIN_TANH && recurrentActivation === BUILTIN_SIGMOID) return lstmCell(z, cPrev);
  const [zi, zf, zc, zo] = split(z, 4, 1);
  const c = add(mul(recurrentActivation(zf), cPrev), mul(recurrentActivation(zi), activation(zc)));
  return [mul(recurrentActivation(zo), activation(c)), c];
}

/**
 * One step of Long Short-Term Memory (Hochreiter 1997), as Keras 3's `LSTMCell`: `kernel
 * [features, 4·units]`, `recurrent_kernel [units, 4·units]`, `bias [4·units]` (gates i, f, c, o),
 * states `[h, c]`, output h (see {@link lstmGates}).
 * @example
 * const rnn = new RNN({ cell: new LSTMCell({ units: 4 }) });
 * rnn.apply(ones([2, 5, 3])).shape; // [2, 4]
 */
export class LSTMCell extends GatedCell<LSTMCellConfig> {
  static override readonly configKeys: readonly string[] = ['unitForgetBias'];
  static override readonly className: string = 'LSTMCell';
  readonly gates = 4;
  readonly unitForgetBias: boolean;

  constructor(config: KerasOptions<LSTMCellConfig>, owner: string = new.target.className) {
    super(config, owner);
    const label = `${owner} '${this.name}'`;
    this.unitForgetBias = booleanOption(this.config.unitForgetBias, true, 'unitForgetBias', label);
  }

  get stateSize(): number[] {
    return [this.units, this.units];
  }

  protected override biasInitializerForBuild(): Initializer {
    return this.unitForgetBias
      ? new UnitForgetBias(this.biasOptions.initializer, this.units)
      : super.biasInitializerForBuild();
  }

  recurrentStep(projected: Tensor, [hPrev, cPrev]: Tensor[]): [Tensor, Tensor[]] {
    const z = add(projected, this.recurrentProduct(this.droppedState(hPrev)));
    const [h, c] = lstmGates(z, cPrev, this.activation, this.recurrentActivation);
    return [h, [h, c]];
  }

  override cellConfig(): Record<string, unknown> {
    return {
      ...super.cellConfig(),
      unitForgetBias: this.unitForgetBias,
    };
  }
}
