import type { KerasOptions, Tensor } from '@horn/tensor';
import { ValueError } from '@horn/tensor';
import type { LayerConfig, LayerShape } from '../engine/layer.js';
import { serializeLayer } from '../engine/serialize-layer.js';
import type { Serialized } from '../engine/serialized.js';
import { resolveCell } from './resolve-cell.js';
import { type AnyCell, cellOutputSize, checkCell, RNNCell, runCellStep, stateSizes } from './rnn-cell.js';

/**
 * Options of {@link StackedRNNCells}.
 * @example
 * const cells = new StackedRNNCells({ cells: [new LSTMCell({ units: 8 }), new LSTMCell({ units: 4 })] });
 * new RNN({ cell: cells }).apply(ones([2, 5, 3])).shape; // [2, 4]
 */
export interface StackedRNNCellsConfig extends LayerConfig {
  /** The cells, first to last: each cell's output is the next one's input. */
  cells: (AnyCell | Serialized)[];
}

/**
 * A stack of cells that acts as one cell (Keras' `StackedRNNCells`): at each step the first
 * cell reads the input, each next cell reads the previous one's output, and the output is the
 * last cell's. The states are those of every cell in order, flat (Keras nests them per cell):
 * `stateSize` of two LSTM cells is `[u1, u1, u2, u2]`.
 * @example
 * const cells = new StackedRNNCells({ cells: [new LSTMCell({ units: 8 }), new GRUCell({ units: 4 })] });
 * new RNN({ cell: cells }).apply(ones([2, 5, 3])).shape; // [2, 4]
 */
export class StackedRNNCells extends RNNCell<StackedRNNCellsConfig> {
  static override readonly configKeys: readonly string[] = ['cells'];
  static override readonly className: string = 'StackedRNNCells';
  readonly cells: AnyCell[];

  constructor(config: KerasOptions<StackedRNNCellsConfig>) {
    super(config);
    const label = `StackedRNNCells '${this.name}'`;
    const cells = this.config.cells;
    if (!Array.isArray(cells) || cells.length === 0) {
      throw new ValueError(`${label}: cells must be a non-empty list of cells, got ${JSON.stringify(cells)}`);
    }
    this.cells = cells.map((c, i) => checkCell(resolveCell(c, label, `cells[${i}]`), label));
  }

  get stateSize(): number[] {
    return this.cells.flatMap((c) => stateSizes(c));
  }

  override get outputSize(): number {
    return cellOutputSize(this.cells[this.cells.length - 1]);
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    let shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as LayerShape;
    for (const cell of this.cells) {
      buildCell(cell, shape);
      shape = [shape[0], cellOutputSize(cell)];
    }
  }

  override beginSequence(batch: number, inputDim: number, training: boolean): void {
    let dim = inputDim;
    for (const cell of this.cells) {
      if (cell instanceof RNNCell) cell.beginSequence(batch, dim, training);
      dim = cellOutputSize(cell);
    }
  }

  override endSequence(): void {
    for (const cell of this.cells) if (cell instanceof RNNCell) cell.endSequence();
  }

  step(x: Tensor, states: Tensor[], options: { training?: boolean }): [Tensor, Tensor[]] {
    let input = x;
    let offset = 0;
    const next: Tensor[] = [];
    for (const cell of this.cells) {
      const count = stateSizes(cell).length;
      const [output, cellStates] = runCellStep(
        cell,
        input,
        states.slice(offset, offset + count),
        options.training ?? false,
      );
      next.push(...cellStates);
      input = output;
      offset += count;
    }
    return [input, next];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), cells: this.cells.map((c) => serializeCell(c, `StackedRNNCells '${this.name}'`)) };
  }
}

/**
 * Builds a cell for a step input shape unless it is built (a Layer cell is marked built).
 * @example buildCell(new LSTMCell({ units: 2 }), [null, 3]);
 */
export function buildCell(cell: AnyCell, stepShape: LayerShape): void {
  if (cell instanceof RNNCell) {
    if (cell.built) return;
    cell.build(stepShape);
    cell.built = true;
    cell.buildInputShape = stepShape;
  } else cell.build?.(stepShape);
}

/**
 * A cell's `{ className, config }`, or a ValueError for a plain-object cell (not a Layer, so not serializable).
 * @example serializeCell(new GRUCell({ units: 2 }), 'RNN') // { className: 'GRUCell', config: {...} }
 */
export function serializeCell(cell: AnyCell, owner: string): Serialized {
  if (!(cell instanceof RNNCell)) {
    throw new ValueError(
      `${owner}: cannot serialize a cell that is not an RNNCell (a plain object with call and stateSize); subclass RNNCell and register it to save it`,
    );
  }
  return serializeLayer(cell);
}
