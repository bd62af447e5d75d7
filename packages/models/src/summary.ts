import type { Variable } from '@horn/autograd';
import { Layer, type LayerShape, type Node } from '@horn/layers';
import type { KerasOptions } from '@horn/tensor';
import { normalizeOptions, type Tensor } from '@horn/tensor';
import type { Model } from './model.js';
import { type Justify, renderTable, tableWidths } from './summary-table.js';

/**
 * Column boundaries as fractions of the line (Keras' `positions`).
 * @example
 * const lines: string[] = [];
 * printSummary(model, { lineLength: 60, positions: [0.5, 0.8, 1], printFn: (line) => lines.push(line) });
 * // columns end at 50%, 80% and 100% of the 60 characters
 */
export type SummaryPositions = readonly number[];

/**
 * Options of {@link printSummary}.
 * @example printSummary(model, { lineLength: 100, printFn: (line) => lines.push(line) });
 */
export interface SummaryOptions {
  /** Total width; default Keras': 88 (108 with "Connected to"), capped at the terminal width - 4. */
  lineLength?: number;
  positions?: SummaryPositions;
  /** Receives each line; default `console.log`. */
  printFn?: (line: string) => void;
}

const SUMMARY_KEYS: readonly string[] = ['lineLength', 'positions', 'printFn'];

/** Python's `shutil.get_terminal_size().columns`: the TTY width, else $COLUMNS, else 80. */
function terminalColumns(): number {
  const proc = (
    globalThis as {
      process?: { stdout?: { isTTY?: boolean; columns?: number }; env?: Record<string, string | undefined> };
    }
  ).process;
  const env = Number(proc?.env?.COLUMNS);
  if (Number.isInteger(env) && env > 0) return env;
  if (proc?.stdout?.isTTY && proc.stdout.columns) return proc.stdout.columns;
  return 80;
}

/** `(None, 26, 26, 32)`, as Keras prints shapes. */
function formatShape(shape: LayerShape): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

function formatShapes(shapes: readonly LayerShape[]): string {
  return shapes.length === 1 ? formatShape(shapes[0]) : `[${shapes.map(formatShape).join(', ')}]`;
}

/**
 * Keras' `readable_memory_size`: `12.79 KB`.
 * @example
 * readableMemorySize(13099); // '12.79 KB'
 * readableMemorySize(100); // '100.00 B'
 */
export function readableMemorySize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  for (const unit of units) {
    if (size / 1024 < 1) return `${size.toFixed(2)} ${unit}`;
    size /= 1024;
  }
  return `${size.toFixed(2)} PB`;
}

/** `3,274 (12.79 KB)`. */
function paramCount(count: number, bytes: number): string {
  return `${count.toLocaleString('en-US')} (${readableMemorySize(bytes)})`;
}

/**
 * The class name Keras 3 would print: the static className (`Functional` for a graph `Model`, as
 * Keras 3 names that class), or a subclass's own JS name.
 */
export function displayClassName(layer: Layer): string {
  const ctor = layer.constructor as { name: string; className?: string };
  if (!Object.hasOwn(ctor, 'className')) return ctor.name || layer.className;
  const graph = (layer as Partial<Pick<Model, 'isGraphNetwork'>>).isGraphNetwork === true;
  return ctor.className === 'Model' && graph ? 'Functional' : (ctor.className as string);
}

/** Keras 3's rule: a graph model is "sequential-like" when each depth holds one single-input node and no layer is shared. */
function isSequentialLike(model: Model, nodes: ReadonlySet<Node>): boolean {
  if (model.className === 'Sequential' || !model.isGraphNetwork) return true;
  for (const depthNodes of model.graphNodesByDepth.values()) {
    if (depthNodes.length > 1 || (depthNodes.length === 1 && depthNodes[0].inputTensors.length > 1)) return false;
  }
  return model.layers.every((layer) => layer.inboundNodes.filter((n) => nodes.has(n)).length <= 1);
}

function outputShapeText(layer: Layer, nodes: ReadonlySet<Node>): string {
  const own = layer.inboundNodes.filter((n) => nodes.has(n));
  const node = (own.length > 0 ? own : layer.inboundNodes).at(-1);
  if (node) return formatShapes(node.outputTensors.map((t) => t.shape));
  // Keras prints '?' for a layer it could only size by running it (no computeOutputShape of its own).
  if (layer.built && layer.buildInputShape && declaresOutputShape(layer)) {
    try {
      const out = layer.computeOutputShape(layer.buildInputShape);
      return formatShapes((Array.isArray(out[0]) ? out : [out]) as LayerShape[]);
    } catch {
      return '?';
    }
  }
  return '?';
}

