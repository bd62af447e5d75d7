import { add, type Tensor, zerosLike } from '@horn/tensor';
import type { TapeNode } from './node.js';

/**
 * Walks recorded nodes from last to first, sending `seed` (the gradient of `target`) back to every
 * tensor on a path to a source. Returns the accumulated gradient of every tensor reached.
 * `needed` says which tensors depend on a watched source: only those receive gradients.
 */
export function backprop(
  nodes: readonly TapeNode[],
  target: Tensor,
  seed: Tensor,
  needed: (t: Tensor) => boolean,
): Map<Tensor, Tensor> {
  const grads = new Map<Tensor, Tensor>([[target, seed]]);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (!node.outputs.some((o) => grads.has(o))) continue;
    const inputs = Object.entries(node.inputs).filter(([, t]) => t.dtype === 'float32' && needed(t));
    if (inputs.length === 0) continue;
    const dys = node.outputs.map((o) => grads.get(o) ?? zerosLike(o));
    const result = node.backward(dys);
    for (const [name, input] of inputs) {
      const entry = result[name];
      const g = typeof entry === 'function' ? entry() : entry;
      if (!g) continue;
      const previous = grads.get(input);
      grads.set(input, previous ? add(previous, g) : g);
    }
  }
  return grads;
}
