import type { KerasOptions } from '@horn/tensor';
import { cast, reshape, ShapeError, split, stack, type Tensor, ValueError, zeros } from '@horn/tensor';
import { booleanOption } from '../conv/layer-options.js';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerMask, type LayerShape } from '../engine/layer.js';
import { BuiltinCell, type CellConfig } from './builtin-cell.js';
import { type AnyCell, cellOutputSize, RNNCell, runCellStep, stateSizes } from './rnn-cell.js';
import { runTimeLoop } from './rnn-loop.js';
import { buildCell, StackedRNNCells } from './stacked-rnn-cells.js';
import { StatefulStates } from './stateful-states.js';

/**
 * The sequence options of every recurrent layer (Keras' `RNN` arguments, camelCase).
 * @example
 * const [output, h, c] = new LSTM({ units: 4, returnState: true, goBackwards: true }).apply(ones([2, 5, 3])) as unknown as Tensor[];
 * output.shape; // [2, 4]
 * c.shape; // [2, 4]: the final cell state
 */
export interface RNNLayerConfig extends LayerConfig {
  /** Return the output of every step `[batch, time, units]` instead of the last `[batch, units]`. Default false. */
  returnSequences?: boolean;
  /** Also return the final states: `[output, ...states]`. Default false. */
  returnState?: boolean;
  /** Process the sequence from the last step to the first (sequence outputs come in that order). Default false. */
  goBackwards?: boolean;
  /**
   * Keep the final states of each batch as the initial states of the next (truncated BPTT over
   * consecutive windows, no gradient across windows). Needs a fixed batch size: `batchInputShape`
   * or `batchSize` here, or an `Input` with `batchSize`. `resetStates()` sets them back to zeros.
   */
  stateful?: boolean;
  /**
   * Keras' unrolled loop instead of its scan. Horn runs both as tensor ops; they differ, as in
   * Keras 3, only with a mask: a masked step outputs the previous step's output (zeros at the
   * first step, not the initial state) and `zeroOutputForMask` is not used. A symbolic input with
   * an undefined time dimension is a ValueError (Keras: "Cannot unroll a RNN if the time
   * dimension is undefined"). Default false.
   */
  unroll?: boolean;
  /** Masked steps output zeros instead of the previous output (Keras' `zero_output_for_mask`). Default false. */
  zeroOutputForMask?: boolean;
  /** The fixed batch size of a stateful layer (with `inputShape`; the same as `batchInputShape: [batchSize, ...inputShape]`). */
  batchSize?: number | null;
}

/**
 * Options of SimpleRNN, LSTM and GRU: the cell's options and the sequence options.
 * @example
 * new SimpleRNN({ units: 4, activation: 'relu', returnSequences: true, dropout: 0.1, seed: 1 }).apply(ones([2, 5, 3])).shape; // [2, 5, 4]
 */
export interface RNNConfig extends RNNLayerConfig, CellConfig {}

/**
 * The time loop of every recurrent layer (Keras' `RNN`), around a cell: it runs the cell over
 * `[batch, time, features]` (or `[x, ...initialStates]`), with Keras 3's masks (`options.mask`
 * `[batch, time]`: a masked step keeps the previous states and outputs the previous output, or
 * zeros with `zeroOutputForMask`), `goBackwards`, `returnSequences`, `returnState` and `stateful`.
 * A built-in cell's input products for all steps are one matmul; the loop is unrolled into tensor
 * ops, so autograd differentiates it (BPTT).
 * @example
 * const rnn = new SimpleRNN({ units: 4, returnSequences: true });
 * rnn.apply(ones([2, 5, 3])).shape; // [2, 5, 4]
 */
export abstract class BaseRNN<C extends RNNLayerConfig = RNNLayerConfig> extends Layer<C> {
  static override readonly configKeys: readonly string[] = [
    'returnSequences',
    'returnState',
    'goBackwards',
    'stateful',
    'unroll',
    'zeroOutputForMask',
    'batchSize',
  ];
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  readonly stateful: boolean;
  readonly unroll: boolean;
  readonly zeroOutputForMask: boolean;
  /** The cell run at each step (set by the subclass constructor). */
  abstract readonly cell: AnyCell;
  private readonly states: StatefulStates | null;

