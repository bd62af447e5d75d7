import type { CallOptions, LayerMask } from '@horn/layers';
import { NotImplementedError, type Tensor } from '@horn/tensor';
import { adjustInputRanks } from './adjust-input-rank.js';
import { checkGraphInputShapes, type ModelGraph, runGraph } from './graph.js';
import { computeGraphMask, recordGraphMasks } from './graph-masks.js';

/**
 * A graph model's eager call (a NotImplementedError for a subclassed model without its own call): adjusts the input ranks as Keras, checks the input shapes against the graph's inputs, runs the graph
 * (with `options.training` and the input masks `options.mask`), records the output masks for
 * `computeMask`, and returns one output unwrapped or the list.
 * @example callGraph("Model 'functional'", graph, x, { training: false }) // Tensor
 */
export function callGraph(
  owner: string,
  graph: ModelGraph | null,
  inputs: Tensor | Tensor[],
  options: CallOptions,
): Tensor | Tensor[] {
  if (!graph) {
    throw new NotImplementedError(
      `${owner}: a subclassed model must implement call(inputs, { training }); or build a functional model with new Model({ inputs, outputs })`,
    );
  }
  const given = Array.isArray(inputs) ? inputs : [inputs];
  const list = adjustInputRanks(graph.inputs, given);
  checkGraphInputShapes(
    owner,
    graph,
    list.map((t) => t.shape),
  );
  const outputs = runGraph(graph, list, options.training, options.mask);
  // Keyed by the tensors the caller gave (before the rank adjustment), as computeMask gets them.
  recordGraphMasks(graph, given, options.mask, outputs);
  return outputs.length === 1 ? outputs[0] : outputs;
}

/**
 * A graph model's `computeMask`: the output masks of the latest call on the same inputs and masks,
 * else those of a run of the graph (training off).
 * @example graphComputeMask(graph, [ids], undefined) // the output's mask
 */
export function graphComputeMask(graph: ModelGraph, inputs: Tensor[], mask: LayerMask | undefined): LayerMask {
  return computeGraphMask(graph, inputs, mask, (xs, m) =>
    runGraph(graph, adjustInputRanks(graph.inputs, xs), false, m),
  );
}
