import {
  fmtShape,
  getKerasMask,
  InputLayer,
  type Layer,
  type LayerMask,
  type LayerShape,
  type Node,
  SymbolicTensor,
} from '@horn/layers';
import { ShapeError, type Tensor, ValueError } from '@horn/tensor';
import { graphInputMasks, nodeMask } from './graph-masks.js';

/**
 * A functional model's graph (Keras' `_map_graph_network`): its inputs and outputs, its nodes
 * grouped by depth (depth 0 holds the nodes that produce the outputs), and its layers in
 * topological order (inputs first; the same order Keras gives `model.layers`).
 * @example
 * const x = Input({ shape: [3] });
 * const graph = mapGraph('functional', [x], [new Dense({ units: 2 }).apply(x)]);
 * graph.layers.map((l) => l.className); // ['InputLayer', 'Dense']
 */
export interface ModelGraph {
  readonly inputs: SymbolicTensor[];
  readonly outputs: SymbolicTensor[];
  /** The nodes of the model, by depth. */
  readonly nodesByDepth: ReadonlyMap<number, Node[]>;
  /** The depths, largest (the inputs) first: the execution order. */
  readonly depths: number[];
  /** Every layer, by decreasing depth, ties in traversal order (InputLayers included). */
  readonly layers: Layer[];
  /** The nodes that belong to this model (a shared layer also has nodes in other models). */
  readonly nodes: ReadonlySet<Node>;
}

/** The node that produced a symbolic tensor. */
export function producerNode(t: SymbolicTensor): Node {
  return t.sourceLayer.inboundNodes[t.nodeIndex];
}

function checkTensors(owner: string, what: 'inputs' | 'outputs', value: unknown): SymbolicTensor[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new ValueError(`${owner}: ${what} must not be empty`);
  list.forEach((t, i) => {
    if (!(t instanceof SymbolicTensor)) {
      const got = t === null ? 'null' : t === undefined ? 'undefined' : (t.constructor?.name ?? typeof t);
      throw new ValueError(
        `${owner}: ${what}[${i}] must be a SymbolicTensor (from Input() or layer.apply(symbolic)), got ${got}`,
      );
    }
  });
  return list as SymbolicTensor[];
}

/**
 * Walks back from the outputs to the inputs and orders the graph (Keras 2's algorithm, so that
 * `layers` and serialized configs come out in Keras' order). Throws a ValueError when an input is
 * not from `Input()`, a tensor cannot be computed from the inputs ("graph disconnected"), the
 * graph has a cycle, or two layers share a name.
 * @example mapGraph("Model 'functional'", [x], [y]).layers
 */
