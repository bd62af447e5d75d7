import {
  type CallOptions,
  type CustomObjects,
  fmtShape,
  Layer,
  type LayerMask,
  type LayerShape,
  layerLabel,
  type MaskedShape,
  Node,
  type SymbolicTensor,
  withCustomObjects,
} from '@horn/layers';
import { configKeysOf, type KerasOptions, type Tensor, ValueError } from '@horn/tensor';
import type { History } from './callbacks/history.js';
import { MODEL_KEYS, type ModelArgs, type ModelNameOrOptions, resolveModelArgs } from './model-args.js';
import { defaultModelName } from './model-name.js';
import type { IOHandler, SaveResult } from './saving/artifacts.js';
import { modelToJSON } from './saving/model-topology.js';
import { type SaveOptions, saveModel } from './saving/save-model.js';
import { loadWeights, type SaveWeightsOptions, saveWeights } from './saving/weights-file.js';
import { printSummary, type SummaryPositions } from './summary.js';
import { callGraph, graphComputeMask } from './topology/call-graph.js';
import { findLayer } from './topology/find-layer.js';
import { type FunctionalConfig, functionalFromConfig, modelConfig } from './topology/functional-config.js';
import { checkGraphInputShapes, graphOutputShapes, type ModelGraph, mapGraph } from './topology/graph.js';
import { type GraphEnds, graphEnds } from './topology/graph-ends.js';
import { graphMaskFlags } from './topology/graph-masks.js';
import { registerModelClass } from './topology/model-classes.js';
import { compile } from './training/compile.js';
import type { CompileArgs } from './training/compile-args.js';
import type { CompiledState, Logs } from './training/compiled-state.js';
import { datasetArgs, isDataset, type ModelData } from './training/data.js';
import {
  type EvaluateArgs,
  type EvaluateDatasetArgs,
  type EvaluateResult,
  evaluate,
  evaluateDataset,
} from './training/evaluate.js';
import { type FitArgs, fit as fitModel } from './training/fit.js';
import { type FitDatasetArgs, fitDataset } from './training/fit-dataset.js';
import { type OnBatchArgs, testOnBatch, trainOnBatch } from './training/on-batch.js';
import { type PredictArgs, type PredictOutput, predict, predictDataset, predictOnBatch } from './training/predict.js';
import type { BatchIterable, Dataset } from './training/sources.js';

export type { ModelArgs, ModelNameOrOptions } from './model-args.js';

/**
 * A model: layers composed into one callable, trainable, savable unit. Two ways to make one, as
 * in Keras:
 * - **functional**: `new Model({ inputs, outputs })` (or Keras' `new Model(inputs, outputs, name?)`)
 *   from symbolic tensors (`Input()` and `layer.apply(symbolic)`): multiple inputs and outputs,
 *   shared layers, skip connections, and models used as layers;
 * - **subclassing**: `class M extends Model { call(x, { training }) { ... } }`; layers held in own
 *   properties (alone, in arrays or plain objects, nested; custom layers holding layers too) are
 *   tracked automatically; it builds on its first call.
 * @example
 * const x = Input({ shape: [28, 28, 1] });
 * const h = new Flatten().apply(x);
 * const model = new Model({ inputs: x, outputs: new Dense({ units: 10, activation: 'softmax' }).apply(h) });
 * model.predict(zeros([2, 28, 28, 1])); // Tensor [2, 10]
 */
