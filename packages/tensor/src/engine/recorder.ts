import type { Tensor } from '../tensor.js';
import type { KernelAttrs } from './backend.js';

/** What the engine tells a recorder after it runs a kernel. */
export interface KernelRecord {
  readonly name: string;
  readonly inputs: Readonly<Record<string, Tensor>>;
  readonly attrs: KernelAttrs;
  readonly outputs: readonly Tensor[];
}

/**
 * Receives every kernel the engine runs. Autograd installs one to build its tapes; the tensor
 * package itself knows nothing about gradients.
 * @example
 * const names: string[] = [];
 * setRecorder({ record: (r) => names.push(r.name) });
 */
export interface Recorder {
  record(record: KernelRecord): void;
}
