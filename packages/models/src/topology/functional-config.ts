import { type CallOptions, InputLayer, type Layer, layerLabel, type Node, type SymbolicTensor } from '@horn/layers';
import { NotImplementedError, snakeToCamel, ValueError } from '@horn/tensor';
import { producerNode } from './graph.js';
import { deserializeModelOrLayer } from './model-classes.js';

/**
 * One input of a layer call in a config: `[layerName, nodeIndex, tensorIndex, kwargs]` (Keras 2 / TF.js).
 * @example
 * const [[ref]] = functionalConfig(model).layers[1].inboundNodes; // model: x -> Dense 'd'
 * const [layerName, nodeIndex, tensorIndex, kwargs]: NodeRef = ref; // ['x', 0, 0, {}]
 */
export type NodeRef = [string, number, number, Record<string, unknown>];

/**
 * One layer of a functional config.
 * @example
 * const [, dense]: LayerEntry[] = functionalConfig(model).layers; // model: x -> Dense 'd'
 * dense.className; // 'Dense'
 * dense.config.units; // 1
 * dense.inboundNodes; // [[['x', 0, 0, {}]]]: one call, on the output of layer 'x'
 */
export interface LayerEntry {
  className: string;
  config: Record<string, unknown>;
  name: string;
  /** One entry per call of the layer in the model, each listing the call's inputs. */
  inboundNodes: NodeRef[][];
}

/**
 * A functional model's config in Keras' format (camelCase keys):
 * `{ name, layers: [{ className, config, name, inboundNodes }], inputLayers, outputLayers }`.
 * @example
 * const x = Input({ shape: [2], name: 'x' });
 * const model = new Model({ inputs: x, outputs: new Dense({ units: 1, name: 'd' }).apply(x), name: 'f' });
 * const config: FunctionalConfig = functionalConfig(model);
 * config.inputLayers; // [['x', 0, 0]]
 * config.outputLayers; // [['d', 0, 0]]
 * config.layers.map((l) => l.className); // ['InputLayer', 'Dense']
 */
export interface FunctionalConfig {
  name: string;
  layers: LayerEntry[];
  inputLayers: [string, number, number][];
  outputLayers: [string, number, number][];
}

/** A model with a graph, as the config functions need it (the `Model` class satisfies it). */
export interface GraphModelLike {
  readonly name: string;
  readonly layers: Layer[];
  readonly inputs: SymbolicTensor[];
  readonly outputs: SymbolicTensor[];
  readonly graphNodes: ReadonlySet<Node>;
  /** The keys of dict inputs / outputs, or null (a list). */
  readonly inputKeys?: readonly string[] | null;
  readonly outputKeys?: readonly string[] | null;
}

/**
 * Whether a layer's first node is its own (a graph model's input-to-output node, Keras 2's
 * `_should_skip_first_node`): those nodes are not serialized, and nested models count calls from 1.
 */
export function skipsFirstNode(layer: Layer): boolean {
  return !(layer instanceof InputLayer) && layer.inboundNodes.length > 0 && layer.inboundNodes[0].isInput;
}

/**
 * `Model.getConfig()`: the functional config of a graph model; a subclassed model has none (a
 * NotImplementedError naming it, pointing to saveWeights).
 * @example modelConfig(model, true).layers.length
 */
export function modelConfig(model: GraphModelLike, isGraph: boolean): FunctionalConfig {
  if (!isGraph) {
    throw new NotImplementedError(
      `${layerLabel(model)}: a subclassed model has no config; save its weights with saveWeights(), or build it with the functional API or Sequential`,
    );
  }
  return functionalConfig(model);
}

/**
 * The Keras functional config of a graph model: every layer with its config and the calls made
 * in this model (node indices renumbered to count only this model's calls, as Keras does), and
 * the input and output coordinates.
 * @example functionalConfig(model).inputLayers // [['input_layer', 0, 0]]
 */
