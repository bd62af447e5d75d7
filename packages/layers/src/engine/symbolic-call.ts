import { Tensor, ValueError } from '@horn/tensor';
import { type DTypeAware, eagerInputDType } from './input-dtypes.js';

export { symbolicOutputDType } from './input-dtypes.js';

import { layerLabel, type NamedLayer } from './input-checks.js';
import type { CallOptions } from './layer-options.js';
import { type Node, SymbolicTensor } from './symbolic.js';

/**
 * Whether a layer's `inputs` are symbolic (from `Input()`); throws a ValueError naming the layer
 * when symbolic and eager tensors are mixed.
 * @example isSymbolicCall(dense, Input({ shape: [3] })) // true
 */
export function isSymbolicCall(layer: NamedLayer, inputs: unknown): boolean {
  const list: unknown[] = Array.isArray(inputs) ? inputs : [inputs];
  const symbolic = list.map((t) => t instanceof SymbolicTensor);
  if (!symbolic.includes(true)) return false;
  const eager = symbolic.indexOf(false);
  if (eager >= 0) {
    const t = list[eager];
    const what = t instanceof Tensor ? 'an eager Tensor' : t === null ? 'null' : typeof t;
    throw new ValueError(
      `${layerLabel(layer)}: cannot mix symbolic tensors (from Input()) and eager tensors in one call: inputs[${symbolic.indexOf(true)}] is a SymbolicTensor, inputs[${eager}] is ${what}`,
    );
  }
  return true;
}

/**
 * A layer's eager inputs as a list, each in a dtype the layer takes (see `InputDTypes`: by default
 * numeric inputs are cast to float32 and strings refused); a ValueError naming the layer for an
 * empty list or a value that is not a Tensor.
 * @example eagerInputs(dense, tensor([[1, 2]], [1, 2], 'int32')) // [float32 Tensor [1, 2]]
 */
export function eagerInputs(layer: DTypeAware, inputs: Tensor | Tensor[]): Tensor[] {
  const label = layerLabel(layer);
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) throw new ValueError(`${label}: expected a tensor or a non-empty array of tensors, got []`);
  return list.map((t, i) => {
    if (!(t instanceof Tensor)) {
      const what = Array.isArray(inputs) ? `inputs[${i}]` : 'the input';
      throw new ValueError(`${label}: ${what} must be a Tensor, got ${t === null ? 'null' : typeof t}`);
    }
    return eagerInputDType(layer, t, i, Array.isArray(inputs) ? `inputs[${i}]` : 'the input');
  });
}

/** What {@link nodeTensors} reads of a layer. */
interface CalledLayer extends NamedLayer {
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

/**
 * The options of a symbolic call that a model replays each time it runs the call (Keras' call
 * kwargs of a node): every option but `mask`, which a graph carries on its tensors. Options that
 * a graph cannot replay are refused by name: a tensor value (an eager tensor would be frozen into
 * the model) and `returnAttentionScores: true` (a node's outputs are fixed when it is made).
 * @example symbolicCallArgs(mha, { training: true, useCausalMask: true }) // { training: true, useCausalMask: true }
 */
export function symbolicCallArgs(layer: NamedLayer, options: CallOptions): CallOptions {
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'mask' || value === undefined) continue;
    if (value instanceof Tensor || value instanceof SymbolicTensor) {
      throw new ValueError(
        `${layerLabel(layer)}: the call option '${key}' cannot be a tensor in a symbolic (functional API) call; call the layer eagerly (e.g. inside a subclassed layer's call) to pass it`,
      );
    }
    if (key === 'returnAttentionScores' && value === true) {
      throw new ValueError(
        `${layerLabel(layer)}: returnAttentionScores: true is not supported in a symbolic (functional API) call; call the layer eagerly (applyWithScores) to get the scores`,
      );
    }
    args[key] = value;
  }
  return args as CallOptions;
}