export function mapGraph(owner: string, inputsArg: unknown, outputsArg: unknown): ModelGraph {
  const inputs = checkTensors(owner, 'inputs', inputsArg);
  const outputs = checkTensors(owner, 'outputs', outputsArg);
  inputs.forEach((t, i) => {
    if (!(t.sourceLayer instanceof InputLayer)) {
      throw new ValueError(
        `${owner}: inputs[${i}] must come from Input() (an InputLayer), got the output of ${t.sourceLayer.className} '${t.sourceLayer.name}'`,
      );
    }
    if (inputs.indexOf(t) !== i) throw new ValueError(`${owner}: inputs[${i}] ('${t.name}') is given twice`);
  });

  const finished = new Set<Node>();
  const inProgress = new Set<Node>();
  const ordered: Node[] = [];
  const layerIndices = new Map<Layer, number>();
  const visit = (t: SymbolicTensor): void => {
    const node = producerNode(t);
    if (finished.has(node)) return;
    if (inProgress.has(node))
      throw new ValueError(`${owner}: the tensor ${t} at layer '${t.sourceLayer.name}' is part of a cycle`);
    if (!layerIndices.has(t.sourceLayer)) layerIndices.set(t.sourceLayer, layerIndices.size);
    inProgress.add(node);
    if (!node.isInput) for (const x of node.inputTensors) visit(x);
    finished.add(node);
    inProgress.delete(node);
    ordered.push(node);
  };
  for (const t of outputs) visit(t);

  const nodeDepths = new Map<Node, number>();
  const layerDepths = new Map<Layer, number>();
  for (const node of [...ordered].reverse()) {
    let depth = nodeDepths.get(node) ?? 0;
    depth = Math.max(depth, layerDepths.get(node.outboundLayer) ?? 0);
    layerDepths.set(node.outboundLayer, depth);
    nodeDepths.set(node, depth);
    if (node.isInput) continue;
    for (const x of node.inputTensors) {
      const parent = producerNode(x);
      nodeDepths.set(parent, Math.max(depth + 1, nodeDepths.get(parent) ?? 0));
    }
  }
  // Inputs not connected to the outputs still belong to the model (Keras keeps them).
  for (const t of inputs) {
    if (!layerDepths.has(t.sourceLayer)) {
      layerDepths.set(t.sourceLayer, 0);
      layerIndices.set(t.sourceLayer, -1);
      nodeDepths.set(producerNode(t), 0);
    }
  }

  const nodesByDepth = new Map<number, Node[]>();
  for (const [node, depth] of nodeDepths) {
    const list = nodesByDepth.get(depth) ?? [];
    list.push(node);
    nodesByDepth.set(depth, list);
  }
  const layersByDepth = new Map<number, Layer[]>();
  for (const [layer, depth] of layerDepths) {
    const list = layersByDepth.get(depth) ?? [];
    list.push(layer);
    layersByDepth.set(depth, list);
  }
  const layers = [...layersByDepth.keys()]
    .sort((a, b) => b - a)
    .flatMap((d) =>
      (layersByDepth.get(d) ?? []).sort((a, b) => (layerIndices.get(a) ?? 0) - (layerIndices.get(b) ?? 0)),
    );
  const depths = [...nodesByDepth.keys()].sort((a, b) => b - a);

  // Every tensor must be computable from the given inputs.
  const computable = new Set<SymbolicTensor>(inputs);
  const reached: string[] = [];
  for (const depth of depths) {
    for (const node of nodesByDepth.get(depth) ?? []) {
      if (node.isInput) continue;
      for (const x of node.inputTensors) {
        if (!computable.has(x)) {
          throw new ValueError(
            `${owner}: graph disconnected: cannot obtain the value of ${x} at layer '${node.outboundLayer.name}' from the inputs [${inputs.map((t) => `'${t.name}'`).join(', ')}]; layers reached without issue: [${reached.join(', ')}]`,
          );
        }
      }
      for (const y of node.outputTensors) computable.add(y);
      reached.push(`'${node.outboundLayer.name}'`);
    }
  }
  for (const t of outputs) {
    if (!computable.has(t) && !(t.sourceLayer instanceof InputLayer && inputs.includes(t))) {
      throw new ValueError(`${owner}: graph disconnected: output ${t} cannot be computed from the inputs`);
    }
  }

  const names = new Map<string, number>();
  for (const layer of layers) names.set(layer.name, (names.get(layer.name) ?? 0) + 1);
  for (const [name, count] of names) {
    if (count > 1) {
      throw new ValueError(
        `${owner}: the name '${name}' is used by ${count} layers in the model; layer names must be unique`,
      );
    }
  }
  return { inputs, outputs, nodesByDepth, depths, layers, nodes: new Set(nodeDepths.keys()) };
}

/**
 * Checks input shapes against the model's inputs: the same count, rank and known sizes. Throws a
 * ShapeError naming the model, the input, the expected and the given shapes.
 */
export function checkGraphInputShapes(owner: string, graph: ModelGraph, shapes: readonly LayerShape[]): void {
  if (shapes.length !== graph.inputs.length) {
    const names = graph.inputs.map((t) => `'${t.sourceLayer.name}'`).join(', ');
    throw new ValueError(`${owner}: expected ${graph.inputs.length} input(s) (${names}), got ${shapes.length}`);
  }
  graph.inputs.forEach((t, i) => {
    const given = shapes[i];
    const ok =
      given.length === t.shape.length && t.shape.every((d, k) => d === null || given[k] === null || d === given[k]);
    if (!ok) {
      const which = graph.inputs.length > 1 ? ` input ${i} ('${t.sourceLayer.name}')` : '';
      throw new ShapeError(`${owner}:${which} expected input shape ${fmtShape(t.shape)}, got ${fmtShape(given)}`);
    }
  });
}

