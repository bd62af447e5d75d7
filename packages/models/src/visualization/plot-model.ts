import type { Layer, LayerShape, Node } from '@horn/layers';
import { ValueError } from '@horn/tensor';
import { Model } from '../model.js';
import { nodeFileSystem } from '../saving/file-system.js';
import { Sequential } from '../sequential.js';
import { displayClassName } from '../summary.js';
import { type DiagramBox, type DiagramCluster, type DiagramEdge, renderDiagram } from './svg-diagram.js';

/**
 * Options of {@link modelToSvg}: Keras's `model_to_dot` arguments in camelCase.
 * @example modelToSvg(model, { showShapes: true, rankdir: 'LR' } satisfies ModelToSvgOptions);
 */
export interface ModelToSvgOptions {
  /** Show each layer's input and output shapes (default false). */
  showShapes?: boolean;
  /** Show each layer's output dtype (default false). */
  showDtype?: boolean;
  /** Show `name (ClassName)` rather than the class name alone (default false, as Keras's plot_model). */
  showLayerNames?: boolean;
  /** 'TB' (top to bottom, default) or 'LR' (left to right). */
  rankdir?: 'TB' | 'LR';
  /** Draw nested Sequential / functional models as dashed frames holding their layers (default false). */
  expandNested?: boolean;
}

/**
 * Options of {@link plotModel}: those of {@link modelToSvg} and `toFile`.
 * @example await plotModel(model, { showShapes: true, toFile: 'model.svg' } satisfies PlotModelOptions);
 */
export interface PlotModelOptions extends ModelToSvgOptions {
  /** Also write the SVG to this path, which must end in `.svg` (Node). */
  toFile?: string;
}

const KEYS = ['showShapes', 'showDtype', 'showLayerNames', 'rankdir', 'expandNested'];

/** `(None, 784)`, as Python prints a shape tuple (one dimension: `(None,)`). */
function pyShape(shape: LayerShape): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

const pyShapes = (shapes: readonly LayerShape[]) =>
  shapes.length === 1 ? pyShape(shapes[0]) : `[${shapes.map(pyShape).join(', ')}]`;

interface Drawing {
  boxes: DiagramBox[];
  edges: DiagramEdge[];
  clusters: DiagramCluster[];
  ids: Map<Layer, string>;
}

const isGraphModel = (layer: Layer): layer is Model => layer instanceof Model && layer.isGraphNetwork;

/**
 * Keras's `model_to_dot`, drawn by Horn as SVG: a box per layer (`ClassName`, or `name (ClassName)`
 * with `showLayerNames`; shapes and dtype under it when asked), an arrow per connection of the
 * functional graph (consecutive layers for a Sequential), one box for a subclassed model. With
 * `expandNested`, nested models are dashed frames and arrows go to and from the layers inside them.
 * @example
 * const svg = modelToSvg(model, { showShapes: true, showLayerNames: true, rankdir: 'LR' });
 */
export function modelToSvg(model: Model, options: ModelToSvgOptions = {}): string {
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key))
      throw new ValueError(`plotModel: unknown or unsupported option '${key}'; expected one of ${KEYS.join(', ')}`);
  }
  const rankdir = options.rankdir ?? 'TB';
  if (rankdir !== 'TB' && rankdir !== 'LR')
    throw new ValueError(`plotModel: rankdir must be 'TB' or 'LR', got ${JSON.stringify(rankdir)}`);
  if (!((model as unknown) instanceof Model))
    throw new ValueError('plotModel: expected a Model (Sequential or functional)');
  const drawing: Drawing = { boxes: [], edges: [], clusters: [], ids: new Map() };
  if (!model.isGraphNetwork && !(model instanceof Sequential)) {
    addBox(drawing, model, undefined, options, undefined);
  } else {
    drawModel(drawing, model, undefined, options);
  }
  return renderDiagram(drawing.boxes, drawing.edges, drawing.clusters, rankdir);
}

/**
 * Keras's `keras.utils.plot_model`: {@link modelToSvg}, also written to `toFile` when given (Node;
 * SVG only, where Keras writes what graphviz renders). Resolves to the SVG text.
 * @example await plotModel(model, { showShapes: true, toFile: 'model.svg' });
 */
