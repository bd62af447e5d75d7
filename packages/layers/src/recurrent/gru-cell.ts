import type { KerasOptions } from '@horn/tensor';
import { add, matmul, mul, reshape, slice, split, sub, type Tensor } from '@horn/tensor';
import { booleanOption } from '../conv/layer-options.js';
import { GatedCell, type GatedCellConfig } from './gated-cell.js';

/**
 * Options of {@link GRUCell}.
 * @example
 * const cell = new GRUCell({ units: 4, resetAfter: false });
 * new RNN({ cell }).apply(ones([1, 3, 2])).shape; // [1, 4]
 */
export interface GRUCellConfig extends GatedCellConfig {
  /** Apply the reset gate after the recurrent product (Keras 3 / cuDNN convention). Default true. */
  resetAfter?: boolean;
}

/**
 * One step of the Gated Recurrent Unit (Cho et al. 2014), as Keras 3's `GRUCell`: gates z
 * (update), r (reset), h (candidate) side by side in `kernel [features, 3·units]` and
 * `recurrent_kernel [units, 3·units]`. With `resetAfter` (default) the bias is `[2, 3·units]`
 * (an input row and a recurrent row) and `ĥ = tanh(x_h + r·(h_{t-1}U_h + b'_h))`; without it the
 * bias is `[3·units]` and `ĥ = tanh(x_h + (r·h_{t-1})U_h)`. `h_t = z·h_{t-1} + (1 - z)·ĥ`.
 * @example
 * const rnn = new RNN({ cell: new GRUCell({ units: 4 }) });
 * rnn.apply(ones([2, 5, 3])).shape; // [2, 4]
 */
export class GRUCell extends GatedCell<GRUCellConfig> {
  static override readonly configKeys: readonly string[] = ['resetAfter'];
  static override readonly className: string = 'GRUCell';
  readonly gates = 3;
  readonly resetAfter: boolean;

  constructor(config: KerasOptions<GRUCellConfig>, owner: string = new.target.className) {
    super(config, owner);
    const label = `${owner} '${this.name}'`;
    this.resetAfter = booleanOption(this.config.resetAfter, true, 'resetAfter', label);
  }

  get stateSize(): number {
    return this.units;
  }

  protected override biasShape(): number[] {
    return this.resetAfter ? [2, 3 * this.units] : [3 * this.units];
  }

  protected override inputBias(): Tensor | null {
    return this.bias && this.resetAfter ? this.biasRow(0) : this.bias;
  }

  recurrentStep(projected: Tensor, [hPrev]: Tensor[]): [Tensor, Tensor[]] {
    const u = this.units;
    const hs = this.droppedState(hPrev);
    const [xz, xr, xh] = split(projected, 3, 1);
    let inner = this.recurrentProduct(hs, 0, this.resetAfter ? 3 : 2);
    if (this.bias && this.resetAfter) inner = add(inner, this.biasRow(1));
    const [rz, rr, rh] = split(inner, this.resetAfter ? 3 : 2, 1);
    const z = this.recurrentActivation(add(xz, rz));
    const r = this.recurrentActivation(add(xr, rr));
    const candidateKernel = () => slice(this.recurrentKernel!, [0, 2 * u], [u, u]);
    const candidateInput = this.resetAfter ? mul(r, rh) : matmul(mul(r, hs[hs.length - 1]), candidateKernel());
    const candidate = this.activation(add(xh, candidateInput));
    // h_t = z·h_{t-1} + (1 - z)·ĥ, with the undropped previous state, as Keras.
    const h = add(mul(z, hPrev), mul(sub(1, z), candidate));
    return [h, [h]];
  }

  override cellConfig(): Record<string, unknown> {
    return {
      ...super.cellConfig(),
      resetAfter: this.resetAfter,
    };
  }

  private biasRow(row: number): Tensor {
    return reshape(slice(this.bias!, [row, 0], [1, 3 * this.units]), [3 * this.units]);
  }
}