/**
 * Runs the graph on eager tensors, depth by depth; returns one tensor per model output. A layer
 * called with `training` fixed keeps it; the others get `training` (undefined: their own default).
 * Masks flow node by node (Keras 3): `mask` gives the inputs' (else those they carry), each call
 * gets the masks of its inputs, and each output carries the mask its layer computed.
 */
export function runGraph(
  graph: ModelGraph,
  inputs: readonly Tensor[],
  training: boolean | undefined,
  mask?: LayerMask,
): Tensor[] {
  const values = new Map<SymbolicTensor, Tensor>();
  const masks = new Map<SymbolicTensor, Tensor | null>();
  const inputMasks = graphInputMasks(inputs, mask);
  graph.inputs.forEach((t, i) => {
    values.set(t, inputs[i]);
    masks.set(t, inputMasks[i]);
  });
  for (const depth of graph.depths) {
    for (const node of graph.nodesByDepth.get(depth) ?? []) {
      if (node.isInput) continue;
      const args = node.inputTensors.map((x) => values.get(x) as Tensor);
      const out = node.outboundLayer.apply(args.length === 1 ? args[0] : args, {
        ...node.callArgs,
        mask: nodeMask(node, masks),
        training: node.callArgs.training ?? training,
      });
      const list = Array.isArray(out) ? out : [out];
      checkNodeOutputs(node, list);
      node.outputTensors.forEach((y, i) => {
        values.set(y, list[i]);
        masks.set(y, getKerasMask(list[i]));
      });
    }
  }
  return graph.outputs.map((t) => values.get(t) as Tensor);
}

/**
 * The tensors a layer returned must match what its symbolic call promised (count, rank and known
 * sizes): a wrong `computeOutputShape` would otherwise give a model whose summary and downstream
 * layers disagree with what `predict` returns.
 */
function checkNodeOutputs(node: Node, outputs: readonly Tensor[]): void {
  const layer = node.outboundLayer;
  const expected = node.outputShapes;
  const label = `${layer.className} '${layer.name}'`;
  if (outputs.length !== expected.length) {
    throw new ShapeError(
      `${label}: call() returned ${outputs.length} tensor(s), but its symbolic call in the model gave ${expected.length} output(s) (${expected.map(fmtShape).join(', ')})`,
    );
  }
  outputs.forEach((t, i) => {
    const want = expected[i];
    const ok = t.shape.length === want.length && want.every((d, k) => d === null || d === t.shape[k]);
    if (!ok) {
      throw new ShapeError(
        `${label}: call() returned shape ${fmtShape(t.shape)}${expected.length > 1 ? ` for output ${i}` : ''}, but its symbolic call in the model gave ${fmtShape(want)}; fix the layer's computeOutputShape (or remove it, and Horn infers the shape by running call)`,
      );
    }
  });
}

/** The output shapes for given input shapes, from each layer's computeOutputShape (no kernel runs). */
export function graphOutputShapes(graph: ModelGraph, inputShapes: readonly LayerShape[]): LayerShape[] {
  const shapes = new Map<SymbolicTensor, LayerShape>();
  graph.inputs.forEach((t, i) => {
    shapes.set(t, inputShapes[i]);
  });
  for (const depth of graph.depths) {
    for (const node of graph.nodesByDepth.get(depth) ?? []) {
      if (node.isInput) continue;
      const args = node.inputTensors.map((x) => shapes.get(x) as LayerShape);
      const out = node.outboundLayer.computeOutputShape(args.length === 1 ? args[0] : args);
      const list = (Array.isArray(out[0]) ? out : [out]) as LayerShape[];
      node.outputTensors.forEach((y, i) => {
        shapes.set(y, list[i]);
      });
    }
  }
  return graph.outputs.map((t) => shapes.get(t) as LayerShape);
}
