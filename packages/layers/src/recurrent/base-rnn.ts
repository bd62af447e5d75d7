import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import {
  add,
  expandDims,
  matmul,
  mul,
  reshape,
  ShapeError,
  split,
  stack,
  type Tensor,
  transpose,
  ValueError,
  zeros,
} from '@horn/tensor';
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
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import type { InitializerId } from '../initializers/get-initializer.js';
import type { RegularizerId } from '../regularizers/get-regularizer.js';
import { fractionOption, serializeWeightOptions, type WeightOptions, weightOptions } from './rnn-options.js';

/** Options every recurrent layer takes (Keras' `SimpleRNN` / `LSTM` / `GRU` arguments, camelCase). */
export interface RNNConfig extends LayerConfig {
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
  /** The fraction of input features dropped in training (one mask per sequence). Default 0. */
  dropout?: number;
  /** The fraction of hidden-state units dropped in training before the recurrent product. Default 0. */
  recurrentDropout?: number;
  /** Seeds the dropout masks; without it the global stream (`setSeed`) is used. */
  seed?: number | null;
  /** Return the output of every step `[batch, time, units]` instead of the last `[batch, units]`. Default false. */
  returnSequences?: boolean;
  /** Also return the final states: `[output, ...states]`. Default false. */
  returnState?: boolean;
  /** Process the sequence from the last step to the first (sequence outputs come in that order). Default false. */
  goBackwards?: boolean;
  /** Not supported: `true` throws a ValueError. */
  stateful?: boolean;
  /** Accepted for Keras compatibility; Horn always unrolls the time loop into tensor ops. */
  unroll?: boolean;
}

/** One time step: the projected input `x_t · kernel (+ input bias)` and the states in, the new states out (the first is the output). */
export type RNNStep = (projected: Tensor, states: Tensor[], recurrentMask: Tensor | null) => Tensor[];

/**
 * The base of the recurrent layers (Keras' `RNN` with a built-in cell). It reads the options
 * shared by SimpleRNN, LSTM and GRU, creates `kernel [inputDim, gates·units]`,
 * `recurrent_kernel [units, gates·units]` and `bias`, and runs the time loop with tensor ops:
 * the inputs of all steps are projected with one matmul, then each step slices its row and
 * calls the subclass's step function, so autograd differentiates the unrolled loop (BPTT).
 * Inputs are `[batch, time, features]`, or `[x, ...initialStates]`. Masks are not supported.
 * @example
 * const rnn = new SimpleRNN({ units: 4, returnSequences: true });
 * rnn.apply(ones([2, 5, 3])).shape; // [2, 5, 4]
 */
export abstract class BaseRNN<C extends RNNConfig = RNNConfig> extends Layer<C> {
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
    'returnSequences',
    'returnState',
    'goBackwards',
    'stateful',
    'unroll',
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
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  readonly unroll: boolean;
  kernel: Variable | null = null;
  recurrentKernel: Variable | null = null;
  bias: Variable | null = null;
  /** How many gate blocks the kernels hold side by side (1 SimpleRNN, 4 LSTM, 3 GRU). */
  protected abstract readonly gates: number;
  /** How many state tensors the layer carries (1, or 2 for LSTM's h and c). */
  protected abstract readonly stateCount: number;
  private readonly stream: ReturnType<typeof seededStream>;

  constructor(config: KerasOptions<C>) {
    super(config);
    const owner = new.target.className;
    const label = `${owner} '${this.name}'`;
    this.units = positiveInteger(this.config.units, 'units', owner);
    this.activation = getActivation(this.config.activation === undefined ? 'tanh' : this.config.activation);
    this.useBias = booleanOption(this.config.useBias, true, 'useBias', label);
    this.kernelOptions = weightOptions(
      this.config.kernelInitializer,
      this.config.kernelRegularizer,
      this.config.kernelConstraint,
      'glorotUniform',
    );
    this.recurrentOptions = weightOptions(
      this.config.recurrentInitializer,
      this.config.recurrentRegularizer,
      this.config.recurrentConstraint,
      'orthogonal',
    );
    this.biasOptions = weightOptions(
      this.config.biasInitializer,
      this.config.biasRegularizer,
      this.config.biasConstraint,
      'zeros',
    );
    this.dropout = fractionOption(this.config.dropout, 'dropout', owner);
    this.recurrentDropout = fractionOption(this.config.recurrentDropout, 'recurrentDropout', owner);
    this.seed = seedOption(this.config.seed, label);
    this.stream = seededStream(this.seed);
    this.returnSequences = booleanOption(this.config.returnSequences, false, 'returnSequences', label);
    this.returnState = booleanOption(this.config.returnState, false, 'returnState', label);
    this.goBackwards = booleanOption(this.config.goBackwards, false, 'goBackwards', label);
    this.unroll = booleanOption(this.config.unroll, false, 'unroll', label);
    if (booleanOption(this.config.stateful, false, 'stateful', label)) {
      throw new ValueError(
        `${label}: stateful=true is not supported; pass the previous final states as initial states instead (apply([x, ...states]))`,
      );
    }
    this.inputSpec = [{ ndim: 3 }];
  }

