import {
  arrayFor,
  type Backend,
  bytesPerElement,
  type DType,
  memory as engineMemory,
  type Shape,
  type TypedArray,
} from '@horn/tensor';
import { type HeapInfo, WasmHeap } from './heap.js';
import { PackedBCache } from './kernels/packed-b-cache.js';
import { type ParallelRunner, serialRunner } from './threads/pool.js';
import type { HornWasm, Ptr } from './wasm-exports.js';

/**
 * One tensor's data in the wasm heap: where it starts and how many bytes it holds.
 * @example backend.view(handle, 'float32') // the values, in place
 */
export interface WasmHandle {
  readonly ptr: Ptr;
  readonly bytes: number;
}

/**
 * The `wasm` backend: tensor data lives in the WebAssembly heap, kernels are SIMD functions of the
 * AssemblyScript module (see `registerWasmBackend`). `write` copies values in, `readSync`/`read`
 * copy them out, `disposeData` returns the block to the allocator.
 * @example
 * await registerWasmBackend();
 * const wasm = getBackendInstance('wasm') as WasmBackend;
 * wasm.heapInfo().bytesInUse;
 */
export class WasmBackend implements Backend<WasmHandle> {
  readonly name = 'wasm';
  readonly heap: WasmHeap;
  /** Runs kernel work split into parts on the worker pool (or on this thread alone). */
  readonly parallel: ParallelRunner;
  /** The GEMM's packed copies of recently used B operands (dropped when their data is freed). */
  readonly packedB: PackedBCache;

  /**
   * `maxMemoryBytes` is the maximum the memory was created with (default 4 GiB, the wasm32 limit):
   * the heap grows up to it, then throws an `OutOfMemoryError` that counts this backend's live tensors.
   */
  constructor(
    readonly wasm: HornWasm,
    memory: WebAssembly.Memory,
    parallel?: ParallelRunner,
    maxMemoryBytes?: number,
  ) {
    this.heap = new WasmHeap(memory, wasm.heapBase(), {
      maxBytes: maxMemoryBytes,
      liveTensors: () => engineMemory().backends[this.name]?.numTensors ?? 0,
    });
    this.parallel = parallel ?? serialRunner(wasm);
    this.packedB = new PackedBCache((packed) => this.heap.free(packed.ptr, packed.bytes));
  }

  write(values: TypedArray, _shape: Shape, dtype: DType): WasmHandle {
    const bytes = values.length * bytesPerElement(dtype);
    const handle = this.alloc(bytes);
    if (bytes > 0) this.view(handle, dtype).set(values);
    return handle;
  }

  readSync(handle: WasmHandle, dtype: DType, size: number): TypedArray {
    return this.view(handle, dtype, size).slice();
  }

  read(handle: WasmHandle, dtype: DType, size: number): Promise<TypedArray> {
    return Promise.resolve(this.readSync(handle, dtype, size));
  }

  disposeData(handle: WasmHandle): void {
    this.packedB.forget(handle);
    this.heap.free(handle.ptr, handle.bytes);
  }

  /** A fresh block for `bytes` bytes (contents undefined). */
  alloc(bytes: number): WasmHandle {
    return { ptr: this.heap.alloc(bytes), bytes };
  }

  /** A block for a tensor of `size` elements of `dtype`. */
  allocTensor(size: number, dtype: DType): WasmHandle {
    return this.alloc(size * bytesPerElement(dtype));
  }

  /** A typed-array view of a handle's data in the heap; valid until the next allocation. */
  view(handle: WasmHandle, dtype: DType, size = handle.bytes / bytesPerElement(dtype)): TypedArray {
    if (size === 0) return arrayFor(dtype, 0);
    if (dtype === 'float32') return this.heap.f32().subarray(handle.ptr / 4, handle.ptr / 4 + size);
    if (dtype === 'int32') return this.heap.i32().subarray(handle.ptr / 4, handle.ptr / 4 + size);
    return this.heap.u8().subarray(handle.ptr, handle.ptr + size);
  }

  /** Sizes of the heap: bytes in use and free, the wasm memory's size and limit, the peak in use. */
  heapInfo(): HeapInfo {
    return this.heap.info();
  }
}
