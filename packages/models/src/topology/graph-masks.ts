import {
  getKerasMask,
  type LayerMask,
  type MaskedShape,
  type Node,
  type SymbolicTensor,
  symbolicOutputMasks,
} from '@horn/layers';
import { keep, type Tensor, tidy } from '@horn/tensor';
import type { ModelGraph } from './graph.js';

/**
 * One mask per model input: the given ones (null where none), else those the input tensors carry.
 * @example graphInputMasks([x], mask) // [mask]
 */
export function graphInputMasks(inputs: readonly Tensor[], mask: LayerMask | undefined): (Tensor | null)[] {
  const given = mask === undefined || mask === null ? [] : Array.isArray(mask) ? mask : [mask];
  return inputs.map((x, i) => given[i] ?? getKerasMask(x));
}

/**
 * The mask option of one node's call in a graph run: the masks of its inputs (one, or a list for a
 * list call), or undefined when none has one.
 * @example nodeMask(node, masks) // the mask of the node's single input, or undefined
 */
export function nodeMask(node: Node, masks: ReadonlyMap<SymbolicTensor, Tensor | null>): LayerMask | undefined {
  const list = node.inputTensors.map((x) => masks.get(x) ?? null);
  if (!list.some((m) => m !== null)) return undefined;
  return list.length === 1 ? list[0] : list;
}

// The output masks of a graph's latest runs, by their first input tensor (weakly: a collected
// input takes its entry with it), so that `Model.computeMask` after a call does not run it again.
const lastRuns = new WeakMap<ModelGraph, WeakMap<Tensor, { masks: (Tensor | null)[]; given: LayerMask | undefined }>>();

/**
 * Records the output masks of a graph run on `inputs` (called by `Model.call`).
 * @example recordGraphMasks(graph, [ids], undefined, outputs)
 */
export function recordGraphMasks(
  graph: ModelGraph,
  inputs: readonly Tensor[],
  given: LayerMask | undefined,
  outputs: readonly Tensor[],
): void {
  let runs = lastRuns.get(graph);
  if (!runs) {
    runs = new WeakMap();
    lastRuns.set(graph, runs);
  }
  runs.set(inputs[0], { masks: outputs.map(getKerasMask), given });
}

/**
 * The masks of a graph's outputs for eager inputs and their masks (Keras 2's
 * `Functional.compute_mask`): those recorded by the latest call on the same inputs and masks, else
 * found by running the graph (inside `tidy`, the masks kept). One mask unwrapped, a list for
 * several outputs.
 * @example computeGraphMask(graph, [ids], null, (xs, m) => runGraph(graph, xs, false, m))
 */
export function computeGraphMask(
  graph: ModelGraph,
  inputs: readonly Tensor[],
  mask: LayerMask | undefined,
  run: (inputs: readonly Tensor[], mask: LayerMask | undefined) => Tensor[],
): LayerMask {
  const recorded = lastRuns.get(graph)?.get(inputs[0]);
  const same = (a: LayerMask | undefined, b: LayerMask | undefined) =>
    (a ?? null) === (b ?? null) ||
    (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((m, i) => m === b[i]));
  let masks: (Tensor | null)[] = [];
  if (recorded && same(recorded.given, mask)) masks = recorded.masks;
  else {
    tidy(() => {
      masks = run(inputs, mask).map((t) => {
        const m = getKerasMask(t);
        return m ? keep(m) : null;
      });
    });
  }
  return masks.length === 1 ? masks[0] : masks;
}

/**
 * Which outputs of a graph carry a mask for inputs that do or do not (a model called on symbolic
 * tensors): each node's `symbolicOutputMasks` in turn, no kernel but stand-in `computeMask` runs.
 * @example graphMaskFlags(graph, [{ shape: [null, 5], hasMask: true }]) // [true]
 */
export function graphMaskFlags(graph: ModelGraph, inputs: readonly MaskedShape[]): boolean[] {
  const flags = new Map<SymbolicTensor, boolean>();
  graph.inputs.forEach((t, i) => {
    flags.set(t, inputs[i]?.hasMask ?? false);
  });
  for (const depth of graph.depths) {
    for (const node of graph.nodesByDepth.get(depth) ?? []) {
      if (node.isInput) continue;
      const args = node.inputTensors.map((x) => ({ shape: x.shape, hasMask: flags.get(x) ?? false }));
      const out = symbolicOutputMasks(node.outboundLayer, args, args.length > 1, node.outputTensors.length);
      node.outputTensors.forEach((y, i) => {
        flags.set(y, out[i]);
      });
    }
  }
  return graph.outputs.map((t) => flags.get(t) ?? false);
}
