export { WasmBackend, type WasmHandle } from './backend.js';
export { type HeapInfo, OutOfMemoryError, sizeClass, WasmHeap, type WasmHeapOptions } from './heap.js';
export { VIA_CPU_KERNELS, wasmKernels } from './kernels/kernel-list.js';
export { loadWasmModule, type WasmFlavor, wasmUrl } from './load-module.js';
export { registerWasmBackend, type WasmBackendOptions } from './register.js';
