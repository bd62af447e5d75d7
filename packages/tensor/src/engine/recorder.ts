import type { Tensor } from '../tensor.js';
import type { KernelAttrs } from './backend.js';

/**
 * What the engine tells a recorder after it runs a kernel.
 * @example
 * const seen: KernelRecord[] = [];
 * const previous = setRecorder({ record: (r) => seen.push(r) });
 * matmul(tensor([[1, 2]]), tensor([[3], [4]]));
 * setRecorder(previous);
 * seen[0].name; // 'BatchMatMul'
 * seen[0].attrs; // { transposeA: false, transposeB: false }
 */
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
