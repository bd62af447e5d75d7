/**
 * Picks the default backend when @horn/keras is imported: the WebAssembly SIMD backend where it
 * loads (Node and browsers with WebAssembly SIMD), else the reference cpu backend. This is the
 * facade's only logic. `setBackend('cpu')` switches back at any time.
 */
import { registerWasmBackend } from '@horn/backend-wasm';
import { getBackend } from '@horn/tensor';

/** Why the wasm backend could not be used, or null when it is active. */
export let wasmUnavailable: string | null = null;

try {
  await registerWasmBackend();
} catch (error) {
  wasmUnavailable = error instanceof Error ? error.message : String(error);
}

/**
 * The backend @horn/keras chose on import: `'wasm'`, or `'cpu'` when WebAssembly SIMD is missing.
 * @example keras.defaultBackend() // 'wasm'
 */
export function defaultBackend(): string {
  return wasmUnavailable === null ? 'wasm' : getBackend();
}
