import type { Backend } from '../engine/backend.js';
import type { TypedArray } from '../types.js';

/**
 * The reference backend: plain typed arrays in JavaScript memory, kernels in pure TypeScript.
 * Every other backend's kernels are checked against it, and it runs any kernel they lack.
 * @example
 * setBackend('cpu');
 */
export class CpuBackend implements Backend<TypedArray> {
  readonly name = 'cpu';
  readonly garbageCollected = true;

  write(values: TypedArray): TypedArray {
    return values;
  }

  readSync(handle: TypedArray): TypedArray {
    return handle.slice();
  }

  read(handle: TypedArray): Promise<TypedArray> {
    return Promise.resolve(handle.slice());
  }

  disposeData(): void {}
}
