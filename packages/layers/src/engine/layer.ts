import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import {
  assertValidShape,
  cast,
  configKeysOf,
  fmt,
  normalizeOptions,
  type Shape,
  ShapeError,
  shapesEqual,
  Tensor,
  type TensorLike,
  tidy,
  toTensor,
  ValueError,
} from '@horn/tensor';
import { getConstraint } from '../constraints/get-constraint.js';
import { getInitializer } from '../initializers/get-initializer.js';
import { getRegularizer, serializeRegularizer } from '../regularizers/get-regularizer.js';
import type { Regularizer } from '../regularizers/regularizer.js';
import { activityPenalty } from './activity-penalty.js';
import { type CustomObjects, withCustomObjects } from './class-registry.js';
import { inferOutputShapeByCalling, isShapeList } from './infer-output-shape.js';
import { fmtShape, inputShapeFromDim, layerLabel, readBatchInputShape } from './input-checks.js';
import { checkLayerSpec, type InputSpec } from './input-spec.js';
import {
  type AddWeightOptions,
  type CallOptions,
  declaresBelow,
  type LayerConfig,
  type LayerMask,
  positionalMessage,
} from './layer-options.js';
import type { LayerShape } from './layer-shape.js';
import { LayerWeight } from './layer-weight.js';
import { attachOutputMasks, callMask, overridesComputeMask, symbolicOutputMasks } from './masking.js';
import { toSnakeCase, uniqueLayerName } from './naming.js';
import { Node, SymbolicTensor } from './symbolic.js';
import { eagerInputs, isSymbolicCall, nodeTensors, symbolicCallArgs, symbolicOutputDType } from './symbolic-call.js';
import { flattenLayers, trackedLayers, uniqueVariables } from './tracking.js';
import { chargeWeightBudget, recordBudgetedWeight } from './weight-budget.js';

export type { AddWeightOptions, CallOptions, LayerConfig, LayerMask } from './layer-options.js';
export type { LayerShape } from './layer-shape.js';

/** The layer whose eager `apply` is running outermost (Keras' call context entry layer), or null. */
let callEntry: Layer | null = null;

/**
 * The base of every layer: config in the constructor, weights in `build(inputShape)`, math in
 * `call(inputs, { training })`. `apply(x)` checks the input, builds on the first call and calls.
 * @example
 * class Double extends Layer {
 *   static readonly className = 'Double';
 *   call(x: Tensor) { return x.mul(2); }
 * }
 * new Double().apply(tensor([[1, 2]])); // [[2, 4]]
 */
export abstract class Layer<C extends LayerConfig = LayerConfig> {
  static readonly className: string;
  /**
   * The option names this class adds itself (camelCase); the constructor accepts those of the
   * whole class chain, in camelCase or Keras' snake_case, and refuses any other by name. A
   * subclass that declares none (a custom layer with custom options) is only normalized.
   */
  static readonly configKeys: readonly string[] = [
    'name',
    'trainable',
    'dtype',
    'inputShape',
    'batchInputShape',
    'inputDim',
    'activityRegularizer',
  ];
  /** The constructor options in camelCase (Keras' snake_case spellings renamed, undefined ones dropped). */
  readonly config: C;
  readonly name: string;
  built = false;
  /** What `apply` checks on every call; layers set it in their constructor or `build`. */
  inputSpec: InputSpec | InputSpec[] | null = null;
  /** The regularizer applied to the output on each call, or null. */
  protected activityRegularizer: Regularizer | null;
  private trainableFlag: boolean;
  private readonly weightList: LayerWeight[] = [];
  private readonly callLosses: Tensor[] = [];
  private readonly lossFunctions: (() => Tensor)[] = [];
  private readonly declaredBatchInputShape: (number | null)[] | null;
  /** The symbolic calls of this layer (Keras' `_inbound_nodes`), one per `apply(symbolic)`. */
  readonly inboundNodes: Node[] = [];
  /** The symbolic calls that took this layer's outputs as inputs. */
  readonly outboundNodes: Node[] = [];
  /** The shape(s) the layer was built from (batch dimension null), or null before it is built. */
  buildInputShape: LayerShape | LayerShape[] | null = null;

