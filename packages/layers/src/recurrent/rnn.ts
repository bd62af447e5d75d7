import { configKeysOf, type KerasOptions } from '@horn/tensor';
import { type CustomObjects, withCustomObjects } from '../engine/class-registry.js';
import { Layer } from '../engine/layer.js';
import type { Serialized } from '../engine/serialized.js';
import { BaseRNN, type RNNLayerConfig } from './base-rnn.js';
import { resolveCell } from './resolve-cell.js';
import { type AnyCell, checkCell } from './rnn-cell.js';
import { StackedRNNCells, serializeCell } from './stacked-rnn-cells.js';

/**
 * Options of {@link RNN}: the cell and the sequence options.
 * @example
 * new RNN({ cell: new LSTMCell({ units: 4 }), returnSequences: true }).apply(ones([2, 5, 3])).shape; // [2, 5, 4]
 * new RNN({ cell: [new GRUCell({ units: 4 }), new GRUCell({ units: 2 })] }).apply(ones([2, 5, 3])).shape; // [2, 2]: stacked
 */
export interface RNNWrapperConfig extends RNNLayerConfig {
  /**
   * The cell run at each step: a built-in cell (`SimpleRNNCell`, `LSTMCell`, `GRUCell`), a list
   * of cells (stacked, as `StackedRNNCells`), a user-written cell (an `RNNCell` subclass, or any
   * object with `stateSize` and `call(x, states, { training })`), or `{ className, config }`.
   */
  cell: AnyCell | (AnyCell | Serialized)[] | Serialized;
}

/**
 * Keras' generic recurrent layer: runs a cell over the time steps of `[batch, time, features]`
 * (see {@link BaseRNN} for masks, `returnSequences`, `returnState`, `goBackwards`, `stateful` and
 * initial states). Serializes as Keras: `cell: { className, config }` (a user cell class must be
 * registered or given in `customObjects`).
 * @example
 * const rnn = new RNN({ cell: [new LSTMCell({ units: 8 }), new LSTMCell({ units: 4 })], returnSequences: true });
 * rnn.apply(ones([2, 5, 3])).shape; // [2, 5, 4]
 */
export class RNN extends BaseRNN<RNNWrapperConfig> {
  static override readonly configKeys: readonly string[] = ['cell'];
  static override readonly className: string = 'RNN';
  readonly cell: AnyCell;

  constructor(config: KerasOptions<RNNWrapperConfig>) {
    super(config);
    this.cell = this.createCell();
  }

  /** The cell from the `cell` option (SimpleRNN, LSTM and GRU make their own instead). */
  protected createCell(): AnyCell {
    const label = `RNN '${this.name}'`;
    const given = (this.config as Partial<RNNWrapperConfig>).cell;
    return Array.isArray(given)
      ? new StackedRNNCells({ cells: given, name: 'stacked_rnn_cells' }) // no weights of its own: a fixed name
      : checkCell(resolveCell(given, label, 'cell'), label);
  }

  /**
   * Rebuilds an RNN from its config. TF.js writes the cell's options a second time beside `cell`
   * (`units`, `activation`, ...): those copies, equal to the cell's own, are dropped.
   */
  static override fromConfig<T>(
    this: new (
      config: never,
    ) => T,
    config: Record<string, unknown>,
    customObjects?: CustomObjects,
  ): T {
    const cell = config.cell as { config?: Record<string, unknown> } | undefined;
    const own = new Set(configKeysOf(RNN, Layer));
    const cellConfig = cell && typeof cell === 'object' && !Array.isArray(cell) ? (cell.config ?? {}) : {};
    const kept = Object.fromEntries(
      Object.entries(config).filter(
        ([key, value]) =>
          own.has(key) || !(key in cellConfig) || JSON.stringify(cellConfig[key]) !== JSON.stringify(value),
      ),
    );
    return withCustomObjects(customObjects, () => new this(kept as never));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), cell: serializeCell(this.cell, `${this.className} '${this.name}'`) };
  }
}
