import { add, type Tensor, zerosLike } from '@horn/tensor';
import type { TapeNode } from './node.js';
import { addSliceGradients, type SlicePart } from './slice-gradients.js';

/**
 * Walks recorded nodes from last to first, sending `seed` (the gradient of `target`) back to every
 * tensor on a path to a source. Returns the accumulated gradient of every tensor reached.
 * `needed` says which tensors depend on a watched source: only those receive gradients.
 * The gradients of Slice nodes are collected per sliced tensor and added when that tensor's
 * gradient is next read, in one concat where they tile it (see `addSliceGradients`): memory
 * linear in the number of slices (an RNN's time steps) instead of quadratic.
 */
export function backprop(
  nodes: readonly TapeNode[],
  target: Tensor,
  seed: Tensor,
  needed: (t: Tensor) => boolean,
): Map<Tensor, Tensor> {
  const grads = new Map<Tensor, Tensor>([[target, seed]]);
  const slices = new Map<Tensor, SlicePart[]>();
  const settle = (t: Tensor): Tensor | undefined => {
    const parts = slices.get(t);
    if (parts) {
      slices.delete(t);
      grads.set(t, addSliceGradients(t.shape, parts, grads.get(t)));
    }
    return grads.get(t);
  };
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (!node.outputs.some((o) => grads.has(o) || slices.has(o))) continue;
    const inputs = Object.entries(node.inputs).filter(([, t]) => t.dtype === 'float32' && needed(t));
    if (inputs.length === 0) continue;
    const dys = node.outputs.map((o) => settle(o) ?? zerosLike(o));
    if (node.name === 'Slice' && node.attrs && inputs.length === 1) {
      const x = inputs[0][1];
      const part = { begin: node.attrs.begin as number[], size: node.attrs.size as number[], dy: dys[0] };
      const parts = slices.get(x);
      if (parts) parts.push(part);
      else slices.set(x, [part]);
      continue;
    }
    const result = node.backward(dys);
    for (const [name, input] of inputs) {
      const entry = result[name];
      const g = typeof entry === 'function' ? entry() : entry;
      if (!g) continue;
      const previous = settle(input);
      grads.set(input, previous ? add(previous, g) : g);
    }
  }
  for (const t of [...slices.keys()]) settle(t);
  return grads;
}
