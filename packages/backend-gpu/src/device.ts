import type { GpuMode } from './detect.js';

/**
 * Where one tensor's values live on the device: a gpu.js texture (GL modes) or a pending
 * WebGPU buffer. Opaque outside the device that made it.
 * @example const value: DeviceValue = device.upload(new Float32Array([1, 2]));
 */
export type DeviceValue = object;

/**
 * A kernel compiled by gpu.js for one (program, shapes, attrs) key.
 * @example const kernel: CompiledKernel = device.compile('function(a0) { return a0[this.thread.x] * 2; }', 4);
 */
export type CompiledKernel = (...args: DeviceValue[]) => unknown;

/**
 * What the backend needs from a gpu.js mode: compile a flat 1-D program, upload, run, read
 * back, release. `webgl2`/`webgl`/`headlessgl` share the GL device; `webgpu` has its own.
 * @example const texture = device.run(device.compile(source, 6), [device.upload(values)]);
 */
export interface Device {
  readonly mode: GpuMode;
  /** Whether `readSync` works (false on WebGPU, whose readback is asynchronous only). */
  readonly syncRead: boolean;
  /** The most elements one device value may hold. */
  readonly maxSize: number;
  /** The renderer or adapter description. */
  readonly renderer: string | null;
  /** Compiles a gpu.js kernel source whose output is `size` floats. */
  compile(source: string, size: number): CompiledKernel;
  /** Copies float values onto the device. */
  upload(values: Float32Array): DeviceValue;
  /** Runs a compiled kernel on device values; the result stays on the device. */
  run(kernel: CompiledKernel, args: DeviceValue[]): DeviceValue;
  /** Reads `size` floats back, blocking (GL only). */
  readSync(value: DeviceValue, size: number): Float32Array;
  /** Reads `size` floats back. */
  read(value: DeviceValue, size: number): Promise<Float32Array>;
  /** Frees the value's texture or buffer. */
  release(value: DeviceValue): void;
  /** Destroys every kernel and the gpu.js instance. */
  destroy(): void;
}

/**
 * Flattens what a gpu.js texture or buffer's `toArray()` returned into `size` floats.
 * @example toFloat32(new Float32Array([1, 2, 3]), 2) // Float32Array [1, 2]
 */
export function toFloat32(values: unknown, size: number): Float32Array {
  if (values instanceof Float32Array) return values.length === size ? values : values.slice(0, size);
  const out = new Float32Array(size);
  let k = 0;
  const walk = (v: unknown): void => {
    if (k >= size) return;
    if (typeof v === 'number') out[k++] = v;
    else if (ArrayBuffer.isView(v)) for (const x of v as Float32Array) walk(x);
    else if (Array.isArray(v)) for (const x of v) walk(x);
  };
  walk(values);
  return out;
}
