import { GPU } from 'gpu.js';

/**
 * The gpu.js modes this backend runs kernels in (never gpu.js's `cpu`, `webasm` or `dev`).
 * @example const mode: GpuMode = 'webgl2';
 */
export type GpuMode = 'webgl2' | 'webgl' | 'headlessgl' | 'webgpu';

/**
 * What {@link detectGpu} found.
 * @example const { available, mode, software } = await detectGpu();
 */
export interface GpuInfo {
  /** Whether some GPU mode can run kernels here. */
  available: boolean;
  /** The mode `registerGpuBackend()` would pick without a `mode` option, or null. */
  mode: GpuMode | null;
  /** The WebGL renderer string (WEBGL_debug_renderer_info when exposed), or the WebGPU adapter's description. */
  renderer: string | null;
  /** True for a software renderer (SwiftShader, llvmpipe, "Software", "Basic Render"): correct but slow. */
  software: boolean;
  /** Whether a WebGPU adapter answered (WebGPU is used only when asked for with `mode: 'webgpu'`). */
  webgpu: boolean;
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen|lavapipe/i;

/**
 * Whether a renderer string names a software rasterizer rather than a hardware GPU.
 * @example isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))') // true
 */
export function isSoftwareRenderer(renderer: string | null | undefined): boolean {
  return renderer != null && SOFTWARE_RENDERERS.test(renderer);
}

/**
 * The modes gpu.js reports as usable here, in the order `registerGpuBackend` tries them
 * (webgpu is not among them: its readback is asynchronous only, so it is used on request).
 * @example supportedGlModes() // ['webgl2', 'webgl'] in a browser, [] in plain Node
 */
export function supportedGlModes(): GpuMode[] {
  const modes: GpuMode[] = [];
  if (GPU.isWebGL2Supported) modes.push('webgl2');
  if (GPU.isWebGLSupported) modes.push('webgl');
  if (GPU.isHeadlessGLSupported) modes.push('headlessgl');
  return modes;
}

/**
 * Reads a WebGL context's renderer: the unmasked one when WEBGL_debug_renderer_info is exposed.
 * @example glRenderer(canvas.getContext('webgl2')) // 'ANGLE (NVIDIA, ...)'
 */
export function glRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext | null | undefined): string | null {
  if (!gl || typeof gl.getParameter !== 'function') return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const value = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  return typeof value === 'string' ? value : null;
}

function probeGlRenderer(mode: GpuMode): string | null {
  if (mode === 'headlessgl') return 'headless-gl';
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  return glRenderer(canvas.getContext(mode === 'webgl2' ? 'webgl2' : 'webgl') as WebGL2RenderingContext | null);
}

async function probeWebGpu(): Promise<string | null> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } } | undefined)?.gpu;
  if (!gpu) return null;
  try {
    const adapter = (await gpu.requestAdapter()) as { info?: { description?: string; architecture?: string } } | null;
    if (!adapter) return null;
    const info = adapter.info ?? {};
    return info.description || info.architecture || 'webgpu adapter';
  } catch {
    return null;
  }
}

/**
 * Looks for a usable GPU: the mode `registerGpuBackend()` would pick, its renderer, and whether
 * that renderer is software. `@horn/keras` uses it to pick `gpu` only on hardware.
 * @example
 * const info = await detectGpu();
 * if (info.available && !info.software) await registerGpuBackend();
 */
export async function detectGpu(): Promise<GpuInfo> {
  const adapter = await probeWebGpu();
  const mode = supportedGlModes()[0] ?? null;
  if (mode) {
    const renderer = probeGlRenderer(mode);
    return { available: true, mode, renderer, software: isSoftwareRenderer(renderer), webgpu: adapter !== null };
  }
  if (adapter !== null) {
    return { available: true, mode: 'webgpu', renderer: adapter, software: isSoftwareRenderer(adapter), webgpu: true };
  }
  return { available: false, mode: null, renderer: null, software: false, webgpu: false };
}
