import type { Backend } from '../engine/backend.js';
import type { DataValues } from '../types.js';

/**
 * The reference backend: plain typed arrays in JavaScript memory, kernels in pure TypeScript.
 * Every other backend's kernels are checked against it, and it runs any kernel they lack. It is
 * also where string tensors live (as `string[]`).
 * @example
 * setBackend('cpu');
 */
export class CpuBackend implements Backend<DataValues> {
  readonly name = 'cpu';
  readonly garbageCollected = true;

  write(values: DataValues): DataValues {
    return values;
  }

  readSync(handle: DataValues): DataValues {
    return handle.slice();
  }

  read(handle: DataValues): Promise<DataValues> {
    return Promise.resolve(handle.slice());
  }

  disposeData(): void {}
}