export function functionalConfig(model: GraphModelLike): FunctionalConfig {
  // The TF.js Layers format has lists of input and output layers; dict keys would be lost on load.
  if (model.inputKeys || model.outputKeys) {
    throw new NotImplementedError(
      `Model '${model.name}': a model built with dict ${model.outputKeys ? 'outputs' : 'inputs'} has no config (the TF.js Layers format keeps lists, so the keys would be lost); save its weights with saveWeights(), or build it with lists`,
    );
  }
  const nodes = model.graphNodes;
  const converted = new Map<Node, number>();
  for (const layer of model.layers) {
    let kept = skipsFirstNode(layer) ? 1 : 0;
    for (const node of layer.inboundNodes) if (nodes.has(node)) converted.set(node, kept++);
  }
  const coordinate = (t: SymbolicTensor): [string, number, number] => [
    t.sourceLayer.name,
    converted.get(producerNode(t)) ?? t.nodeIndex,
    t.tensorIndex,
  ];
  const layers = model.layers.map((layer): LayerEntry => {
    const inboundNodes = layer.inboundNodes
      .filter((node) => nodes.has(node) && !node.isInput)
      .map((node) => node.inputTensors.map((t): NodeRef => [...coordinate(t), { ...node.callArgs }]));
    return { className: layer.className, config: layer.getConfig(), name: layer.name, inboundNodes };
  });
  return {
    name: model.name,
    layers,
    inputLayers: model.inputs.map(coordinate),
    outputLayers: model.outputs.map(coordinate),
  };
}

function fail(message: string): never {
  throw new ValueError(`Model.fromConfig: ${message}`);
}

function readCoordinates(value: unknown, key: string): [string, number, number][] {
  // A single coordinate [name, node, tensor] is accepted where a list is expected, as Keras does.
  const list = Array.isArray(value) && typeof value[0] === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0)
    fail(`${key} must be a non-empty list of [layerName, nodeIndex, tensorIndex], got ${JSON.stringify(value)}`);
  return list.map((c) => {
    if (!Array.isArray(c) || typeof c[0] !== 'string' || !Number.isInteger(c[1]) || !Number.isInteger(c[2])) {
      fail(`${key}: expected [layerName, nodeIndex, tensorIndex], got ${JSON.stringify(c)}`);
    }
    return [c[0], c[1], c[2]] as [string, number, number];
  });
}

function readNodeRefs(value: unknown, layerName: string): NodeRef[] {
  const refs = Array.isArray(value) && typeof value[0] === 'string' ? [value] : value;
  if (!Array.isArray(refs))
    fail(`layer '${layerName}': an inbound node must be a list of inputs, got ${JSON.stringify(value)}`);
  return refs.map((r) => {
    if (!Array.isArray(r) || (r.length !== 3 && r.length !== 4) || typeof r[0] !== 'string') {
      fail(`layer '${layerName}': expected [layerName, nodeIndex, tensorIndex, kwargs], got ${JSON.stringify(r)}`);
    }
    const kwargs =
      r[3] !== undefined && r[3] !== null && typeof r[3] === 'object' ? (r[3] as Record<string, unknown>) : {};
    return [r[0], Number(r[1]), Number(r[2]), kwargs] as NodeRef;
  });
}

/**
 * Rebuilds the symbolic graph of a functional config (Keras' `reconstruct_from_config`): creates
 * every layer, then replays the calls in order, re-queueing calls whose inputs do not exist yet
 * (layers shared at different depths). Returns the model name, inputs and outputs.
 * @example const { inputs, outputs } = functionalFromConfig(model.getConfig());
 */
