import type { Backend } from './backend.js';

/**
 * One buffer of tensor data on a backend, shared by every tensor that views it (a reshape shares
 * its input's data). Freed when the last tensor using it is disposed.
 */
export interface DataRef {
  readonly backend: Backend;
  readonly handle: unknown;
  readonly bytes: number;
  refCount: number;
}