function declaresOutputShape(layer: Layer): boolean {
  if ((layer as Partial<Pick<Model, 'isGraphNetwork'>>).isGraphNetwork === false) return false;
  return layer.computeOutputShape !== Layer.prototype.computeOutputShape;
}

function connections(layer: Layer, nodes: ReadonlySet<Node>): string {
  const parts: string[] = [];
  for (const node of layer.inboundNodes) {
    if (!nodes.has(node)) continue;
    for (const t of node.inputTensors) parts.push(`${t.sourceLayer.name}[${t.nodeIndex}][${t.tensorIndex}]`);
  }
  return parts.length > 0 ? parts.join(', ') : '-';
}

function totals(weights: readonly Variable[]): [number, number] {
  const count = weights.reduce((n, w) => n + w.size, 0);
  return [count, count * 4];
}

/** The optimizer's variables as Keras 3 counts them (iterations, learning rate, slots), if built. */
function optimizerTotals(model: Model): [number, number] | null {
  const optimizer = model.compiled?.optimizer;
  if (!optimizer) return null;
  const state: Tensor[] = optimizer.getWeights();
  const slots = state.slice(1).reduce((n, t) => n + t.size, 0);
  for (const t of state) t.dispose();
  if (state.length <= 1 && optimizer.iterations === 0) return null;
  return [slots + 2, slots * 4 + 8 + 4];
}

/**
 * The lines of `model.summary()` in Keras 3's layout: `Model: "name"`, a table of the layers
 * (name and class, output shape, parameter count, and "Connected to" for non-sequential graphs),
 * then total / trainable / non-trainable (and optimizer) parameter counts with their sizes.
 * @example summaryLines(model, { lineLength: 76 }).join('\n')
 */
export function summaryLines(model: Model, options: KerasOptions<SummaryOptions> = {}): string[] {
  options = normalizeOptions('summary', options, SUMMARY_KEYS) as SummaryOptions;
  const nodes = model.graphNodes;
  const sequential = isSequentialLike(model, nodes);
  const lineLength = options.lineLength ?? Math.min(sequential ? 88 : 108, terminalColumns() - 4);
  const positions = options.positions ?? (sequential ? [0.45, 0.8, 1] : [0.3, 0.56, 0.74, 1]);
  const headers = ['Layer (type)', 'Output Shape', 'Param #'];
  const justify: Justify[] = ['left', 'left', 'right'];
  if (!sequential) {
    headers.push('Connected to');
    justify.push('left');
  }
  const rows = model.layers.map((layer) => {
    const params = layer.built ? layer.countParams().toLocaleString('en-US') : '0 (unbuilt)';
    const row = [`${layer.name} (${displayClassName(layer)})`, outputShapeText(layer, nodes), params];
    if (!sequential) row.push(connections(layer, nodes));
    return row;
  });
  const widths = tableWidths(lineLength, positions.slice(0, headers.length));
  const [trainable, trainableBytes] = totals(model.trainableWeights);
  const [frozen, frozenBytes] = totals(model.nonTrainableWeights);
  const optimizer = optimizerTotals(model);
  const [optCount, optBytes] = optimizer ?? [0, 0];
  const lines = [
    `Model: "${model.name}"`,
    ...renderTable(headers, justify, widths, rows),
    ` Total params: ${paramCount(trainable + frozen + optCount, trainableBytes + frozenBytes + optBytes)}`,
    ` Trainable params: ${paramCount(trainable, trainableBytes)}`,
    ` Non-trainable params: ${paramCount(frozen, frozenBytes)}`,
  ];
  if (optimizer) lines.push(` Optimizer params: ${paramCount(optCount, optBytes)}`);
  return lines;
}

/**
 * Prints {@link summaryLines} line by line (default `console.log`).
 * @example printSummary(model, { printFn: (line) => out.push(line) });
 */
export function printSummary(model: Model, options: KerasOptions<SummaryOptions> = {}): void {
  options = normalizeOptions('summary', options, SUMMARY_KEYS) as SummaryOptions;
  const print = options.printFn ?? ((line: string) => console.log(line));
  for (const line of summaryLines(model, options)) print(line);
}
