import {
  acceptedInputDTypes,
  type CallOptions,
  type CustomObjects,
  fmtShape,
  type InputDTypes,
  InputLayer,
  Layer,
  type LayerShape,
  layerLabel,
  type Serialized,
  SymbolicTensor,
} from '@horn/layers';
import type { KerasOptions } from '@horn/tensor';
import { configKeysOf, type DType, HornError, normalizeOptions, type Tensor, ValueError } from '@horn/tensor';
import { Model } from './model.js';
import { deserializeModelOrLayer, registerModelClass } from './topology/model-classes.js';

/**
 * Options of `new Sequential(...)` (or pass the list of layers directly).
 * @example new Sequential({ name: 'mlp', layers: [Input({ shape: [4] }), new Dense({ units: 1 })] });
 */
export interface SequentialArgs {
  /** The layers in order; may start with `Input(...)` or an InputLayer. */
  layers?: (Layer | SymbolicTensor)[];
  /** Default `sequential`, `sequential_1`, ... */
  name?: string;
  trainable?: boolean;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as object).constructor?.name ?? 'object';
}

/**
 * The arguments of `new Sequential(...)` in one object: `(layers)`, `({ layers, name, trainable })`,
 * `(layers, { name, trainable })`, or Keras' positional `(layers, trainable, name)`.
 */
function sequentialArgs(owner: string, given: readonly unknown[], keys: readonly string[] | null): SequentialArgs {
  const [first, second, third] = given;
  const form = `new ${owner}(layers, { name })`;
  if (given.length > 3) {
    throw new ValueError(
      `${owner}: expected at most 3 arguments (layers, trainable, name), got ${given.length}; write ${form}`,
    );
  }
  if (first !== undefined && (first === null || typeof first !== 'object')) {
    throw new ValueError(`${owner}: expected a list of layers or { layers, name }, got ${describe(first)}`);
  }
  if (!Array.isArray(first)) {
    if (second !== undefined) {
      throw new ValueError(
        `${owner}: options go in one object, got ${describe(first)} then ${describe(second)}; write new ${owner}({ layers, name, trainable }) or ${form}`,
      );
    }
    return normalizeOptions(owner, first, keys) as SequentialArgs;
  }
  if (typeof second === 'string') {
    throw new ValueError(
      `${owner}: the second argument '${second}' looks like a name, but Keras' Sequential(layers, trainable, name) takes trainable second; write ${form.replace('name', `name: '${second}'`)}`,
    );
  }
  if (typeof second === 'boolean' || (second === undefined && third !== undefined)) {
    if (third !== undefined && typeof third !== 'string') {
      throw new ValueError(
        `${owner}: the name (third argument) must be a string, got ${describe(third)}; write ${form}`,
      );
    }
    return { layers: first, trainable: second as boolean | undefined, name: third as string | undefined };
  }
  if (third !== undefined) {
    throw new ValueError(
      `${owner}: after (layers, { name, trainable }) no third argument is taken, got ${describe(third)}`,
    );
  }
  if (second !== undefined && (second === null || typeof second !== 'object' || Array.isArray(second))) {
    throw new ValueError(
      `${owner}: the second argument must be { name, trainable }, got ${describe(second)}; write ${form}`,
    );
  }
  const options = normalizeOptions(owner, second as object | undefined, ['name', 'trainable']);
  return { ...options, layers: first } as SequentialArgs;
}

/** Rethrows a Horn error with a prefix, keeping its class (ShapeError stays a ShapeError). */
function withContext(e: unknown, prefix: string): never {
  if (e instanceof HornError) {
    const ErrorClass = e.constructor as new (message: string) => HornError;
    throw new ErrorClass(`${prefix}: ${e.message}`);
  }
  throw e;
}

/**
 * A plain stack of single-input, single-output layers (Keras' `Sequential`). It knows its input
 * shape from a leading `Input()` / InputLayer or from the first layer's `inputShape` /
 * `batchInputShape`, and then checks every `add` at once (an incompatible layer fails there,
 * naming both layers); otherwise it builds on its first call.
 * @example
 * const model = new Sequential([
 *   Input({ shape: [28, 28, 1] }),
 *   new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }),
 *   new MaxPooling2D({ poolSize: 2 }),
 *   new Flatten(),
 *   new Dense({ units: 10, activation: 'softmax' }),
 * ]);
 * model.summary();
 */
