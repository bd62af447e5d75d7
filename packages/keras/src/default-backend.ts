/**
 * Picks the default backend when @horn/keras is imported: the WebAssembly SIMD backend where it
 * loads (Node and browsers with WebAssembly SIMD), on every core as Keras uses them (worker
 * threads in Node; in browsers only on cross-origin isolated pages, else one thread), else the
 * reference cpu backend; and in a browser with a hardware GPU (not a software renderer such as
 * SwiftShader), the gpu backend on top. This is the facade's only logic.
 * `setBackend('cpu' | 'wasm' | 'gpu')` switches at any time.
 */
import { registerWasmBackend } from '@horn/backend-wasm';
import { getBackend } from '@horn/tensor';

/**
 * Why the wasm backend could not be used, or null when it is registered.
 * @example if (keras.wasmUnavailable) console.warn(`running on the cpu backend: ${keras.wasmUnavailable}`);
 */
export let wasmUnavailable: string | null = null;

/**
 * Why the gpu backend is not the default (plain Node, no WebGL, a software renderer), or null when it is.
 * @example console.log(keras.gpuUnavailable ?? 'gpu backend active');
 */
export let gpuUnavailable: string | null = null;

try {
  await registerWasmBackend({ threads: true });
} catch (error) {
  wasmUnavailable = message(error);
}
gpuUnavailable = await registerHardwareGpu();

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Registers the gpu backend when a browser has a hardware GPU; returns why not otherwise. */
async function registerHardwareGpu(): Promise<string | null> {
  if (typeof document === 'undefined') {
    return 'not a browser: @horn/keras picks the GPU only in browsers (headless-gl renders in software)';
  }
  try {
    const gpu = await import('@horn/backend-gpu');
    const info = await gpu.detectGpu();
    if (!info.available) return 'no WebGL2 or WebGL context could be created';
    if (info.software) return `the GPU is a software renderer (${info.renderer}), slower than wasm`;
    await gpu.registerGpuBackend();
    return null;
  } catch (error) {
    return message(error);
  }
}

/**
 * The backend @horn/keras chose on import: `'gpu'` in a browser with a hardware GPU, else
 * `'wasm'`, or `'cpu'` when WebAssembly SIMD is missing. `gpuUnavailable` / `wasmUnavailable` say why.
 * @example keras.defaultBackend() // 'wasm' in Node
 */
export function defaultBackend(): string {
  if (gpuUnavailable === null) return 'gpu';
  return wasmUnavailable === null ? 'wasm' : getBackend();
}