  constructor(config: KerasOptions<C>) {
    super(config);
    const label = `${new.target.className} '${this.name}'`;
    this.returnSequences = booleanOption(this.config.returnSequences, false, 'returnSequences', label);
    this.returnState = booleanOption(this.config.returnState, false, 'returnState', label);
    this.goBackwards = booleanOption(this.config.goBackwards, false, 'goBackwards', label);
    this.stateful = booleanOption(this.config.stateful, false, 'stateful', label);
    this.unroll = booleanOption(this.config.unroll, false, 'unroll', label);
    this.zeroOutputForMask = booleanOption(this.config.zeroOutputForMask, false, 'zeroOutputForMask', label);
    this.states = this.stateful ? new StatefulStates(label, this.config.batchSize, this.batchInputShape) : null;
    this.supportsMasking = true;
    this.inputSpec = [{ ndim: 3 }];
  }

  /** The state sizes of the cell, one per state tensor. */
  get stateSize(): number[] {
    return stateSizes(this.cell);
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const shape = sequenceShape(inputShape);
    const inputDim = shape[2];
    if (shape.length !== 3 || inputDim === null || inputDim === undefined) {
      throw new ShapeError(
        `${layerLabel(this)}: expected input [batch, time, features] with known features, got ${fmtShape(shape)}`,
      );
    }
    buildCell(this.cell, [shape[0], inputDim]);
    this.inputSpec = [{ ndim: 3, axes: { [-1]: inputDim } }];
  }

  override call(inputs: Tensor | Tensor[], options: CallOptions): Tensor | Tensor[] {
    const [x, ...initial] = Array.isArray(inputs) ? inputs : [inputs];
    const [batch, time, features] = x.shape;
    if (time === 0)
      throw new ShapeError(`${layerLabel(this)}: the input needs at least one time step, got ${fmtShape(x.shape)}`);
    const mask = this.sequenceMask(options.mask, batch, time);
    const stored = this.states?.read(batch, this.stateSize) ?? null;
    const states = initial.length > 0 ? this.checkInitialStates(initial, batch) : (stored ?? this.zeroStates(batch));
    const training = options.training ?? false;
    const cell = this.cell;
    if (cell instanceof RNNCell) cell.beginSequence(batch, features, training);
    try {
      const step = this.stepFunction(x, training);
      const result = runTimeLoop(step, time, states, {
        mask,
        outputState: this.outputStateIndex(),
        goBackwards: this.goBackwards,
        zeroOutputForMask: this.zeroOutputForMask,
        returnSequences: this.returnSequences,
        unroll: this.unroll,
      });
      this.states?.write(result.states);
      const output = this.returnSequences ? stack(result.outputs, 1) : result.last;
      return this.returnState ? [output, ...result.states] : output;
    } finally {
      if (cell instanceof RNNCell) cell.endSequence();
    }
  }

  /**
   * Keras' `compute_mask`: the input's mask for `returnSequences` (else null), followed by a null
   * per state with `returnState`.
   */
  override computeMask(_inputs: Tensor | Tensor[], mask?: LayerMask): LayerMask {
    const first = Array.isArray(mask) ? (mask[0] ?? null) : (mask ?? null);
    const output = this.returnSequences ? first : null;
    return this.returnState ? [output, ...this.stateSize.map(() => null)] : output;
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    const shape = sequenceShape(inputShape);
    this.states?.declareBatch(shape[0] ?? null);
    if (this.unroll && (shape[1] === null || shape[1] === undefined)) {
      throw new ValueError(
        `${layerLabel(this)}: cannot unroll a RNN if the time dimension is undefined (unroll: true), got input shape ${fmtShape(shape)}; give the time dimension in Input({ shape: [time, features] }), or use unroll: false`,
      );
    }
    const units = cellOutputSize(this.cell);
    const output = this.returnSequences ? [shape[0], shape[1], units] : [shape[0], units];
    if (!this.returnState) return output;
    return [output, ...this.stateSize.map((size) => [shape[0], size])];
  }