export class Model extends Layer {
  static override readonly className: string = 'Model';
  /** The options of `new Model({ ... })` (Keras' snake_case accepted, others refused by name). */
  static override readonly configKeys: readonly string[] = MODEL_KEYS;
  /** The symbolic inputs (`[]` for a subclassed model). */
  inputs: SymbolicTensor[] = [];
  /** The symbolic outputs (`[]` for a subclassed model). */
  outputs: SymbolicTensor[] = [];
  /** Set by a callback to stop `fit` at the end of the current batch. */
  stopTraining = false;
  /** What `compile` resolved (optimizer, losses, metrics), or null before `compile`. */
  compiled: CompiledState | null = null;
  /** The `History` of the last `fit`. */
  history?: unknown;
  /** The graph of a functional model (or a built Sequential); null for a subclassed model. */
  protected graph: ModelGraph | null = null;
  /** The keys of dict inputs (in `inputs` order), or null when the inputs are a tensor or a list. */
  inputKeys: readonly string[] | null = null;
  /** The keys of dict outputs (in `outputs` order), or null when the outputs are a tensor or a list. */
  outputKeys: readonly string[] | null = null;

  constructor(args?: KerasOptions<ModelArgs>);
  constructor(
    inputs: NonNullable<ModelArgs['inputs']>,
    outputs: NonNullable<ModelArgs['outputs']>,
    nameOrOptions?: ModelNameOrOptions,
  );
  constructor(...given: unknown[]) {
    const args = resolveModelArgs(new.target.name || 'Model', given, configKeysOf(new.target, Model));
    const functional = args.inputs !== undefined || args.outputs !== undefined;
    super({ name: args.name ?? defaultModelName(new.target, Model, functional), trainable: args.trainable });
    if (functional) {
      if (args.inputs === undefined || args.outputs === undefined) {
        throw new ValueError(`${layerLabel(this)}: a functional model needs both inputs and outputs`);
      }
      this.initGraph(args.inputs, args.outputs);
    }
  }

  /**
   * Sets the graph from inputs and outputs (functional models; Sequential when it knows its
   * input shape) and records the model's own node linking inputs to outputs (Keras node 0).
   */
  protected initGraph(inputs: GraphEnds, outputs: GraphEnds): void {
    const ins = graphEnds(layerLabel(this), 'inputs', inputs);
    const outs = graphEnds(layerLabel(this), 'outputs', outputs);
    this.inputKeys = ins.keys;
    this.outputKeys = outs.keys;
    const graph = mapGraph(layerLabel(this), ins.tensors, outs.tensors);
    this.graph = graph;
    this.inputs = [...graph.inputs];
    this.outputs = [...graph.outputs];
    this.built = true;
    this.buildInputShape = graph.inputs.length === 1 ? graph.inputs[0].shape : graph.inputs.map((t) => t.shape);
    const own = new Node({ outboundLayer: this, inputTensors: [], outputTensors: this.outputs });
    // Node 0 is the model's own; calls made before it existed keep their indices.
    if (this.inboundNodes.length === 0) this.inboundNodes.push(own);
    else if (this.inboundNodes[0].isInput) this.inboundNodes[0] = own;
  }

  /** Whether the model is a graph of layers (functional, or a built Sequential). */
  get isGraphNetwork(): boolean {
    return this.graph !== null;
  }

  /** The nodes of this model's graph (for serialization and summaries); empty for subclassed models. */
  get graphNodes(): ReadonlySet<Node> {
    return this.graph?.nodes ?? new Set();
  }

  /** The graph's nodes by depth (0: the nodes producing the outputs); empty for subclassed models. */
  get graphNodesByDepth(): ReadonlyMap<number, Node[]> {
    return this.graph?.nodesByDepth ?? new Map();
  }

  /**
   * The layers: for a functional model in topological order, InputLayers included (as Keras);
   * for a subclassed model the layers held in its properties, in assignment order.
   */
  get layers(): Layer[] {
    return this.graph ? [...this.graph.layers] : super.subLayers;
  }

  /** A model's sub-layers are its `layers`: their weights, losses and `trainable` flag are the model's. */
  override get subLayers(): Layer[] {
    return this.layers;
  }

  /**
   * The model's input(s): a functional model's `Input()` tensors (one unwrapped), as Keras'
   * `model.input`; a subclassed model has one only after a symbolic call (else a ValueError).
   * @example const features = new Model({ inputs: base.input, outputs: base.getLayer('hidden').output });
   */
  override get input(): SymbolicTensor | SymbolicTensor[] {
    if (!this.graph) return super.input;
    return this.inputs.length === 1 ? this.inputs[0] : [...this.inputs];
  }