export function functionalFromConfig(config: FunctionalConfig): {
  name: string | undefined;
  inputs: SymbolicTensor[];
  outputs: SymbolicTensor[];
} {
  if (config === null || typeof config !== 'object' || !Array.isArray(config.layers)) {
    fail(`expected { name, layers: [...], inputLayers, outputLayers }, got ${JSON.stringify(config)?.slice(0, 200)}`);
  }
  const created = new Map<string, Layer>();
  const pending = new Map<Layer, NodeRef[][]>();
  const nodeIndexMap = new Map<string, number>();
  const callCount = new Map<Layer, number>();

  for (const entry of config.layers) {
    if (entry === null || typeof entry !== 'object' || typeof entry.className !== 'string') {
      fail(`every layer needs { className, config, name, inboundNodes }, got ${JSON.stringify(entry)?.slice(0, 200)}`);
    }
    const name = entry.name ?? (entry.config?.name as string | undefined);
    if (typeof name !== 'string') fail(`a layer of class '${entry.className}' has no name`);
    let layer = created.get(name);
    if (!layer) {
      layer = deserializeModelOrLayer({ className: entry.className, config: { ...(entry.config ?? {}), name } });
      created.set(name, layer);
    }
    callCount.set(layer, skipsFirstNode(layer) ? 1 : 0);
    const calls = entry.inboundNodes ?? [];
    if (!Array.isArray(calls)) fail(`layer '${name}': inboundNodes must be a list, got ${JSON.stringify(calls)}`);
    if (calls.length > 0)
      pending.set(
        layer,
        calls.map((c) => readNodeRefs(c, name)),
      );
  }

  const nodeIndexOf = (layer: Layer, configIndex: number): number | undefined =>
    layer instanceof InputLayer ? 0 : nodeIndexMap.get(`${layer.name}\u0000${configIndex}`);
  const tensorAt = (ref: [string, number, number], where: string): SymbolicTensor | null => {
    const [name, configIndex, tensorIndex] = ref;
    const source = created.get(name);
    if (!source) fail(`${where} refers to an unknown layer '${name}'`);
    const index = nodeIndexOf(source, configIndex);
    if (index === undefined) return null;
    const t = source.inboundNodes[index]?.outputTensors[tensorIndex];
    if (!t) fail(`${where} refers to output ${tensorIndex} of call ${configIndex} of '${name}', which does not exist`);
    return t;
  };
  const processCall = (layer: Layer, refs: NodeRef[]): boolean => {
    const inputs: SymbolicTensor[] = [];
    for (const ref of refs) {
      const t = tensorAt([ref[0], ref[1], ref[2]], `layer '${layer.name}'`);
      if (!t) return false;
      inputs.push(t);
    }
    // The call's flag options (training, Attention's use_causal_mask) replay; Keras may spell them in snake_case.
    const options: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(refs[0]?.[3] ?? {})) {
      if (typeof value === 'boolean') options[snakeToCamel(key)] = value;
    }
    const out = layer.apply(inputs.length === 1 ? inputs[0] : inputs, options as CallOptions);
    const first = Array.isArray(out) ? out[0] : out;
    const count = callCount.get(layer) ?? 0;
    nodeIndexMap.set(`${layer.name}\u0000${count}`, first.nodeIndex);
    callCount.set(layer, count + 1);
    return true;
  };

  while (pending.size > 0) {
    let progressed = false;
    for (const entry of config.layers) {
      const layer = created.get(entry.name ?? (entry.config?.name as string)) as Layer;
      const calls = pending.get(layer);
      if (!calls) continue;
      while (calls.length > 0 && processCall(layer, calls[0])) {
        calls.shift();
        progressed = true;
      }
      if (calls.length === 0) pending.delete(layer);
    }
    if (!progressed && pending.size > 0) {
      fail(
        `cannot connect the layers [${[...pending.keys()].map((l) => `'${l.name}'`).join(', ')}]: their inputs are never computed`,
      );
    }
  }

  const resolve = (key: 'inputLayers' | 'outputLayers') =>
    readCoordinates(config[key], key).map((c) => {
      const t = tensorAt(c, key);
      if (!t) fail(`${key} refers to call ${c[1]} of '${c[0]}', which the config never makes`);
      return t;
    });
  return {
    name: typeof config.name === 'string' ? config.name : undefined,
    inputs: resolve('inputLayers'),
    outputs: resolve('outputLayers'),
  };
}
