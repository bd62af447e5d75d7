import type { Variable } from '@horn/autograd';
import {
  assertValidShape,
  cast,
  fmt,
  type Shape,
  ShapeError,
  shapesEqual,
  Tensor,
  type TensorLike,
  tidy,
  toTensor,
  ValueError,
} from '@horn/tensor';
import { type ConstraintId, getConstraint } from '../constraints/get-constraint.js';
import { getInitializer, type InitializerId } from '../initializers/get-initializer.js';
import { getRegularizer, type RegularizerId, serializeRegularizer } from '../regularizers/get-regularizer.js';
import type { Regularizer } from '../regularizers/regularizer.js';
import { fmtShape, layerLabel, readBatchInputShape } from './input-checks.js';
import { checkInputSpec, type InputSpec } from './input-spec.js';
import type { LayerShape } from './layer-shape.js';
import { LayerWeight } from './layer-weight.js';
import { toSnakeCase, uniqueLayerName } from './naming.js';
import { Node, SymbolicTensor } from './symbolic.js';

export type { LayerShape } from './layer-shape.js';

/** Options every layer takes. */
export interface LayerConfig {
  /** Unique per class by default: `dense`, `dense_1`, ... */
  name?: string;
  /** Whether the layer's weights are trained. Default true. */
  trainable?: boolean;
  /** Only `'float32'` for now. */
  dtype?: 'float32';
  /** Keras `input_shape`: the input shape without the batch dimension. */
  inputShape?: (number | null)[];
  /** Keras `batch_input_shape`: the input shape with the batch dimension. */
  batchInputShape?: (number | null)[];
  /** A penalty on the layer's output, added to `losses` on each call (Keras 3: not divided by the batch size). */
  activityRegularizer?: RegularizerId | null;
}

/** Options of `Layer.apply` and `Layer.call`. */
export interface CallOptions {
  /** Training mode: Dropout drops, BatchNormalization uses batch statistics. Default false. */
  training?: boolean;
}

