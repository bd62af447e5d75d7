import { ValueError } from '@horn/tensor';
import { layerLabel } from './input-checks.js';
import type { Node, SymbolicTensor } from './symbolic.js';

/** What {@link nodeTensors} reads of a layer. */
interface CalledLayer {
  readonly name: string;
  readonly inboundNodes: readonly Node[];
}

/**
 * The input or output tensors of a layer's first symbolic call (node 0), unwrapped when there is
 * one, as Keras 3's `layer.input` / `layer.output`. Throws a ValueError naming the layer when it
 * was never called on symbolic tensors.
 * @example nodeTensors(dense, 'output') // the SymbolicTensor dense.apply(x) returned first
 */
export function nodeTensors(layer: CalledLayer, which: 'input' | 'output'): SymbolicTensor | SymbolicTensor[] {
  const node = layer.inboundNodes[0];
  if (!node) {
    throw new ValueError(
      `${layerLabel(layer)}: ${which}: the layer has never been called on a symbolic tensor (from Input()), so it has no ${which}; call it in a functional model first`,
    );
  }
  const tensors = which === 'input' ? node.inputTensors : node.outputTensors;
  return tensors.length === 1 ? tensors[0] : [...tensors];
}
