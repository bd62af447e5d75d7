import type { KerasOptions } from '@horn/tensor';
import {
  type ActivationFn,
  type ActivationId,
  getActivation,
  serializeActivation,
} from '../activations/activations.js';
import { BuiltinCell, type CellConfig } from './builtin-cell.js';
import { checkImplementation } from './rnn-options.js';

/** Options of the gated cells (LSTMCell, GRUCell) beside those of every built-in cell. */
export interface GatedCellConfig extends CellConfig {
  /** The gates' activation. Default `'sigmoid'` (Keras 3; TF.js defaults to `'hardSigmoid'`). */
  recurrentActivation?: ActivationId | null;
  /**
   * Keras' computation mode, 1 or 2 (default 2): the same numbers without dropout; with dropout, 1
   * draws one mask per gate (as Keras, which also switches to 1 when `recurrentDropout > 0`).
   */
  implementation?: 1 | 2;
}

/**
 * The base of LSTMCell and GRUCell: `recurrentActivation` and Keras' `implementation`, which
 * decides whether dropout draws one mask for all gates or one per gate.
 * @example new GRUCell({ units: 2, implementation: 1 }).implementation // 1
 */
export abstract class GatedCell<C extends GatedCellConfig = GatedCellConfig> extends BuiltinCell<C> {
  static override readonly configKeys: readonly string[] = ['recurrentActivation', 'implementation'];
  readonly recurrentActivation: ActivationFn;
  readonly implementation: 1 | 2;

  constructor(config: KerasOptions<C>, owner: string = new.target.className) {
    super(config, owner);
    checkImplementation(this.config.implementation, `${owner} '${this.name}'`);
    this.implementation = this.config.implementation ?? 2;
    this.recurrentActivation = getActivation(
      this.config.recurrentActivation === undefined ? 'sigmoid' : this.config.recurrentActivation,
    );
  }

  /** One mask per gate where Keras runs `implementation=1` (asked for, or implied by recurrentDropout), else one. */
  protected override maskCount(): number {
    return this.implementation === 1 || this.recurrentDropout > 0 ? this.gates : 1;
  }

  override cellConfig(): Record<string, unknown> {
    return {
      ...super.cellConfig(),
      recurrentActivation: serializeActivation(this.recurrentActivation),
      implementation: this.implementation,
    };
  }
}