/** Options of `Layer.addWeight`. */
export interface AddWeightOptions {
  /** Default `'glorotUniform'` (as Keras' add_weight for float weights). */
  initializer?: InitializerId;
  regularizer?: RegularizerId | null;
  constraint?: ConstraintId | null;
  /** Default true. */
  trainable?: boolean;
  dtype?: 'float32';
}

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
  /** The constructor options, as given (camelCase). */
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

  constructor(config?: C) {
    const cls = new.target as unknown as { className?: unknown; name: string };
    if (typeof cls.className !== 'string' || cls.className === '') {
      throw new ValueError(`${cls.name}: a layer class needs a static readonly className (its Keras class name)`);
    }
    this.config = { ...(config ?? {}) } as C;
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
    this.declaredBatchInputShape = readBatchInputShape(cls.className, inputShape, batchInputShape);
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
  }

  /** Creates weights for an input shape (batch dim may be null). Default: nothing. */
  build(_inputShape: LayerShape | LayerShape[]): void {}

  /** The math. `inputs` is one Tensor, or an array for merge layers. */
  abstract call(inputs: Tensor | Tensor[], options: CallOptions): Tensor | Tensor[];

  /** The output shape for an input shape (null dims pass through). Default: the input shape. */
  computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }

  /**
   * Calls the layer. On eager tensors: converts non-float inputs to float32, checks `inputSpec`,
   * builds on the first call (from the input shape with the batch dimension set to null), runs
   * `call` and records the activity regularization. On symbolic tensors (from `Input()`): checks
   * `inputSpec`, builds from the shapes, infers the output shapes with `computeOutputShape` (no
   * kernel runs) and records the call in `inboundNodes`, returning symbolic outputs.
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
    if (this.isSymbolicCall(inputs)) return this.applySymbolic(inputs as SymbolicTensor | SymbolicTensor[], options);
    const eager = inputs as Tensor | Tensor[];
    const list = this.checkInputs(eager);
    const shapes = list.map((t) => t.shape as LayerShape);
    this.ensureBuilt(shapes, Array.isArray(eager));
    this.checkSpec(shapes);
    this.callLosses.length = 0;
    const outputs = this.call(Array.isArray(eager) ? list : list[0], { training: training ?? this.defaultTraining });
    if (this.activityRegularizer) {
      for (const out of Array.isArray(outputs) ? outputs : [outputs]) this.addLoss(this.activityRegularizer.apply(out));
    }
    return outputs;
  }

  /**
   * What `call` receives as `training` when `apply` is given none, as the default of Keras 3's
   * `call(..., training=...)`: false (inference) for most layers; the random augmentation layers
   * say true (Keras: `training=True`), and a model says undefined so each of its layers applies
   * its own default.
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
    const initial = tidy(() => initializer.apply(shape));
    const weight = new LayerWeight(initial, fullName, declared, regularizer, constraint);
    weight.trainable = declared && this.trainable;
    initial.dispose();
    this.weightList.push(weight);
    return weight;
  }

  /** The weights this layer created itself with `addWeight` (not those of nested layers), in creation order. */
  protected get ownWeights(): readonly LayerWeight[] {
    return this.weightList;
  }

  /** Every weight: trainable first, then non-trainable, each in creation order. */
  get weights(): Variable[] {
    return [...this.trainableWeights, ...this.nonTrainableWeights];
  }

  /** The weights training updates; [] when the layer is not trainable. */
  get trainableWeights(): Variable[] {
    return this.trainable ? this.weightList.filter((w) => w.declaredTrainable) : [];
  }

  /** The other weights (moving statistics; every weight when the layer is not trainable). */
  get nonTrainableWeights(): Variable[] {
    return this.trainable ? this.weightList.filter((w) => !w.declaredTrainable) : [...this.weightList];
  }

  /**
   * Regularization penalties of the trainable weights (fresh scalars on each access; a frozen
   * layer has none, as Keras 3), then `addLoss` terms.
   */
  get losses(): Tensor[] {
    const trainable = this.trainable ? this.weightList.filter((w) => w.declaredTrainable) : [];
    const penalties = trainable.flatMap((w) => (w.regularizer ? [w.regularizer.apply(w)] : []));
    return [...penalties, ...this.callLosses, ...this.lossFunctions.map((f) => f())];
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

  /** Projects every weight that has a constraint; a training loop calls this after each update. */
  applyConstraints(): void {
    for (const w of this.weightList) {
      if (!w.constraint) continue;
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

  /** The number of scalars in the weights; the layer must be built. */
  countParams(): number {
    if (!this.built) {
      throw new ValueError(
        `${layerLabel(this)}: countParams() needs a built layer; call it on an input or build() it first`,
      );
    }
    return this.weightList.reduce((n, w) => n + w.size, 0);
  }

  /** The config: camelCase, JSON-able, with name, trainable and dtype; subclasses add their options. */
  getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = { name: this.name, trainable: this.trainable, dtype: 'float32' };
    if (this.declaredBatchInputShape) config.batchInputShape = [...this.declaredBatchInputShape];
    if (this.activityRegularizer) config.activityRegularizer = serializeRegularizer(this.activityRegularizer);
    return config;
  }

  /** Rebuilds a layer from `getConfig()`'s output. */
  static fromConfig<T>(this: new (config: never) => T, config: Record<string, unknown>): T {
    return new this(config as never);
  }

  /** Disposes the weights; the layer builds again on its next call. */
  dispose(): void {
    for (const w of this.weightList) w.dispose();
    this.weightList.length = 0;
    this.built = false;
    this.buildInputShape = null;
  }

  /** Builds from input shapes (batch dimension set to null) unless built; records the shape. */
  private ensureBuilt(shapes: LayerShape[], isList: boolean): void {
    if (this.built) return;
    this.checkSpec(shapes);
    const unbatched = shapes.map((s) => (s.length > 0 ? [null, ...s.slice(1)] : s));
    const shape = isList ? unbatched : unbatched[0];
    this.build(shape);
    this.built = true;
    this.buildInputShape = shape;
  }

  /** Whether `inputs` are symbolic; throws when symbolic and eager tensors are mixed. */
  private isSymbolicCall(inputs: unknown): boolean {
    const list: unknown[] = Array.isArray(inputs) ? inputs : [inputs];
    const symbolic = list.map((t) => t instanceof SymbolicTensor);
    if (!symbolic.includes(true)) return false;
    const eager = symbolic.indexOf(false);
    if (eager >= 0) {
      const t = list[eager];
      const what = t instanceof Tensor ? 'an eager Tensor' : t === null ? 'null' : typeof t;
      throw new ValueError(
        `${layerLabel(this)}: cannot mix symbolic tensors (from Input()) and eager tensors in one call: inputs[${symbolic.indexOf(true)}] is a SymbolicTensor, inputs[${eager}] is ${what}`,
      );
    }
    return true;
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
    this.checkSpec(shapes);
    const out = this.computeOutputShape(Array.isArray(inputs) ? shapes : shapes[0]);
    const multi = Array.isArray(out) && out.length > 0 && Array.isArray(out[0]);
    const outShapes = (multi ? out : [out]) as LayerShape[];
    const nodeIndex = this.inboundNodes.length;
    const outputs = outShapes.map((shape, i) => {
      const name = `${this.name}${nodeIndex > 0 ? `_${nodeIndex}` : ''}${outShapes.length > 1 ? `:${i}` : ''}`;
      return new SymbolicTensor(shape, 'float32', name, this, nodeIndex, i);
    });
    const callArgs: CallOptions = options.training === undefined ? {} : { training: options.training };
    const node = new Node({ outboundLayer: this, inputTensors: list, outputTensors: outputs, callArgs });
    this.inboundNodes.push(node);
    for (const layer of new Set(node.inboundLayers)) layer.outboundNodes.push(node);
    return multi ? outputs : outputs[0];
  }

  private checkInputs(inputs: Tensor | Tensor[]): Tensor[] {
    const label = layerLabel(this);
    const list = Array.isArray(inputs) ? inputs : [inputs];
    if (list.length === 0) throw new ValueError(`${label}: expected a tensor or a non-empty array of tensors, got []`);
    return list.map((t, i) => {
      if (!(t instanceof Tensor)) {
        const what = Array.isArray(inputs) ? `inputs[${i}]` : 'the input';
        throw new ValueError(`${label}: ${what} must be a Tensor, got ${t === null ? 'null' : typeof t}`);
      }
      return t.dtype === 'float32' ? t : cast(t, 'float32');
    });
  }

  private checkSpec(shapes: LayerShape[]): void {
    const spec = this.inputSpec;
    if (!spec) return;
    if (Array.isArray(spec)) {
      spec.forEach((s, i) => {
        if (shapes[i]) checkInputSpec(this, s, shapes[i], shapes.length > 1 ? i : undefined);
      });
    } else {
      for (const [i, s] of shapes.entries()) checkInputSpec(this, spec, s, shapes.length > 1 ? i : undefined);
    }
  }
}