  constructor(config?: KerasOptions<C>) {
    const cls = new.target as unknown as { className?: unknown; name: string };
    if (typeof cls.className !== 'string' || cls.className === '') {
      throw new ValueError(`${cls.name}: a layer class needs a static readonly className (its Keras class name)`);
    }
    if (config !== undefined && config !== null && (typeof config !== 'object' || Array.isArray(config))) {
      throw new ValueError(positionalMessage(cls.className, configKeysOf(cls, Layer), config));
    }
    this.config = normalizeOptions(cls.className, config, configKeysOf(cls, Layer)) as C;
    const { name, trainable, dtype, inputShape, batchInputShape, activityRegularizer } = this.config;
    if (name !== undefined && (typeof name !== 'string' || name === '')) {
      throw new ValueError(`${cls.className}: name must be a non-empty string, got ${JSON.stringify(name)}`);
    }
    if (trainable !== undefined && typeof trainable !== 'boolean') {
      throw new ValueError(`${cls.className}: trainable must be a boolean, got ${JSON.stringify(trainable)}`);
    }
    if (dtype !== undefined && dtype !== 'float32') {
      throw new ValueError(`${cls.className}: dtype must be 'float32', got ${JSON.stringify(dtype)}`);
    }
    this.name = name ?? uniqueLayerName(toSnakeCase(cls.className));
    this.trainableFlag = trainable ?? true;
    const inputDim = declaresBelow(cls, 'inputDim', Layer) ? undefined : this.config.inputDim;
    const shape = inputShapeFromDim(cls.className, inputDim, inputShape, batchInputShape);
    this.declaredBatchInputShape = readBatchInputShape(cls.className, shape, batchInputShape);
    this.activityRegularizer = activityRegularizer ? getRegularizer(activityRegularizer) : null;
  }

  /**
   * The input shape with the batch dimension given by the `inputShape` / `batchInputShape`
   * options (`[null, ...inputShape]`), or null when neither was given.
   */
  get batchInputShape(): (number | null)[] | null {
    return this.declaredBatchInputShape ? [...this.declaredBatchInputShape] : null;
  }

  /** The Keras class name (`'Dense'`, `'Conv2D'`, ...). */
  get className(): string {
    return (this.constructor as typeof Layer).className;
  }

  /** Whether the weights train; setting it updates every trainable weight's flag, as Keras 3. */
  get trainable(): boolean {
    return this.trainableFlag;
  }

  set trainable(value: boolean) {
    this.trainableFlag = value;
    for (const w of this.weightList) w.trainable = value && w.declaredTrainable;
    for (const layer of this.subLayers) layer.trainable = value;
  }

  /**
   * The layers this layer holds (Keras' `_layers`): those in its own properties, arrays and plain
   * objects (nested to any depth), in assignment order, each once. Their weights, losses,
   * constraints, `trainable` flag and parameters are this layer's too. A model overrides it with
   * its `layers`.
   * @example
   * class Block extends Layer { static readonly className = 'Block'; d = new Dense({ units: 2 }); call(x: Tensor) { return this.d.apply(x); } }
   * new Block().subLayers.length; // 1
   */
  get subLayers(): Layer[] {
    return trackedLayers(this, (v): v is Layer => v instanceof Layer);
  }

  /** Creates weights for an input shape (batch dim may be null). Default: nothing. */
  build(_inputShape: LayerShape | LayerShape[]): void {}

  /**
   * Keras' `supports_masking`: the layer passes a mask on (its `computeMask` is attached to its
   * outputs); otherwise a mask reaching it is dropped. Default: whether the class overrides `computeMask`.
   */
  supportsMasking: boolean = overridesComputeMask(this);

