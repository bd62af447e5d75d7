import { registerBackend, registerKernel, setBackend, ValueError } from '@horn/tensor';
import { GpuBackend } from './backend.js';
import { type GpuMode, isSoftwareRenderer, supportedGlModes } from './detect.js';
import type { Device } from './device.js';
import { GlDevice } from './device-gl.js';
import { WebGpuDevice } from './device-webgpu.js';
import { GpuUnavailableError } from './gpu-unavailable-error.js';
import { gpuKernels } from './kernels/kernel-list.js';

/**
 * Options of {@link registerGpuBackend}.
 * @example await registerGpuBackend({ mode: 'webgl2', minSizeOnGpu: 0 })
 */
export interface GpuBackendOptions {
  /**
   * The gpu.js mode: `'webgl2'`, `'webgl'` (browsers), `'headlessgl'` (Node with the `gl`
   * package, under a display or `xvfb-run`), `'webgpu'` (browsers with an adapter; values are
   * read only with `await data()`). Default: the first of webgl2, webgl, headlessgl that works.
   */
  mode?: GpuMode;
  /** Priority among backends; the highest is active until `setBackend`. Default 3 (wasm 2, cpu 0). */
  priority?: number;
  /** Make `gpu` the active backend now. Default true. */
  activate?: boolean;
  /**
   * The cut-over: a kernel whose output has fewer elements than this runs on the CPU when all its
   * inputs are still on the host, since uploading and dispatching cost more than a small op.
   * Inputs already on the device always run there. 0 puts everything on the GPU. Default 4096
   * (a guess until measured on hardware).
   */
  minSizeOnGpu?: number;
}

/**
 * The cut-over `minSizeOnGpu` where no option names one (elements of the output).
 * @example DEFAULT_MIN_SIZE_ON_GPU // 4096
 */
export const DEFAULT_MIN_SIZE_ON_GPU = 4096;

let registered: Promise<GpuBackend> | null = null;

/**
 * Creates the gpu.js device and registers the `gpu` backend and its kernels (an explicit call:
 * importing the package registers nothing), making it active unless `activate: false`. Throws
 * {@link GpuUnavailableError} when no GPU mode can run here (never a silent fall to gpu.js's
 * cpu mode). Calling it again returns the first registration's backend.
 * @example
 * import { registerGpuBackend } from '@horn/backend-gpu';
 * await registerGpuBackend();
 * getBackend(); // 'gpu'
 */
export function registerGpuBackend(options: GpuBackendOptions = {}): Promise<GpuBackend> {
  registered ??= create(options).catch((e: unknown) => {
    registered = null;
    throw e;
  });
  return registered;
}

async function create(options: GpuBackendOptions): Promise<GpuBackend> {
  const minSizeOnGpu = options.minSizeOnGpu ?? DEFAULT_MIN_SIZE_ON_GPU;
  if (!(minSizeOnGpu >= 0)) {
    throw new ValueError(`registerGpuBackend: minSizeOnGpu must be a number >= 0, got ${options.minSizeOnGpu}`);
  }
  const device = await openDevice(options.mode);
  const backend = new GpuBackend(device, { minSizeOnGpu });
  for (const spec of gpuKernels()) registerKernel(spec);
  registerBackend('gpu', () => backend, options.priority ?? 3);
  if (options.activate ?? true) setBackend('gpu');
  return backend;
}

const MODES: readonly GpuMode[] = ['webgl2', 'webgl', 'headlessgl', 'webgpu'];

async function openDevice(mode: GpuMode | undefined): Promise<Device> {
  if (mode !== undefined && !MODES.includes(mode)) {
    throw new ValueError(`registerGpuBackend: mode must be one of ${MODES.join(', ')}; got '${String(mode)}'`);
  }
  const available = supportedGlModes();
  if (mode === 'webgpu') return openWebGpu();
  const wanted = mode ?? available[0];
  if (!wanted || !available.includes(wanted)) {
    const where = typeof window === 'undefined' ? 'Node without the `gl` package (headless-gl)' : 'this browser';
    throw new GpuUnavailableError(
      `registerGpuBackend: expected a GPU mode (${mode ?? 'webgl2, webgl or headlessgl'}) to be available, ` +
        `but ${where} offers ${available.length > 0 ? available.join(', ') : 'none'}; use the 'wasm' or 'cpu' backend instead`,
    );
  }
  try {
    return new GlDevice(wanted as 'webgl2' | 'webgl' | 'headlessgl');
  } catch (e) {
    throw new GpuUnavailableError(
      `registerGpuBackend: gpu.js could not open mode '${wanted}': ${(e as Error).message}`,
    );
  }
}

async function openWebGpu(): Promise<Device> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } } | undefined)?.gpu;
  const adapter = gpu
    ? ((await gpu.requestAdapter().catch(() => null)) as {
        info?: { description?: string; architecture?: string };
      } | null)
    : null;
  if (!adapter) {
    throw new GpuUnavailableError(
      `registerGpuBackend: expected a WebGPU adapter for mode 'webgpu', but ${gpu ? 'navigator.gpu.requestAdapter() gave none' : 'navigator.gpu is missing'}`,
    );
  }
  const renderer = adapter.info?.description || adapter.info?.architecture || 'webgpu adapter';
  return new WebGpuDevice(renderer);
}

/**
 * Whether the registered backend renders in software (SwiftShader, llvmpipe...): correct, slow.
 * @example isSoftwareBackend(await registerGpuBackend()) // true in headless Chromium
 */
export function isSoftwareBackend(backend: GpuBackend): boolean {
  return isSoftwareRenderer(backend.device.renderer);
}
