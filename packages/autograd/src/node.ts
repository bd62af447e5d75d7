import type { KernelAttrs, Tensor } from '@horn/tensor';
import type { InputGradient } from './registry.js';

/**
 * One recorded step of a tape: inputs by name, outputs, and how to send gradients back.
 * @example
 * // A tape records one node per kernel it sees; a node sends the output gradients back to its inputs:
 * const x = tensor([1, 2]);
 * const node: TapeNode = { name: 'Identity', inputs: { x }, outputs: [x], backward: ([dy]) => ({ x: dy }) };
 */
export interface TapeNode {
  readonly name: string;
  readonly inputs: Readonly<Record<string, Tensor>>;
  readonly outputs: readonly Tensor[];
  /** The kernel's attributes, for kernels recorded from the engine (backprop reads Slice's). */
  readonly attrs?: KernelAttrs;
  /**
   * Gradients of the inputs, by name, from the gradients of the outputs (zeros where none came);
   * a function value is called only for inputs that need a gradient.
   */
  backward(dys: readonly Tensor[]): Record<string, InputGradient>;
}