export class Sequential extends Model {
  static override readonly className: string = 'Sequential';
  static override readonly configKeys: readonly string[] = ['layers', 'name', 'trainable'];
  private readonly stack: Layer[] = [];
  private inputLayer: InputLayer | null = null;

  constructor(args?: (Layer | SymbolicTensor)[] | KerasOptions<SequentialArgs>);
  constructor(layers: (Layer | SymbolicTensor)[], options: KerasOptions<Omit<SequentialArgs, 'layers'>>);
  constructor(layers: (Layer | SymbolicTensor)[], trainable: boolean, name?: string);
  constructor(...given: unknown[]) {
    const options = sequentialArgs(new.target.name || 'Sequential', given, configKeysOf(new.target, Sequential));
    super({ name: options.name, trainable: options.trainable });
    const layers = options.layers ?? [];
    if (!Array.isArray(layers)) {
      throw new ValueError(`${layerLabel(this)}: layers must be an array, got ${describe(layers)}`);
    }
    for (const layer of layers) this.add(layer);
  }

  /** Eager inputs go in as the first layer takes them (it casts or refuses); strings pass to it. */
  get inputDTypes(): InputDTypes {
    return this.stack.length > 0 ? acceptedInputDTypes(this.stack[0], 0) : 'any';
  }

  /** The dtype of the Input a model without one builds: float32, unless its first layer takes no float32 (strings). */
  private firstLayerDType(): DType {
    const accepted = this.stack.length > 0 ? acceptedInputDTypes(this.stack[0], 0) : 'any';
    return accepted === 'any' || accepted.includes('float32') ? 'float32' : accepted[0];
  }

  /** The layers, in order (without the InputLayer, as Keras). */
  override get layers(): Layer[] {
    return [...this.stack];
  }

  /** The last layer's name before the model is built; then the output layer's name. */
  override get outputNames(): string[] {
    if (this.outputs.length === 0 && this.stack.length > 0) return [this.stack[this.stack.length - 1].name];
    return super.outputNames;
  }

  /**
   * Appends a layer (or, first, an `Input()` / InputLayer). When the input shape is known the
   * layer is called on the current output at once, so a layer that does not fit fails here.
   * @example model.add(new Dense({ units: 10 }));
   */
  add(item: Layer | SymbolicTensor): void {
    const label = layerLabel(this);
    let layer: Layer;
    if (item instanceof SymbolicTensor) {
      if (!(item.sourceLayer instanceof InputLayer)) {
        throw new ValueError(
          `${label}: add() takes a layer or an Input(); got a symbolic tensor produced by ${layerLabel(item.sourceLayer)}`,
        );
      }
      layer = item.sourceLayer;
    } else if (item instanceof Layer) {
      layer = item;
    } else {
      throw new ValueError(`${label}: add() expects a Layer or an Input(), got ${describe(item)}`);
    }
    if (layer instanceof InputLayer) {
      if (this.inputLayer || this.stack.length > 0) {
        throw new ValueError(`${label}: an InputLayer (Input()) can only be the first layer of a Sequential model`);
      }
      this.inputLayer = layer;
      this.rebuild();
      return;
    }
    if (layer === this) throw new ValueError(`${label}: cannot add a model to itself`);
    if (this.stack.some((l) => l.name === layer.name)) {
      throw new ValueError(
        `${label}: all layers must have unique names; '${layer.name}' is already the name of a layer in this model`,
      );
    }
    const declared = this.stack.length === 0 && !this.inputLayer ? layer.batchInputShape : null;
    if (declared) this.inputLayer = new InputLayer({ batchInputShape: declared });
    if (!this.inputLayer) {
      this.stack.push(layer);
      this.built = false;
      return;
    }
    const current = this.outputs.length > 0 ? this.outputs[0] : this.inputLayer.output;
    try {
      const out = this.applyLayer(layer, current);
      this.stack.push(layer);
      this.initGraph(this.inputLayer.output, out);
    } catch (e) {
      if (declared) this.inputLayer = null;
      withContext(e, `${label}: cannot add ${layerLabel(layer)} after input of shape ${fmtShape(current.shape)}`);
    }
  }

