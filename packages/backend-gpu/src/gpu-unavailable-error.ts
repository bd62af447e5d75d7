import { HornError } from '@horn/tensor';

/**
 * No GPU mode that `registerGpuBackend` accepts can run here: plain Node without `gl`, a browser
 * with WebGL disabled, WebGPU without an adapter. Horn never falls back to gpu.js's `cpu` mode
 * silently; catch this and use the `wasm` or `cpu` backend instead.
 * @example
 * try { await registerGpuBackend(); } catch (e) { if (e instanceof GpuUnavailableError) await registerWasmBackend(); }
 */
export class GpuUnavailableError extends HornError {}