  /** The bias shape (default `[gates·units]`). */
  protected biasShape(): number[] {
    return [this.gates * this.units];
  }

  /** The bias initializer used in build (LSTM's unitForgetBias wraps it). */
  protected biasInitializerForBuild(): WeightOptions['initializer'] {
    return this.biasOptions.initializer;
  }

  /** The bias added to the projected inputs (GRU with resetAfter uses the first row of its bias). */
  protected inputBias(): Tensor | null {
    return this.bias;
  }

  /** The step function for one call; it may precompute tensors (slices of the weights) once. */
  protected abstract makeStep(): RNNStep;

  override build(inputShape: LayerShape | LayerShape[]): void {
    const shape = sequenceShape(inputShape);
    const inputDim = shape[2];
    if (shape.length !== 3 || inputDim === null || inputDim === undefined) {
      throw new ShapeError(
        `${layerLabel(this)}: expected input [batch, time, features] with known features, got ${fmtShape(shape)}`,
      );
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
    this.inputSpec = [{ ndim: 3, axes: { [-1]: inputDim } }];
  }

  override call(inputs: Tensor | Tensor[], options: CallOptions): Tensor | Tensor[] {
    const [x, ...initial] = Array.isArray(inputs) ? inputs : [inputs];
    const [batch, time, features] = x.shape;
    if (time === 0)
      throw new ShapeError(`${layerLabel(this)}: the input needs at least one time step, got ${fmtShape(x.shape)}`);
    const states = this.initialStates(initial, batch);
    const training = options.training ?? false;
    const input = training && this.dropout > 0 ? mul(x, expandDims(this.mask([batch, features], this.dropout), 1)) : x;
    const recurrentMask =
      training && this.recurrentDropout > 0 ? this.mask([batch, this.units], this.recurrentDropout) : null;
    // All steps' input products at once: [batch·time, features] · kernel -> [time, batch, gates·units].
    let projected = matmul(reshape(input, [batch * time, features]), this.kernel!);
    const bias = this.inputBias();
    if (bias) projected = add(projected, bias);
    const width = this.gates * this.units;
    const perStep = split(transpose(reshape(projected, [batch, time, width]), [1, 0, 2]), time, 0);
    const step = this.makeStep();
    const outputs: Tensor[] = [];
    let current = states;
    for (let k = 0; k < time; k++) {
      const t = this.goBackwards ? time - 1 - k : k;
      current = step(reshape(perStep[t], [batch, width]), current, recurrentMask);
      outputs.push(current[0]);
    }
    const output = this.returnSequences ? stack(outputs, 1) : outputs[time - 1];
    return this.returnState ? [output, ...current] : output;
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    const shape = sequenceShape(inputShape);
    const output = this.returnSequences ? [shape[0], shape[1], this.units] : [shape[0], this.units];
    if (!this.returnState) return output;
    return [output, ...Array.from({ length: this.stateCount }, () => [shape[0], this.units])];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: serializeActivation(this.activation),
      useBias: this.useBias,
      ...serializeWeightOptions('kernel', this.kernelOptions),
      ...serializeWeightOptions('recurrent', this.recurrentOptions),
      ...serializeWeightOptions('bias', this.biasOptions),
      dropout: this.dropout,
      recurrentDropout: this.recurrentDropout,
      seed: this.seed ?? null,
      returnSequences: this.returnSequences,
      returnState: this.returnState,
      goBackwards: this.goBackwards,
      stateful: false,
      unroll: this.unroll,
    };
  }

  private initialStates(given: Tensor[], batch: number): Tensor[] {
    const label = layerLabel(this);
    if (given.length === 0) return Array.from({ length: this.stateCount }, () => zeros([batch, this.units]));
    if (given.length !== this.stateCount) {
      throw new ValueError(
        `${label}: expected ${this.stateCount} initial state tensor${this.stateCount > 1 ? 's' : ''} after the input, got ${given.length}`,
      );
    }
    for (const [i, s] of given.entries()) {
      if (s.rank !== 2 || s.shape[0] !== batch || s.shape[1] !== this.units) {
        throw new ShapeError(
          `${label}: initial state ${i} must have shape [${batch}, ${this.units}], got ${fmtShape(s.shape)}`,
        );
      }
    }
    return given;
  }

  private mask(shape: number[], rate: number): Tensor {
    return dropoutMask(shape, rate, this.stream());
  }
}

/** The sequence's shape from a shape or a list `[sequence, ...stateShapes]`. */
function sequenceShape(inputShape: LayerShape | LayerShape[]): LayerShape {
  const first = inputShape[0];
  return Array.isArray(first) ? (first as LayerShape) : (inputShape as LayerShape);
}
