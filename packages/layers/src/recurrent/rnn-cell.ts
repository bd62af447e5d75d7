import { type Tensor, ValueError, zeros } from '@horn/tensor';
import { layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * What a cell's step returns, as Keras: the output and the new states. A lone state tensor stands for `[state]`.
 * @example
 * const counter: CellLike = {
 *   stateSize: 1,
 *   call: (x, [h]): CellStepResult => { const next = h.add(1); return [next, next]; }, // a lone state stands for [state]
 * };
 * new RNN({ cell: counter }).apply(ones([1, 4, 1])).arraySync(); // [[4]]
 */
export type CellStepResult = [Tensor, Tensor[] | Tensor];

/**
 * A recurrent cell that is not a Layer (Keras accepts any object with `call` and `state_size`):
 * `stateSize` (one number per state tensor), an optional `outputSize` (default the first state's
 * size), an optional `build(stepInputShape)`, and `call(x_t, states, { training })` returning
 * `[output, newStates]`, and an optional `getInitialState(batch)`. Its weights are not tracked and it cannot be serialized: subclass
 * {@link RNNCell} for a cell with weights that trains and saves.
 * @example
 * const doubler: CellLike = { stateSize: 2, call: (x, [h]) => { const y = add(x, h); return [y, [y]]; } };
 * new RNN({ cell: doubler }).apply(ones([1, 3, 2])); // [[3, 3]]
 */
export interface CellLike {
  readonly stateSize: number | readonly number[];
  readonly outputSize?: number;
  build?(stepInputShape: LayerShape): void;
  /** The states at the start of a sequence (default zeros `[batch, size]` per state). */
  getInitialState?(batch: number): Tensor[];
  call(x: Tensor, states: Tensor[], options: { training?: boolean }): CellStepResult | Tensor[];
}

/**
 * The base of recurrent cells (Keras' RNN cells are layers): one time step,
 * `step(x_t, states, { training })` → `[output, newStates]`, with `stateSize` and `outputSize`.
 * As a Layer it can be applied on its own to `[x_t, ...states]` (returning `[output, ...newStates]`,
 * the TF.js cell form). Subclass it for a user-written cell with weights (`build` + `addWeight`),
 * register it (or pass it in `customObjects`) to save and load it.
 * @example
 * class MinimalRNNCell extends RNNCell {
 *   static override readonly className = 'MinimalRNNCell';
 *   readonly stateSize = 4;
 *   kernel!: Variable;
 *   build(shape: LayerShape) { this.kernel = this.addWeight('kernel', [shape.at(-1) as number, 4]); }
 *   step(x: Tensor, [h]: Tensor[]): [Tensor, Tensor[]] { const y = add(matmul(x, this.kernel), h); return [y, [y]]; }
 * }
 * new RNN({ cell: new MinimalRNNCell() }).apply(ones([2, 5, 3])).shape; // [2, 4]
 */
export abstract class RNNCell<C extends LayerConfig = LayerConfig> extends Layer<C> {
  /** The size of each state tensor (a number for a single state). */
  abstract readonly stateSize: number | readonly number[];

  /** The size of the output (default the first state's size). */
  get outputSize(): number {
    return stateSizes(this)[0];
  }

  /** One step: the input `[batch, features]` and the states in, `[output, newStates]` out. */
  abstract step(x: Tensor, states: Tensor[], options: { training?: boolean }): CellStepResult;

  /** Zero states `[batch, size]`, one per state (Keras' `get_initial_state`). */
  getInitialState(batch: number): Tensor[] {
    return stateSizes(this).map((size) => zeros([batch, size]));
  }

  /** Called by the RNN before a sequence (dropout cells draw their masks once per sequence here). */
  beginSequence(_batch: number, _inputDim: number, _training: boolean): void {}

  /** Called by the RNN after a sequence (dropout cells forget their masks). */
  endSequence(): void {}

  /** The Layer form: `[x_t, ...states]` in, `[output, ...newStates]` out. */
  override call(inputs: Tensor | Tensor[], options: CallOptions): Tensor[] {
    const [x, ...states] = Array.isArray(inputs) ? inputs : [inputs];
    const sizes = stateSizes(this);
    if (states.length !== sizes.length) {
      throw new ValueError(
        `${layerLabel(this)}: expected [input, ...${sizes.length} state tensor(s)], got ${states.length} state(s)`,
      );
    }
    const [output, next] = this.step(x, states, { training: options.training });
    return [output, ...(Array.isArray(next) ? next : [next])];
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape[] {
    const first = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as LayerShape;
    const batch = first[0] ?? null;
    return [[batch, this.outputSize], ...stateSizes(this).map((s) => [batch, s])];
  }
}

/**
 * A cell an RNN accepts: an {@link RNNCell} (a Layer) or a plain {@link CellLike} object.
 * @example
 * const doubler: AnyCell = { stateSize: 2, call: (x: Tensor, [h]: Tensor[]): CellStepResult => { const y = x.add(h); return [y, [y]]; } };
 * new RNN({ cell: doubler }).apply(ones([1, 3, 2])).arraySync(); // [[3, 3]]
 */
export type AnyCell = RNNCell | CellLike;

/**
 * The state sizes of a cell as a list (Keras' `state_size`, a number or a list).
 * @example stateSizes(new LSTMCell({ units: 3 })) // [3, 3]
 */
export function stateSizes(cell: { readonly stateSize: number | readonly number[] }): number[] {
  const size = cell.stateSize;
  return typeof size === 'number' ? [size] : [...size];
}

/**
 * The output size of a cell: its `outputSize`, else its first state's size.
 * @example cellOutputSize(new GRUCell({ units: 5 })) // 5
 */
export function cellOutputSize(cell: AnyCell): number {
  return cell.outputSize ?? stateSizes(cell)[0];
}

/**
 * Runs one step of any cell and returns `[output, newStates]` with the states as a list
 * (accepts Keras' `[output, newStates]` and TF.js' flat `[output, ...newStates]` from plain cells).
 * @example const [y, [h]] = runCellStep(cell, x, [h0], false);
 */
export function runCellStep(cell: AnyCell, x: Tensor, states: Tensor[], training: boolean): [Tensor, Tensor[]] {
  const result = cell instanceof RNNCell ? cell.step(x, states, { training }) : cell.call(x, states, { training });
  if (!Array.isArray(result) || result.length < 2) {
    throw new ValueError(
      `RNN cell: call(x, states) must return [output, newStates], got ${Array.isArray(result) ? `an array of ${result.length}` : typeof result}`,
    );
  }
  const [output, ...rest] = result;
  const next = rest.length === 1 ? rest[0] : rest;
  return [output as Tensor, (Array.isArray(next) ? next : [next]) as Tensor[]];
}

/**
 * Checks that a value can serve as a cell (Keras: a `call` method and a `state_size`), or a ValueError naming the owner.
 * @example checkCell(new SimpleRNNCell({ units: 2 }), 'RNN') // the cell
 */
export function checkCell(value: unknown, owner: string): AnyCell {
  const cell = value as Partial<CellLike> | null;
  if (cell === null || typeof cell !== 'object' || typeof cell.call !== 'function') {
    throw new ValueError(`${owner}: a cell must have a call(x, states) method, got ${describe(value)}`);
  }
  const size = cell.stateSize;
  const sizes = typeof size === 'number' ? [size] : Array.isArray(size) ? size : null;
  if (sizes === null || sizes.length === 0 || !sizes.every((s) => Number.isInteger(s) && s > 0)) {
    throw new ValueError(
      `${owner}: a cell needs stateSize, a positive integer or a list of them (one per state), got ${JSON.stringify(size)}`,
    );
  }
  return value as AnyCell;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Layer) return `${value.className} '${value.name}'`;
  return typeof value;
}
