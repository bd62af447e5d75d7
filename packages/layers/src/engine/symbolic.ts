import type { DType } from '@horn/tensor';
import type { CallOptions, Layer } from './layer.js';
import type { LayerShape } from './layer-shape.js';

/**
 * A placeholder for a tensor in a model graph (Keras' `KerasTensor`): a shape whose unknown
 * dimensions are `null`, a dtype, and where it comes from — output `tensorIndex` of the call
 * `nodeIndex` of `sourceLayer` (`sourceLayer.inboundNodes[nodeIndex]`). It holds no data; calling a
 * layer on it (`layer.apply(symbolic)`) only infers shapes and records the call.
 * @example
 * const x = Input({ shape: [28, 28, 1] });   // SymbolicTensor [null, 28, 28, 1]
 * const y = new Flatten().apply(x);           // SymbolicTensor [null, 784]
 */
export class SymbolicTensor {
  /** The shape; `null` marks an unknown dimension (the batch, usually). */
  readonly shape: (number | null)[];
  readonly dtype: DType;
  readonly name: string;
  /** The layer whose call produced this tensor (an InputLayer for a model input). */
  readonly sourceLayer: Layer;
  /** Which call of `sourceLayer` produced it: `sourceLayer.inboundNodes[nodeIndex]`. */
  readonly nodeIndex: number;
  /** Which output of that call it is. */
  readonly tensorIndex: number;
  /**
   * Whether the tensor carries a mask (Keras' `_keras_mask` on a KerasTensor): set by the call that
   * made it (`Embedding({ maskZero: true })`, `Masking`, a layer passing its input's mask on).
   */
  hasMask = false;

  constructor(
    shape: LayerShape,
    dtype: DType,
    name: string,
    sourceLayer: Layer,
    nodeIndex: number,
    tensorIndex: number,
  ) {
    this.shape = [...shape];
    this.dtype = dtype;
    this.name = name;
    this.sourceLayer = sourceLayer;
    this.nodeIndex = nodeIndex;
    this.tensorIndex = tensorIndex;
  }

  /** The number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }

  /** `SymbolicTensor(name='dense', shape=[null, 10], dtype='float32')`, for messages. */
  toString(): string {
    const dims = this.shape.map((d) => (d === null ? 'null' : String(d))).join(', ');
    return `SymbolicTensor(name='${this.name}', shape=[${dims}], dtype='${this.dtype}')`;
  }
}

/**
 * What a {@link Node} is built from.
 * @example
 * // Built by Layer.apply on symbolic inputs: the layer, its inputs and outputs.
 * const x = Input({ shape: [3] });
 * const y = new Dense({ units: 2 }).apply(x);
 * const node = y.sourceLayer.inboundNodes[0]; // made from NodeArgs { outboundLayer, inputTensors: [x], outputTensors: [y] }
 * node.inputShapes; // [[null, 3]]
 */
export interface NodeArgs {
  outboundLayer: Layer;
  inputTensors: SymbolicTensor[];
  outputTensors: SymbolicTensor[];
  callArgs?: CallOptions;
}

/**
 * One call of a layer on symbolic tensors (Keras' `Node`), stored in `layer.inboundNodes`: which
 * layers, calls and outputs fed it (`inboundLayers[i].inboundNodes[nodeIndices[i]]`, output
 * `tensorIndices[i]`), the shapes in and out, and the call options given. An InputLayer's node
 * has no inbound layers. A model walks these to find its graph, and serializes them as Keras'
 * `inbound_nodes` (`[[layerName, nodeIndex, tensorIndex, kwargs], ...]`).
 * @example
 * const x = Input({ shape: [3] });
 * const dense = new Dense({ units: 2 });
 * dense.apply(x);
 * dense.inboundNodes[0].inboundLayers[0] === x.sourceLayer; // true
 */
export class Node {
  /** The layer that was called. */
  readonly outboundLayer: Layer;
  readonly inboundLayers: Layer[];
  readonly nodeIndices: number[];
  readonly tensorIndices: number[];
  readonly inputTensors: SymbolicTensor[];
  readonly outputTensors: SymbolicTensor[];
  readonly inputShapes: (number | null)[][];
  readonly outputShapes: (number | null)[][];
  /** The options given to `apply` (e.g. `{ training: false }`); `{}` when none. */
  readonly callArgs: CallOptions;

  constructor(args: NodeArgs) {
    this.outboundLayer = args.outboundLayer;
    this.inputTensors = [...args.inputTensors];
    this.outputTensors = [...args.outputTensors];
    this.inboundLayers = this.inputTensors.map((t) => t.sourceLayer);
    this.nodeIndices = this.inputTensors.map((t) => t.nodeIndex);
    this.tensorIndices = this.inputTensors.map((t) => t.tensorIndex);
    this.inputShapes = this.inputTensors.map((t) => [...t.shape]);
    this.outputShapes = this.outputTensors.map((t) => [...t.shape]);
    this.callArgs = { ...(args.callArgs ?? {}) };
  }

  /** Whether this is an input node (an InputLayer's, or a model's own input-to-output node). */
  get isInput(): boolean {
    return this.inboundLayers.length === 0;
  }
}