  /**
   * The model's output(s) (one unwrapped), as Keras' `model.output`.
   * @example new Model({ inputs: x, outputs: y }).output === y; // true
   */
  override get output(): SymbolicTensor | SymbolicTensor[] {
    if (!this.graph) return super.output;
    return this.outputs.length === 1 ? this.outputs[0] : [...this.outputs];
  }

  /** One name per input: the InputLayers' names (the keys of dict inputs). */
  get inputNames(): string[] {
    if (this.inputKeys) return [...this.inputKeys];
    return this.inputs.map((t) => t.sourceLayer.name);
  }

  /**
   * One name per output: the names of the layers that produce them (Keras), the keys of dict
   * outputs; `['output_1']` for a subclassed model.
   */
  get outputNames(): string[] {
    if (this.outputKeys) return [...this.outputKeys];
    if (this.outputs.length > 0) return this.outputs.map((t) => t.sourceLayer.name);
    return ['output_1'];
  }

  /**
   * A layer by name, or by index in `layers`. Throws a ValueError listing the layer names when
   * there is no such layer.
   * @example model.getLayer('dense_1').getWeights()
   */
  getLayer(nameOrIndex: string | number): Layer {
    return findLayer(layerLabel(this), this.layers, nameOrIndex);
  }

  /**
   * A model called without `training` passes none on, so each layer applies its own default
   * (Keras 3): Dropout and BatchNormalization infer, the random augmentation layers augment.
   */
  protected override get defaultTraining(): boolean | undefined {
    return undefined;
  }

  /**
   * Runs the model on eager tensors: a functional model runs its graph (input ranks adjusted as
   * Keras, shapes checked); a subclassed model overrides this with its own computation.
   */
  override call(inputs: Tensor | Tensor[], options: CallOptions = {}): Tensor | Tensor[] {
    return callGraph(layerLabel(this), this.graph, inputs, options);
  }

  /**
   * The output mask(s) its layers compute (a graph model: the latest call's for the same inputs,
   * else found by running the graph); null for a subclassed model.
   * @example model.computeMask(ids) // the mask of Embedding({ maskZero: true }) passed on to the output
   */
  override computeMask(inputs: Tensor | Tensor[], mask?: LayerMask): LayerMask {
    return this.graph ? graphComputeMask(this.graph, [inputs].flat(), mask) : null;
  }

  /**
   * Which outputs carry a mask in a symbolic call, from the graph (no kernel runs); none for a subclassed model.
   * @example inner.apply(new Embedding({ inputDim: 5, outputDim: 4, maskZero: true }).apply(x)).hasMask // true
   */
  symbolicMaskFlags(inputs: readonly MaskedShape[]): boolean[] {
    return this.graph ? graphMaskFlags(this.graph, inputs) : [];
  }

