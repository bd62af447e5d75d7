import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { add, concat, expandDims, matmul, mul, reshape, ShapeError, slice, type Tensor } from '@horn/tensor';
import {
  type ActivationFn,
  type ActivationId,
  getActivation,
  serializeActivation,
} from '../activations/activations.js';
import type { ConstraintId } from '../constraints/get-constraint.js';
import { booleanOption, positiveInteger, seedOption } from '../conv/layer-options.js';
import { dropoutMask, seededStream } from '../core/random-layer.js';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import type { LayerConfig, LayerShape } from '../engine/layer.js';
import type { InitializerId } from '../initializers/get-initializer.js';
import type { Initializer } from '../initializers/initializer.js';
import type { RegularizerId } from '../regularizers/get-regularizer.js';
import { RNNCell } from './rnn-cell.js';
import { fractionOption, serializeWeightOptions, type WeightOptions, weightOptions } from './rnn-options.js';

/**
 * Options of the built-in cells (Keras' `SimpleRNNCell` / `LSTMCell` / `GRUCell` arguments, camelCase).
 * @example
 * const cell = new SimpleRNNCell({ units: 3, activation: 'tanh', recurrentInitializer: 'orthogonal', recurrentDropout: 0.2, seed: 1 });
 * new RNN({ cell }).apply(ones([2, 5, 4])).shape; // [2, 3]
 */
export interface CellConfig extends LayerConfig {
  /** The size of the hidden state (and of the output), a positive integer. */
  units: number;
  /** Default `'tanh'`; `null` is linear. */
  activation?: ActivationId | null;
  /** Default true. */
  useBias?: boolean;
  /** Default `'glorotUniform'`. */
  kernelInitializer?: InitializerId;
  /** Default `'orthogonal'`. */
  recurrentInitializer?: InitializerId;
  /** Default `'zeros'`. */
  biasInitializer?: InitializerId;
  kernelRegularizer?: RegularizerId | null;
  recurrentRegularizer?: RegularizerId | null;
  biasRegularizer?: RegularizerId | null;
  kernelConstraint?: ConstraintId | null;
  recurrentConstraint?: ConstraintId | null;
  biasConstraint?: ConstraintId | null;
  /** The fraction of input features dropped in training (one mask per sequence, fixed over time). Default 0. */
  dropout?: number;
  /** The fraction of the previous state dropped in training before the recurrent product (fixed over time). Default 0. */
  recurrentDropout?: number;
  /** Seeds the dropout masks; without it the global stream (`setSeed`) is used. */
  seed?: number | null;
}

/** The dropout masks of one sequence: one per gate block, or one shared by all (null: no dropout). */
interface SequenceMasks {
  input: Tensor[] | null;
  recurrent: Tensor[] | null;
}

/**
 * The base of SimpleRNNCell, LSTMCell and GRUCell: the shared options, the weights
 * `kernel [features, gates·units]`, `recurrent_kernel [units, gates·units]`, `bias`, and Keras 3's
 * dropout (masks drawn once per sequence; one mask for all gates, or one per gate where Keras
 * uses `implementation=1`, which `recurrentDropout > 0` implies). A step is split in two so the
 * RNN can project every time step's input with one matmul: `projectInput` then `recurrentStep`.
 * @example
 * const cell = new LSTMCell({ units: 2 });
 * cell.apply([ones([1, 3]), zeros([1, 2]), zeros([1, 2])]).length; // 3: [h, h, c]
 */
export abstract class BuiltinCell<C extends CellConfig = CellConfig> extends RNNCell<C> {
  static override readonly configKeys: readonly string[] = [
    'units',
    'activation',
    'useBias',
    'kernelInitializer',
    'recurrentInitializer',
    'biasInitializer',
    'kernelRegularizer',
    'recurrentRegularizer',
    'biasRegularizer',
    'kernelConstraint',
    'recurrentConstraint',
    'biasConstraint',
    'dropout',
    'recurrentDropout',
    'seed',
  ];
  readonly units: number;
  readonly activation: ActivationFn;
  readonly useBias: boolean;
  readonly kernelOptions: WeightOptions;
  readonly recurrentOptions: WeightOptions;
  readonly biasOptions: WeightOptions;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly seed: number | undefined;
  kernel: Variable | Tensor | null = null;
  recurrentKernel: Variable | Tensor | null = null;
  bias: Variable | Tensor | null = null;
  /** How many gate blocks the kernels hold side by side (1 SimpleRNN, 4 LSTM, 3 GRU). */
  abstract readonly gates: number;
  private readonly stream: ReturnType<typeof seededStream>;
  private masks: SequenceMasks | null = null;

  /**
   * @param config the cell's options
   * @param owner the class named in error messages (a layer that makes its own cell passes its own, e.g. 'LSTM')
   */
  constructor(config: KerasOptions<C>, owner: string = new.target.className) {
    super(config);
    const label = `${owner} '${this.name}'`;
    this.units = positiveInteger(this.config.units, 'units', owner);
    this.activation = getActivation(this.config.activation === undefined ? 'tanh' : this.config.activation);
    this.useBias = booleanOption(this.config.useBias, true, 'useBias', label);
    const c = this.config;
    this.kernelOptions = weightOptions(c.kernelInitializer, c.kernelRegularizer, c.kernelConstraint, 'glorotUniform');
    this.recurrentOptions = weightOptions(
      c.recurrentInitializer,
      c.recurrentRegularizer,
      c.recurrentConstraint,
      'orthogonal',
    );
    this.biasOptions = weightOptions(c.biasInitializer, c.biasRegularizer, c.biasConstraint, 'zeros');
    this.dropout = fractionOption(c.dropout, 'dropout', owner);
    this.recurrentDropout = fractionOption(c.recurrentDropout, 'recurrentDropout', owner);
    this.seed = seedOption(c.seed, label);
    this.stream = seededStream(this.seed);
  }