  /**
   * Sets the kept states of a stateful layer back to zeros, or to `states` (one `[batch, size]`
   * value per state). A ValueError when the layer is not stateful.
   * @example lstm.resetStates(); lstm.resetStates([h, c]);
   */
  resetStates(states?: readonly Tensor[]): void {
    if (!this.states) {
      throw new ValueError(`${layerLabel(this)}: resetStates() needs a stateful layer (stateful: true)`);
    }
    this.states.reset(this.stateSize, states);
  }

  /** The kept states of a stateful layer (copies), or null before its first call or when not stateful. */
  getStates(): Tensor[] | null {
    return this.states?.current() ?? null;
  }

  override getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = {
      ...super.getConfig(),
      returnSequences: this.returnSequences,
      returnState: this.returnState,
      goBackwards: this.goBackwards,
      stateful: this.stateful,
      unroll: this.unroll,
      zeroOutputForMask: this.zeroOutputForMask,
    };
    if (this.config.batchSize !== undefined && this.config.batchSize !== null) config.batchSize = this.config.batchSize;
    return config;
  }

  override dispose(): void {
    this.states?.dispose();
    super.dispose();
  }

  /** The step at time index t: a built-in cell projects every step's input with one matmul first. */
  private stepFunction(x: Tensor, training: boolean): (t: number, states: Tensor[]) => [Tensor, Tensor[]] {
    const [batch, time, features] = x.shape;
    const cell = this.cell;
    if (cell instanceof BuiltinCell) {
      const projected = cell.projectInput(x);
      const width = projected.shape[2];
      const perStep = split(projected, time, 1);
      return (t, states) => cell.recurrentStep(reshape(perStep[t], [batch, width]), states);
    }
    const perStep = split(x, time, 1);
    return (t, states) => runCellStep(cell, reshape(perStep[t], [batch, features]), states, training);
  }

  /** The state that holds the previous output: 0, or the last cell's first state in a stack. */
  private outputStateIndex(): number {
    const cell = this.cell;
    if (!(cell instanceof StackedRNNCells)) return 0;
    return this.stateSize.length - stateSizes(cell.cells[cell.cells.length - 1]).length;
  }

  private zeroStates(batch: number): Tensor[] {
    const cell = this.cell;
    if (cell instanceof RNNCell) return cell.getInitialState(batch);
    return cell.getInitialState ? cell.getInitialState(batch) : this.stateSize.map((size) => zeros([batch, size]));
  }

  private sequenceMask(given: LayerMask | undefined, batch: number, time: number): Tensor | null {
    const mask = Array.isArray(given) ? (given[0] ?? null) : (given ?? null);
    if (mask === null) return null;
    if (mask.rank !== 2 || mask.shape[0] !== batch || mask.shape[1] !== time) {
      throw new ShapeError(
        `${layerLabel(this)}: expected a mask [batch, time] = [${batch}, ${time}], got ${fmtShape(mask.shape)}`,
      );
    }
    return mask.dtype === 'bool' ? mask : cast(mask, 'bool');
  }

  private checkInitialStates(given: Tensor[], batch: number): Tensor[] {
    const label = layerLabel(this);
    const sizes = this.stateSize;
    if (given.length !== sizes.length) {
      throw new ValueError(
        `${label}: expected ${sizes.length} initial state tensor${sizes.length > 1 ? 's' : ''} after the input, got ${given.length}`,
      );
    }
    for (const [i, s] of given.entries()) {
      if (s.rank !== 2 || s.shape[0] !== batch || s.shape[1] !== sizes[i]) {
        throw new ShapeError(
          `${label}: initial state ${i} must have shape [${batch}, ${sizes[i]}], got ${fmtShape(s.shape)}`,
        );
      }
    }
    return given;
  }
}

/** The sequence's shape from a shape or a list `[sequence, ...stateShapes]`. */
function sequenceShape(inputShape: LayerShape | LayerShape[]): LayerShape {
  const first = inputShape[0];
  return Array.isArray(first) ? (first as LayerShape) : (inputShape as LayerShape);
}