  /**
   * Keras' `compute_mask`: the output's mask (default: the input's when `supportsMasking`, else null).
   * @example new Embedding({ inputDim: 5, outputDim: 2, maskZero: true }).computeMask(tensor([[0, 3]])) // [[false, true]]
   */
  computeMask(_inputs: Tensor | Tensor[], mask?: LayerMask): LayerMask {
    return this.supportsMasking ? (mask ?? null) : null;
  }

  /** The math. `inputs` is one Tensor, or an array for merge layers. */
  abstract call(inputs: Tensor | Tensor[], options: CallOptions): Tensor | Tensor[];

  /**
   * The output shape for an input shape (null dims pass through). Default: found by running `call`
   * on stand-in zeros of the input shape (the layer must be built), as Keras infers it; a layer
   * whose output shape is known without computing overrides this (no kernel runs then).
   */
  computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return this.outputShapeByCalling(inputShape);
  }

  /**
   * The output shape(s) found by running `call` (training off) on zeros of `inputShape`, null
   * dimensions replaced by stand-ins, inside `tidy` (see `inferOutputShapeByCalling`). Losses
   * added by those calls are dropped. Builds the layer first if needed.
   */
  protected outputShapeByCalling(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    this.ensureBuilt((isShapeList(inputShape) ? inputShape : [inputShape]) as LayerShape[], isShapeList(inputShape));
    try {
      return inferOutputShapeByCalling(layerLabel(this), inputShape, (x) => this.call(x, { training: false }));
    } finally {
      this.clearCallLosses();
    }
  }

  /**
   * The input(s) of the layer's first symbolic call (Keras 3's `layer.input`: node 0); throws a
   * ValueError naming the layer when it was never called on symbolic tensors.
   * @example dense.apply(x); dense.input === x; // true
   */
  get input(): SymbolicTensor | SymbolicTensor[] {
    return nodeTensors(this, 'input');
  }

  /**
   * The output(s) of the layer's first symbolic call (Keras 3's `layer.output`: node 0), e.g. for
   * feature extraction: `new Model({ inputs: base.input, outputs: base.getLayer('block1').output })`.
   * @example const y = dense.apply(x); dense.output === y; // true
   */
  get output(): SymbolicTensor | SymbolicTensor[] {
    return nodeTensors(this, 'output');
  }

  /**
   * Calls the layer. Eager: casts inputs to the dtypes it takes (`inputDTypes`), checks `inputSpec`,
   * builds on the first call (batch dimension null), runs `call`, records the activity penalty.
   * Symbolic (from `Input()`): checks, builds, infers the output shapes (`computeOutputShape`) and
   * records the call in `inboundNodes`, returning symbolic outputs.
   * @example
   * new Dense({ units: 2 }).apply(tensor([[1, 2, 3]]));   // Tensor [1, 2]
   * new Dense({ units: 2 }).apply(Input({ shape: [3] }));  // SymbolicTensor [null, 2]
   */
  apply(inputs: Tensor, options?: CallOptions): Tensor;
  apply(inputs: Tensor[], options?: CallOptions): Tensor;
  apply(inputs: SymbolicTensor, options?: CallOptions): SymbolicTensor;
  apply(inputs: SymbolicTensor[], options?: CallOptions): SymbolicTensor;
  apply(inputs: Tensor | Tensor[], options?: CallOptions): Tensor | Tensor[];
  apply(inputs: SymbolicTensor | SymbolicTensor[], options?: CallOptions): SymbolicTensor | SymbolicTensor[];
  apply(
    inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[],
    options?: CallOptions,
  ): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  apply(
    inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[],
    options: CallOptions = {},
  ): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    const training = options.training;
    if (training !== undefined && typeof training !== 'boolean') {
      throw new ValueError(`${layerLabel(this)}: training must be a boolean, got ${JSON.stringify(training)}`);
    }
    if (isSymbolicCall(this, inputs)) return this.applySymbolic(inputs as SymbolicTensor | SymbolicTensor[], options);
    const eager = inputs as Tensor | Tensor[];
    const list = eagerInputs(this, eager);
    const mask = callMask(this, Array.isArray(eager) ? eager : [eager], Array.isArray(eager), options.mask);
    const shapes = list.map((t) => t.shape as LayerShape);
    this.ensureBuilt(shapes, Array.isArray(eager));
    checkLayerSpec(this, this.inputSpec, shapes);
    // As Keras: the outermost call clears the losses of the whole tree; nested calls add to them
    // (a shared inner layer called twice in one call contributes twice).
    const entry = callEntry === null;
    if (entry) {
      callEntry = this;
      this.clearCallLosses();
    }
    try {
      const callInputs = Array.isArray(eager) ? list : list[0];
      // A layer's own call options (Attention's useCausalMask) reach its call.
      const outputs = this.call(callInputs, { ...options, mask, training: training ?? this.defaultTraining });
      attachOutputMasks(this, callInputs, outputs, mask);
      const regularizer = this.activityRegularizer;
      if (regularizer) for (const out of [outputs].flat()) this.addLoss(activityPenalty(regularizer, out));
      return outputs;
    } finally {
      if (entry) callEntry = null;
    }
  }

  /** Drops the `addLoss` tensors of this layer and of every layer below it. */
  private clearCallLosses(): void {
    for (const layer of [this, ...flattenLayers<Layer>(this)]) layer.callLosses.length = 0;
  }

  /**
   * What `call` receives as `training` when `apply` is given none (Keras 3's `call` default): false
   * for most layers, true for the random augmentation layers, undefined for a model (each layer's own).
   * @example new Dropout({ rate: 0.5 }).apply(x) // training false: x unchanged
   */
  protected get defaultTraining(): boolean | undefined {
    return false;
  }

  /** Creates a weight named `${layer.name}/${name}`, initialized, with its regularizer and constraint. */
  addWeight(name: string, shape: Shape, options: AddWeightOptions = {}): Variable {
    const label = layerLabel(this);
    if (typeof name !== 'string' || name === '') throw new ValueError(`${label}: addWeight needs a non-empty name`);
    assertValidShape(shape, `${label}: addWeight '${name}'`);
    const fullName = `${this.name}/${name}`;
    if (this.weightList.some((w) => w.name === fullName)) {
      throw new ValueError(`${label}: a weight named '${name}' already exists`);
    }
    if (options.dtype !== undefined && options.dtype !== 'float32') {
      throw new ValueError(
        `${label}: addWeight '${name}': dtype must be 'float32', got ${JSON.stringify(options.dtype)}`,
      );
    }
    const initializer = getInitializer(options.initializer ?? 'glorotUniform');
    const regularizer = options.regularizer ? getRegularizer(options.regularizer) : null;
    const constraint = options.constraint ? getConstraint(options.constraint) : null;
    const declared = options.trainable ?? true;
    chargeWeightBudget(this.name, name, shape);
    const initial = tidy(() => initializer.apply(shape));
    const weight = recordBudgetedWeight(new LayerWeight(initial, fullName, declared, regularizer, constraint));
    weight.trainable = declared && this.trainable;
    initial.dispose();
    this.weightList.push(weight);
    return weight;
  }

  /** The weights this layer created itself with `addWeight` (not those of nested layers), in creation order. */
  protected get ownWeights(): readonly LayerWeight[] {
    return this.weightList;
  }

  /**
   * Every weight: the layer's own (trainable first, then non-trainable, each in creation order),
   * then its sub-layers' (see `subLayers`), each weight once (Keras 3).
   */
  get weights(): Variable[] {
    const own = this.weightList;
    return uniqueVariables([
      own.filter((w) => w.declaredTrainable),
      own.filter((w) => !w.declaredTrainable),
      ...this.subLayers.map((l) => l.weights),
    ]);
  }

  /** The weights training updates, the sub-layers' included; [] when the layer is not trainable. */
  get trainableWeights(): Variable[] {
    if (!this.trainable) return [];
    const own = this.weightList.filter((w) => w.declaredTrainable);
    return uniqueVariables([own, ...this.subLayers.map((l) => l.trainableWeights)]);
  }

  /** The other weights (moving statistics, frozen sub-layers; every weight when the layer is not trainable). */
  get nonTrainableWeights(): Variable[] {
    if (!this.trainable) return this.weights;
    const own = this.weightList.filter((w) => !w.declaredTrainable);
    const trainable = new Set(this.trainableWeights);
    // A weight frozen in one place and trainable through another layer counts as trainable once.
    const all = uniqueVariables([own, ...this.subLayers.map((l) => l.nonTrainableWeights)]);
    return all.filter((w) => !trainable.has(w));
  }

  /**
   * Regularization penalties of the trainable weights, sub-layers' included (fresh scalars on each
   * access; a frozen layer has none, as Keras 3), then the `addLoss` terms of this layer and of
   * every layer below it (each layer once).
   */
  get losses(): Tensor[] {
    const penalties = this.trainableWeights.flatMap((w) =>
      w instanceof LayerWeight && w.regularizer ? [w.regularizer.apply(w)] : [],
    );
    const added = [this, ...flattenLayers<Layer>(this)].flatMap((l) => [
      ...l.callLosses,
      ...l.lossFunctions.map((f) => f()),
    ]);
    return [...penalties, ...added];
  }

  /**
   * Adds a loss term: a tensor (kept until the next call, as Keras' losses created in `call`) or a
   * function (evaluated on every access of `losses`).
   */
  addLoss(loss: Tensor | (() => Tensor)): void {
    if (typeof loss === 'function') this.lossFunctions.push(loss);
    else if (loss instanceof Tensor) this.callLosses.push(loss);
    else throw new ValueError(`${layerLabel(this)}: addLoss expects a Tensor or a function, got ${typeof loss}`);
  }

  /** Projects every weight that has a constraint (sub-layers' too); a training loop calls this after each update. */
  applyConstraints(): void {
    for (const w of this.weights) {
      if (!(w instanceof LayerWeight) || !w.constraint) continue;
      const constraint = w.constraint;
      const next = tidy(() => constraint.apply(w));
      w.assign(next);
      next.dispose();
    }
  }

  /** The current values of `weights` (new tensors, in the same order). */
  getWeights(): Tensor[] {
    return this.weights.map((w) => w.clone());
  }

  /** Sets the values of `weights`, in the same order; counts and shapes are checked. */
  setWeights(values: readonly TensorLike[]): void {
    const weights = this.weights;
    const label = layerLabel(this);
    if (!Array.isArray(values) || values.length !== weights.length) {
      const expected = weights.map((w) => `${w.name} ${fmtShape(w.shape)}`).join(', ');
      const hint = this.built ? '' : ' (the layer is not built yet: call it on an input or build() it first)';
      throw new ValueError(
        `${label}: setWeights expected ${weights.length} values${expected ? ` (${expected})` : ''}, got ${Array.isArray(values) ? values.length : typeof values}${hint}`,
      );
    }
    const tensors = values.map((v, i) => toTensor(v, `values[${i}]`, `${label}.setWeights`, 'float32'));
    weights.forEach((w, i) => {
      if (!shapesEqual(w.shape, tensors[i].shape)) {
        throw new ShapeError(
          `${label}: setWeights: weight '${w.name}' has shape ${fmt(w.shape)}, got ${fmt(tensors[i].shape)}`,
        );
      }
    });
    weights.forEach((w, i) => {
      w.assign(tensors[i].dtype === 'float32' ? tensors[i] : cast(tensors[i], 'float32'));
    });
  }

  /** The number of scalars in the weights (sub-layers' included, each weight once); the layer must be built. */
  countParams(): number {
    if (!this.built) {
      throw new ValueError(
        `${layerLabel(this)}: countParams() needs a built layer; call it on an input or build() it first`,
      );
    }
    return this.weights.reduce((n, w) => n + w.size, 0);
  }

  /** The config: camelCase, JSON-able, with name, trainable and dtype; subclasses add their options. */
  getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = { name: this.name, trainable: this.trainable, dtype: 'float32' };
    if (this.declaredBatchInputShape) config.batchInputShape = [...this.declaredBatchInputShape];
    if (this.activityRegularizer) config.activityRegularizer = serializeRegularizer(this.activityRegularizer);
    return config;
  }

  /**
   * Rebuilds a layer from `getConfig()`'s output (Keras' `cls(**config)`); `customObjects` are
   * looked up first by nested deserialization (a wrapped layer).
   */
  static fromConfig<T>(
    this: new (
      config: never,
    ) => T,
    config: Record<string, unknown>,
    customObjects?: CustomObjects,
  ): T {
    return withCustomObjects(customObjects, () => new this(config as never));
  }

  /** Disposes the weights (sub-layers' too); the layer builds again on its next call. */
  dispose(): void {
    for (const layer of this.subLayers) layer.dispose();
    for (const w of this.weightList) w.dispose();
    this.weightList.length = 0;
    this.built = false;
    this.buildInputShape = null;
  }

  /** Builds from input shapes (batch dimension set to null) unless built; records the shape. */
  private ensureBuilt(shapes: LayerShape[], isList: boolean): void {
    if (this.built) return;
    checkLayerSpec(this, this.inputSpec, shapes);
    const unbatched = shapes.map((s) => (s.length > 0 ? [null, ...s.slice(1)] : s));
    const shape = isList ? unbatched : unbatched[0];
    this.build(shape);
    this.built = true;
    this.buildInputShape = shape;
  }

  /** The functional-API call: build from shapes, infer output shapes, record the node. */
  private applySymbolic(
    inputs: SymbolicTensor | SymbolicTensor[],
    options: CallOptions,
  ): SymbolicTensor | SymbolicTensor[] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    if (list.length === 0) {
      throw new ValueError(`${layerLabel(this)}: expected a tensor or a non-empty array of tensors, got []`);
    }
    const shapes = list.map((t) => t.shape as LayerShape);
    this.ensureBuilt(shapes, Array.isArray(inputs));
    checkLayerSpec(this, this.inputSpec, shapes);
    const given = Array.isArray(inputs) ? shapes : shapes[0];
    const out = this.computeOutputShape(given);
    // Keras runs call symbolically: sub-layers that call builds get built even with an own computeOutputShape.
    if (this.subLayers.some((l) => !l.built)) this.outputShapeByCalling(given);
    const multi = isShapeList(out);
    const outShapes = (multi ? out : [out]) as LayerShape[];
    const nodeIndex = this.inboundNodes.length;
    const outputs = outShapes.map((shape, i) => {
      const name = `${this.name}${nodeIndex > 0 ? `_${nodeIndex}` : ''}${outShapes.length > 1 ? `:${i}` : ''}`;
      return new SymbolicTensor(shape, symbolicOutputDType(this, list, i), name, this, nodeIndex, i);
    });
    const masked = symbolicOutputMasks(this, list, Array.isArray(inputs), outputs.length);
    for (const [i, t] of outputs.entries()) t.hasMask = masked[i];
    const callArgs = symbolicCallArgs(this, options);
    const node = new Node({ outboundLayer: this, inputTensors: list, outputTensors: outputs, callArgs });
    this.inboundNodes.push(node);
    for (const layer of new Set(node.inboundLayers)) layer.outboundNodes.push(node);
    return multi ? outputs : outputs[0];
  }
}
