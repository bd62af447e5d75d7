import type { Backend } from './backend.js';

/**
 * One buffer of tensor data on a backend, shared by every tensor that views it (a reshape shares
 * its input's data). Freed when the last tensor using it is disposed.
 * @example
 * // Backend authors see DataRefs; users see their sum in memory():
 * const x = tensor([1, 2, 3]);
 * const y = x.reshape([3, 1]); // shares x's DataRef: no new buffer
 * memory().numDataBuffers; // one buffer for both
 */
export interface DataRef {
  readonly backend: Backend;
  readonly handle: unknown;
  readonly bytes: number;
  refCount: number;
}
