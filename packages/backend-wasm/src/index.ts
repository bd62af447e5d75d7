export { WasmBackend, type WasmHandle } from './backend.js';
export { type HeapInfo, sizeClass, WasmHeap } from './heap.js';
export { VIA_CPU_KERNELS, wasmKernels } from './kernels/kernel-list.js';
export { loadWasmModule, type WasmFlavor, wasmUrl } from './load-module.js';
export { registerWasmBackend, type WasmBackendOptions } from './register.js';
