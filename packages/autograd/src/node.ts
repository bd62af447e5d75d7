import type { Tensor } from '@horn/tensor';

/** One recorded step of a tape: inputs by name, outputs, and how to send gradients back. */
export interface TapeNode {
  readonly name: string;
  readonly inputs: Readonly<Record<string, Tensor>>;
  readonly outputs: readonly Tensor[];
  /** Gradients of the inputs, by name, from the gradients of the outputs (zeros where none came). */
  backward(dys: readonly Tensor[]): Record<string, Tensor | null | undefined>;
}