  /**
   * Removes the last layer and returns it; the model is rebuilt without it.
   * @example model.pop();
   */
  pop(): Layer {
    const layer = this.stack.pop();
    if (!layer) throw new ValueError(`${layerLabel(this)}: pop() on a model that has no layers`);
    this.rebuild();
    return layer;
  }

  /**
   * Builds the model for a batch input shape (`[null, ...]`) when it has no input shape yet; the
   * first call does this from the input's shape.
   * @example new Sequential([new Dense({ units: 2 })]).build([null, 3]);
   */
  override build(inputShape: LayerShape | LayerShape[]): void {
    if (this.inputLayer) return;
    if (inputShape.length > 0 && Array.isArray(inputShape[0])) {
      throw new ValueError(`${layerLabel(this)}: a Sequential model takes one input, got ${inputShape.length} shapes`);
    }
    const shape = inputShape as LayerShape;
    if (shape.length === 0) {
      throw new ValueError(
        `${layerLabel(this)}: build() needs a shape with a batch dimension, e.g. [null, 784], got []`,
      );
    }
    this.inputLayer = new InputLayer({ batchInputShape: [null, ...shape.slice(1)], dtype: this.firstLayerDType() });
    try {
      this.rebuild();
    } catch (e) {
      this.inputLayer = null;
      withContext(e, `${layerLabel(this)}: cannot build for input shape ${fmtShape(shape)}`);
    }
  }

  /** Runs the layers in order; an unbuilt model builds from the input's shape first. */
  override call(inputs: Tensor | Tensor[], options: CallOptions = {}): Tensor | Tensor[] {
    if (!this.isGraphNetwork) {
      const first = Array.isArray(inputs) ? inputs[0] : inputs;
      this.build([null, ...first.shape.slice(1)]);
    }
    return super.call(inputs, options);
  }

  /** `{ name, layers: [{ className, config }, ...] }`, the InputLayer first when there is one (Keras). */
  override getConfig(): Record<string, unknown> {
    const layers = [...(this.inputLayer ? [this.inputLayer] : []), ...this.stack];
    return {
      name: this.name,
      layers: layers.map((l): Serialized => ({ className: l.className, config: l.getConfig() })),
    };
  }

  /**
   * Rebuilds a Sequential model (new layers, fresh weights) from `getConfig()`'s output; custom
   * layer classes are found in `customObjects` (Keras' `custom_objects`) or the registry.
   * @example Sequential.fromConfig(model.getConfig(), { CustomDense });
   */
  static override fromConfig<T>(
    this: new (
      args: never,
    ) => T,
    config: Record<string, unknown>,
    customObjects?: CustomObjects,
  ): T {
    const entries = Array.isArray(config) ? config : config?.layers;
    if (!Array.isArray(entries)) {
      throw new ValueError(
        `Sequential.fromConfig: expected { name, layers: [...] }, got ${JSON.stringify(config)?.slice(0, 200)}`,
      );
    }
    const layers = entries.map((entry) => deserializeModelOrLayer(entry as Serialized, customObjects));
    const name = !Array.isArray(config) && typeof config.name === 'string' ? config.name : undefined;
    return new this({ name, layers } as never);
  }

  private applyLayer(layer: Layer, input: SymbolicTensor): SymbolicTensor {
    const out = layer.apply(input);
    if (Array.isArray(out)) {
      throw new ValueError(
        `every layer of a Sequential model must have one output; ${layerLabel(layer)} has ${(out as unknown[]).length}`,
      );
    }
    return out;
  }

  /** Re-applies every layer to the input (after pop, or when the input shape becomes known). */
  private rebuild(): void {
    if (!this.inputLayer) {
      this.built = false;
      return;
    }
    let x = this.inputLayer.output;
    for (const layer of this.stack) x = this.applyLayer(layer, x);
    this.initGraph(this.inputLayer.output, x);
  }
}

registerModelClass('Sequential', Sequential);