  /**
   * The output shape(s) for input shape(s): a graph model walks its layers' `computeOutputShape`
   * (no kernel runs); a subclassed model runs `call` on stand-in zeros, as any layer without its
   * own `computeOutputShape` (see `Layer.computeOutputShape`).
   */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    if (!this.graph) return this.outputShapeByCalling(inputShape);
    const shapes = (this.graph.inputs.length === 1 ? [inputShape] : inputShape) as LayerShape[];
    checkGraphInputShapes(layerLabel(this), this.graph, shapes);
    const out = graphOutputShapes(this.graph, shapes);
    return out.length === 1 ? out[0] : out;
  }

  /** The number of scalars in all weights (each shared weight once); the model must be built. */
  override countParams(): number {
    if (!this.built) {
      throw new ValueError(
        `${layerLabel(this)}: countParams() needs a built model; give it an Input or call it on data first`,
      );
    }
    return this.weights.reduce((n, w) => n + w.size, 0);
  }

  /**
   * Prints the layers, their output shapes and parameter counts, then the totals, in Keras 3's
   * table layout. `lineLength` defaults to Keras' (88, or 108 with a "Connected to" column,
   * capped by the terminal width).
   * @example model.summary(); model.summary(80, (line) => lines.push(line));
   */
  summary(
    lineLength?: number,
    positionsOrPrintFn?: SummaryPositions | ((line: string) => void),
    printFn?: (line: string) => void,
  ): void {
    const positions = typeof positionsOrPrintFn === 'function' ? undefined : positionsOrPrintFn;
    const print = typeof positionsOrPrintFn === 'function' ? positionsOrPrintFn : printFn;
    printSummary(this, { lineLength, positions, printFn: print });
  }

  /**
   * The Keras functional config, camelCase: `{ name, layers: [{ className, config, name,
   * inboundNodes }], inputLayers, outputLayers }`. Subclassed models have no config.
   */
  override getConfig(): Record<string, unknown> {
    return modelConfig(this, this.graph !== null) as unknown as Record<string, unknown>;
  }

  /**
   * Rebuilds a functional model (new layers, fresh weights) from `getConfig()`'s output; custom
   * layer classes are found in `customObjects` (Keras' `custom_objects`) or the registry.
   * @example Model.fromConfig(model.getConfig(), { CustomDense });
   */
  static override fromConfig<T>(
    this: new (
      args: never,
    ) => T,
    config: Record<string, unknown>,
    customObjects?: CustomObjects,
  ): T {
    const { name, inputs, outputs } = withCustomObjects(customObjects, () =>
      functionalFromConfig(config as unknown as FunctionalConfig),
    );
    return new this({ name, inputs, outputs } as never);
  }

  // ---- Training (src/training): thin delegations. ----

  /**
   * Configures the model for training: optimizer, loss(es), loss weights and metrics, as Keras'
   * `compile` (string ids in camelCase or snake_case).
   * @example model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
   */
  compile(args: KerasOptions<CompileArgs> = {}): void {
    compile(this, args);
  }

  /** The optimizer `compile` set, or null before `compile`. */
  get optimizer(): CompiledState['optimizer'] | null {
    return this.compiled?.optimizer ?? null;
  }

  /** The names of the logged values (`['loss', 'accuracy']`), as Keras' `metrics_names`; [] before `compile`. */
  get metricsNames(): string[] {
    return this.compiled?.metricsNames ?? [];
  }

  /**
   * Trains the model for a number of epochs (Keras' `fit`): batches, validation, callbacks, a
   * progress bar; resolves to the `History`. Three forms, as Keras 3:
   * - `fit(x, y, args)` on arrays (a tensor, a list per input/output, or a record by name);
   * - `fit(x)` / `fit(x, null, args)` for a model compiled without a loss whose loss comes from
   *   `addLoss` alone (the loss is the sum of `model.losses`);
   * - `fit(dataset, args)` on an (async) iterable of `[x, y]` / `[x, y, sampleWeight]` / `{ xs, ys }`
   *   batches, as {@link Model.fitDataset}; the dataset's tensors stay the dataset's.
   * @example
   * const history = await model.fit(x, y, { epochs: 5, batchSize: 128, validationSplit: 0.1 });
   * await model.fit(batches(), { epochs: 3, stepsPerEpoch: 100 });
   */
  fit(dataset: BatchIterable, args?: KerasOptions<FitDatasetArgs>): Promise<History>;
  fit(x: ModelData, y?: ModelData | null, args?: KerasOptions<FitArgs>): Promise<History>;
  async fit(
    x: ModelData | Dataset,
    y?: ModelData | KerasOptions<FitDatasetArgs> | null,
    args?: KerasOptions<FitArgs>,
  ): Promise<History> {
    if (isDataset(x)) return fitDataset(this, x as Dataset, datasetArgs('fit', y, args) as FitDatasetArgs, 'fit');
    return fitModel(this, x as ModelData, y as ModelData | null | undefined, args ?? {});
  }

  /**
   * Trains over a dataset of `{ xs, ys }` / `[x, y]` batches (TF.js' `fitDataset`; `fit(dataset)`
   * does the same). The dataset's tensors belong to it and are not disposed (`disposeBatches: true`
   * hands them over).
   * @example await model.fitDataset(batches, { epochs: 3 });
   */
  fitDataset(dataset: Dataset, args: KerasOptions<FitDatasetArgs> = {}): Promise<History> {
    return fitDataset(this, dataset, args);
  }

  /**
   * The loss and metrics on data, batched, as Keras 3's `evaluate`: plain numbers (the loss
   * alone, or `[loss, ...metrics]` in `metricsNames` order); `returnDict: true` gives a record by
   * log name; `returnTensors: true` TF.js' scalar tensors (the caller disposes them). Takes arrays
   * (`y` left out for an `addLoss`-only model) or a dataset of batches.
   * @example
   * const [loss, acc] = (await model.evaluate(xTest, yTest)) as number[];
   * const logs = await model.evaluate(xTest, yTest, { returnDict: true }); // { accuracy, loss }
   */
  evaluate(dataset: BatchIterable, args: KerasOptions<EvaluateDatasetArgs & { returnDict: true }>): Promise<Logs>;
  evaluate(
    dataset: BatchIterable,
    args: KerasOptions<EvaluateDatasetArgs & { returnTensors: true }>,
  ): Promise<Tensor | Tensor[]>;
  evaluate(dataset: BatchIterable, args?: KerasOptions<EvaluateDatasetArgs>): Promise<number | number[]>;
  evaluate(
    x: ModelData,
    y: ModelData | null | undefined,
    args: KerasOptions<EvaluateArgs & { returnDict: true }>,
  ): Promise<Logs>;
  evaluate(
    x: ModelData,
    y: ModelData | null | undefined,
    args: KerasOptions<EvaluateArgs & { returnTensors: true }>,
  ): Promise<Tensor | Tensor[]>;
  evaluate(x: ModelData, y?: ModelData | null, args?: KerasOptions<EvaluateArgs>): Promise<number | number[]>;
  async evaluate(
    x: ModelData | Dataset,
    y?: ModelData | KerasOptions<EvaluateDatasetArgs> | null,
    args?: KerasOptions<EvaluateArgs>,
  ): Promise<EvaluateResult> {
    if (isDataset(x)) {
      return evaluateDataset(this, x as Dataset, datasetArgs('evaluate', y, args) as EvaluateDatasetArgs, 'evaluate');
    }
    return evaluate(this, x as ModelData, y as ModelData | null | undefined, args ?? {});
  }

  /**
   * The loss and metrics over a dataset of batches, reported as {@link Model.evaluate}.
   * @example const loss = await model.evaluateDataset(batches);
   */
  evaluateDataset(dataset: Dataset, args: KerasOptions<EvaluateDatasetArgs & { returnDict: true }>): Promise<Logs>;
  evaluateDataset(
    dataset: Dataset,
    args: KerasOptions<EvaluateDatasetArgs & { returnTensors: true }>,
  ): Promise<Tensor | Tensor[]>;
  evaluateDataset(dataset: Dataset, args?: KerasOptions<EvaluateDatasetArgs>): Promise<number | number[]>;
  evaluateDataset(dataset: Dataset, args: KerasOptions<EvaluateDatasetArgs> = {}): Promise<EvaluateResult> {
    return evaluateDataset(this, dataset, args);
  }

  /**
   * Batched inference (training mode off): one tensor per output, or, for a model built with
   * dict outputs, a record with the same keys (Keras). Synchronous on arrays; on a dataset of
   * batches (Keras' `predict(dataset)`) it resolves asynchronously.
   * @example
   * model.predict(xTest, { batchSize: 256 });
   * const { priority, department } = model.predict(x) as Record<string, Tensor>;
   */
  predict(dataset: BatchIterable, args?: KerasOptions<Omit<PredictArgs, 'batchSize'>>): Promise<PredictOutput>;
  predict(x: ModelData, args?: KerasOptions<PredictArgs>): PredictOutput;
  predict(x: ModelData | Dataset, args: KerasOptions<PredictArgs> = {}): PredictOutput | Promise<PredictOutput> {
    if (isDataset(x)) return predictDataset(this, x as Dataset, args).then((out) => this.keyedOutputs(out));
    return this.keyedOutputs(predict(this, x as ModelData, args));
  }

  /** The outputs as a record by key for a model built with dict outputs; as they are otherwise. */
  protected keyedOutputs(out: Tensor | Tensor[]): PredictOutput {
    const keys = this.outputKeys;
    if (!keys) return out;
    const list = Array.isArray(out) ? out : [out];
    return Object.fromEntries(keys.map((k, i) => [k, list[i]]));
  }

  /**
   * One gradient step on one batch; returns the loss (and metrics) as numbers. `y` may be left
   * out for an `addLoss`-only model.
   * @example model.trainOnBatch(xBatch, yBatch);
   */
  trainOnBatch(x: ModelData, y?: ModelData | null, args: KerasOptions<OnBatchArgs> = {}): number | number[] {
    return trainOnBatch(this, x, y, args);
  }

  /**
   * The loss (and metrics) of one batch, without training.
   * @example model.testOnBatch(xBatch, yBatch);
   */
  testOnBatch(x: ModelData, y?: ModelData | null, args: KerasOptions<OnBatchArgs> = {}): number | number[] {
    return testOnBatch(this, x, y, args);
  }

  /**
   * Inference on one batch (a record by key for dict outputs).
   * @example model.predictOnBatch(xBatch);
   */
  predictOnBatch(x: ModelData): PredictOutput {
    return this.keyedOutputs(predictOnBatch(this, x));
  }

  // ---- Saving (src/saving): thin delegations. ----

  /**
   * Saves the model in the TF.js Layers format (`model.json` + weight shards), atomically; a
   * compiled model with its training config and optimizer state (see `SaveOptions`).
   * @example await model.save('./mnist-cnn');
   */
  save(pathOrHandler: string | IOHandler, options: SaveOptions = {}): Promise<SaveResult> {
    return saveModel(this, pathOrHandler, options);
  }

  /**
   * The model topology as Keras JSON (snake_case), the `modelTopology` of model.json.
   * @example const again = modelFromJSON(model.toJSON());
   */
  toJSON(): string {
    return modelToJSON(this);
  }

  /**
   * Saves the weights only.
   * @example await model.saveWeights('./weights');
   */
  saveWeights(path: string, options: SaveWeightsOptions = {}): Promise<SaveResult> {
    return saveWeights(this, path, options);
  }

  /**
   * Loads weights saved by `saveWeights` (or a model save) into this model.
   * @example await model.loadWeights('./weights');
   */
  loadWeights(path: string, options: SaveWeightsOptions = {}): Promise<void> {
    return loadWeights(this, path, options);
  }

  /**
   * Disposes every layer's weights and the optimizer's slot variables of this model's weights: the
   * whole optimizer when compile made it from a name, else only this model's slots (the caller's
   * optimizer may train other models too). `memory()` is back to where it was before the model was built.
   */
  override dispose(): void {
    const compiled = this.compiled;
    if (compiled?.ownsOptimizer) compiled.optimizer.dispose();
    else compiled?.optimizer.disposeSlots(this.weights);
    super.dispose();
  }

  /** `Model 'functional' (inputs [null, 3] -> outputs [null, 2])`, for messages. */
  override toString(): string {
    if (!this.graph) return layerLabel(this);
    const io = (ts: SymbolicTensor[]) => ts.map((t) => fmtShape(t.shape)).join(', ');
    return `${layerLabel(this)} (inputs ${io(this.inputs)} -> outputs ${io(this.outputs)})`;
  }
}

registerModelClass('Model', Model);
registerModelClass('Functional', Model);