  /** The size of each state tensor. */
  abstract override get stateSize(): number | readonly number[];

  override get outputSize(): number {
    return this.units;
  }

  /** The bias shape (default `[gates·units]`). */
  protected biasShape(): number[] {
    return [this.gates * this.units];
  }

  /** The bias initializer used in build (LSTM's unitForgetBias wraps it). */
  protected biasInitializerForBuild(): Initializer {
    return this.biasOptions.initializer;
  }

  /** The bias added to the projected inputs (GRU with resetAfter uses the first row of its bias). */
  protected inputBias(): Tensor | null {
    return this.bias;
  }

  /** How many dropout masks a sequence uses: one per gate where Keras runs `implementation=1`, else one. */
  protected maskCount(): number {
    return 1;
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as LayerShape;
    const inputDim = shape.at(-1);
    if (inputDim === null || inputDim === undefined) {
      throw new ShapeError(`${layerLabel(this)}: expected a step input [batch, features], got ${fmtShape(shape)}`);
    }
    const width = this.gates * this.units;
    this.kernel = this.addWeight('kernel', [inputDim, width], { ...this.kernelOptions });
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, width], { ...this.recurrentOptions });
    if (this.useBias) {
      this.bias = this.addWeight('bias', this.biasShape(), {
        ...this.biasOptions,
        initializer: this.biasInitializerForBuild(),
      });
    }
  }

  override beginSequence(batch: number, inputDim: number, training: boolean): void {
    const count = this.maskCount();
    const draw = (size: number, rate: number) =>
      training && rate > 0 && rate < 1
        ? Array.from({ length: count }, () => dropoutMask([batch, size], rate, this.stream()))
        : null;
    this.masks = { input: draw(inputDim, this.dropout), recurrent: draw(this.units, this.recurrentDropout) };
  }

  override endSequence(): void {
    this.masks = null;
  }

  /**
   * The input's part of the gates, `x·kernel + inputBias`, dropout applied: for one step
   * (`[batch, features]` → `[batch, gates·units]`) or for every step at once (`[batch, time, features]`
   * → `[batch, time, gates·units]`, one matmul; the sequence's masks are fixed over time).
   */
  projectInput(x: Tensor): Tensor {
    const masks = this.masks?.input ?? null;
    const kernel = this.kernel!;
    const sequence = x.rank === 3;
    const [batch, time, features] = sequence ? x.shape : [x.shape[0], 1, x.shape[1]];
    const rows = (t: Tensor) => (sequence ? reshape(t, [batch * time, features]) : t);
    const dropped = (m: Tensor) => rows(mul(x, sequence ? expandDims(m, 1) : m));
    let z: Tensor;
    if (masks === null) z = matmul(rows(x), kernel);
    else if (masks.length === 1) z = matmul(dropped(masks[0]), kernel);
    else
      z = concat(
        masks.map((m, g) => matmul(dropped(m), this.gateSlice(kernel, g))),
        1,
      );
    const bias = this.inputBias();
    if (bias) z = add(z, bias);
    return sequence ? reshape(z, [batch, time, this.gates * this.units]) : z;
  }

  /** The previous state as each gate sees it: recurrent dropout applied (one tensor, or one per gate). */
  protected droppedState(h: Tensor): Tensor[] {
    const masks = this.masks?.recurrent ?? null;
    return masks === null ? [h] : masks.map((m) => mul(h, m));
  }

  /**
   * `h·recurrent_kernel` for the gate blocks `[from, to)`: one product, or one per gate when the
   * state was dropped with a mask per gate.
   */
  protected recurrentProduct(hs: Tensor[], from = 0, to = this.gates): Tensor {
    const kernel = this.recurrentKernel!;
    const u = this.units;
    if (hs.length === 1) {
      const part = from === 0 && to === this.gates ? kernel : slice(kernel, [0, from * u], [u, (to - from) * u]);
      return matmul(hs[0], part);
    }
    const parts = [];
    for (let g = from; g < to; g++) parts.push(matmul(hs[g], this.gateSlice(kernel, g)));
    return parts.length === 1 ? parts[0] : concat(parts, 1);
  }

  /** One step after the input projection: the projected input and the states in, `[output, newStates]` out. */
  abstract recurrentStep(projected: Tensor, states: Tensor[]): [Tensor, Tensor[]];

  step(x: Tensor, states: Tensor[], options: { training?: boolean }): [Tensor, Tensor[]] {
    // On its own (outside an RNN) a step draws fresh masks; inside one, the sequence's masks hold.
    const own = this.masks === null;
    if (own) this.beginSequence(x.shape[0], x.shape[x.rank - 1], options.training ?? false);
    try {
      return this.recurrentStep(this.projectInput(x), states);
    } finally {
      if (own) this.endSequence();
    }
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      ...this.cellConfig(),
    };
  }

  /** The cell options (without the Layer ones), which SimpleRNN / LSTM / GRU put in their own config. */
  cellConfig(): Record<string, unknown> {
    return {
      units: this.units,
      activation: serializeActivation(this.activation),
      useBias: this.useBias,
      ...serializeWeightOptions('kernel', this.kernelOptions),
      ...serializeWeightOptions('recurrent', this.recurrentOptions),
      ...serializeWeightOptions('bias', this.biasOptions),
      dropout: this.dropout,
      recurrentDropout: this.recurrentDropout,
      seed: this.seed ?? null,
    };
  }

  /** Gate block `g` of a kernel: columns `[g·units, (g+1)·units)`. */
  private gateSlice(kernel: Tensor, g: number): Tensor {
    return slice(kernel, [0, g * this.units], [kernel.shape[0], this.units]);
  }
}