export async function plotModel(model: Model, options: PlotModelOptions = {}): Promise<string> {
  const { toFile, ...drawing } = options;
  const svg = modelToSvg(model, drawing);
  if (toFile !== undefined) {
    if (typeof toFile !== 'string' || !toFile.toLowerCase().endsWith('.svg')) {
      throw new ValueError(`plotModel: toFile must name an .svg file (Horn draws SVG), got '${String(toFile)}'`);
    }
    const fs = await nodeFileSystem();
    await fs.writeFile(toFile, new TextEncoder().encode(svg));
  }
  return svg;
}

function drawModel(drawing: Drawing, model: Model, cluster: string | undefined, options: ModelToSvgOptions): void {
  const nodes = model.graphNodes;
  for (const layer of model.layers) {
    if (options.expandNested && isGraphModel(layer)) {
      const id = `cluster-${layer.name}`;
      drawing.clusters.push({ id, label: layer.name, parent: cluster });
      drawModel(drawing, layer, id, options);
    } else {
      addBox(drawing, layer, cluster, options, nodeOf(layer, nodes));
    }
  }
  const connect = (source: Layer, outputIndex: number, destination: Layer, inputIndex: number) => {
    let [from, to] = [source, destination];
    if (options.expandNested) [from, to] = [innerSource(from, outputIndex), innerDestination(to, inputIndex)];
    const edge = { from: drawing.ids.get(from) ?? '', to: drawing.ids.get(to) ?? '' };
    if (!drawing.edges.some((e) => e.from === edge.from && e.to === edge.to)) drawing.edges.push(edge);
  };
  if (model instanceof Sequential) {
    const layers = model.layers;
    for (let i = 1; i < layers.length; i++) connect(layers[i - 1], 0, layers[i], 0);
    return;
  }
  for (const layer of model.layers) {
    for (const node of layer.inboundNodes) {
      if (!nodes.has(node)) continue;
      node.inputTensors.forEach((t, inputIndex) => {
        connect(t.sourceLayer, t.tensorIndex, layer, inputIndex);
      });
    }
  }
}

// A nested model has no box of its own: arrows leave from the layer producing the output...
function innerSource(layer: Layer, outputIndex: number): Layer {
  let at = layer;
  let index = outputIndex;
  while (isGraphModel(at)) {
    const t = at.outputs[index] ?? at.outputs[0];
    [at, index] = [t.sourceLayer, t.tensorIndex];
  }
  return at;
}

// ...and arrive at its InputLayer (functional) or its first layer (Sequential, no InputLayer drawn).
function innerDestination(layer: Layer, inputIndex: number): Layer {
  let at = layer;
  let index = inputIndex;
  while (isGraphModel(at)) {
    at = at instanceof Sequential ? at.layers[0] : (at.inputs[index] ?? at.inputs[0]).sourceLayer;
    index = 0;
  }
  return at;
}

function nodeOf(layer: Layer, nodes: ReadonlySet<Node>): Node | undefined {
  return layer.inboundNodes.find((n) => nodes.has(n)) ?? layer.inboundNodes[0];
}

function addBox(
  drawing: Drawing,
  layer: Layer,
  cluster: string | undefined,
  options: ModelToSvgOptions,
  node: Node | undefined,
): void {
  const className = displayClassName(layer);
  const id = `layer-${layer.name}`;
  drawing.ids.set(layer, id);
  const lines = [options.showLayerNames ? `${layer.name} (${className})` : className];
  if (options.showShapes) {
    if (className !== 'InputLayer')
      lines.push(`Input shape: ${node && !node.isInput ? pyShapes(node.inputShapes) : '?'}`);
    lines.push(`Output shape: ${node ? pyShapes(node.outputShapes) : '?'}`);
  }
  if (options.showDtype) {
    const dtypes = node?.outputTensors.map((t) => t.dtype) ?? [];
    const text =
      dtypes.length === 0 ? '?' : dtypes.length === 1 ? dtypes[0] : `[${dtypes.map((d) => `'${d}'`).join(', ')}]`;
    lines.push(`Output dtype: ${text}`);
  }
  drawing.boxes.push({ id, lines, cluster });
}
