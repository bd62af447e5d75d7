import {
  arrayFor,
  type Backend,
  type DType,
  getBackendInstance,
  getKernel,
  type KernelAttrs,
  type KernelOutput,
  type KernelTensor,
  type Shape,
  sizeOf,
  type TypedArray,
} from '@horn/tensor';
import type { CompiledKernel, Device, DeviceValue } from './device.js';

/**
 * One tensor's data on the `gpu` backend: a host typed array (written and not yet needed on
 * the device, a small result of the CPU path, or a read-back copy), a device value (texture or
 * buffer), or both. int32 and bool are stored on the device as floats (exact below 2^24).
 * @example backend.write(new Float32Array([1, 2]), [2], 'float32').host // Float32Array [1, 2]
 */
export class GpuHandle {
  constructor(
    readonly size: number,
    readonly dtype: DType,
    public host: TypedArray | null,
    public device: DeviceValue | null,
  ) {}
}

/**
 * Counters of the `gpu` backend's traffic, for tests and tuning.
 * @example backend.stats.downloads // device-to-host readbacks so far
 */
export interface GpuStats {
  /** Host-to-device copies. */
  uploads: number;
  /** Device-to-host readbacks. */
  downloads: number;
  /** Kernel runs on the device. */
  deviceRuns: number;
  /** Kernel runs on the host (small inputs, int32 math, zero-size or huge tensors). */
  hostRuns: number;
  /** gpu.js kernels compiled (one per program, shapes and attrs). */
  compiles: number;
}

/**
 * Settings of a {@link GpuBackend}, changeable at run time.
 * @example backend.settings.minSizeOnGpu = 0; // everything on the GPU
 */
export interface GpuBackendSettings {
  /**
   * Outputs with fewer elements than this run on the CPU when every input is still on the host.
   * Inputs already on the device always run there (a readback costs more than a small kernel).
   */
  minSizeOnGpu: number;
}

/**
 * The `gpu` backend: tensors live on the device as gpu.js textures (or WebGPU buffers) between
 * kernels and are read back only by `data()`/`dataSync()`. Kernels are gpu.js programs over
 * flat 1-D data, compiled once per shape signature and cached. `write` keeps values on the host
 * until a device kernel needs them.
 * @example
 * await registerGpuBackend({ mode: 'webgl2' });
 * const gpu = getBackendInstance('gpu') as GpuBackend;
 * gpu.liveDeviceValues; // textures held by live tensors
 */
export class GpuBackend implements Backend<GpuHandle> {
  readonly name = 'gpu';
  readonly stats: GpuStats = { uploads: 0, downloads: 0, deviceRuns: 0, hostRuns: 0, compiles: 0 };
  /** Textures/buffers held by handles now (freed by dispose/tidy). */
  liveDeviceValues = 0;
  private readonly kernels = new Map<string, CompiledKernel>();

  constructor(
    readonly device: Device,
    public settings: GpuBackendSettings,
  ) {}

  /** The gpu.js mode kernels run in. */
  get mode(): Device['mode'] {
    return this.device.mode;
  }

  write(values: TypedArray, _shape: Shape, dtype: DType): GpuHandle {
    return new GpuHandle(values.length, dtype, values, null);
  }

  readSync(handle: GpuHandle, dtype: DType, size: number): TypedArray {
    return this.hostValues(handle, dtype, size).slice();
  }

  async read(handle: GpuHandle, dtype: DType, size: number): Promise<TypedArray> {
    if (handle.host) return handle.host.slice(0, size);
    const floats = await this.device.read(handle.device as DeviceValue, handle.size);
    this.stats.downloads++;
    handle.host ??= fromFloats(floats, handle.dtype);
    return this.convert(handle.host, dtype).slice(0, size);
  }

  disposeData(handle: GpuHandle): void {
    if (handle.device) {
      this.device.release(handle.device);
      this.liveDeviceValues--;
      handle.device = null;
    }
    handle.host = null;
  }

  /** The handle's values on the host, read back (once) from the device if needed. */
  hostValues(handle: GpuHandle, dtype: DType = handle.dtype, size = handle.size): TypedArray {
    if (!handle.host) {
      const floats = this.device.readSync(handle.device as DeviceValue, handle.size);
      this.stats.downloads++;
      handle.host = fromFloats(floats, handle.dtype);
    }
    const values = this.convert(handle.host, dtype);
    return values.length === size ? values : values.subarray(0, size);
  }

  /** The handle's device value, uploaded (once) from the host if needed. */
  deviceValue(handle: GpuHandle): DeviceValue {
    if (!handle.device) {
      const host = handle.host as TypedArray;
      handle.device = this.device.upload(host instanceof Float32Array ? host : Float32Array.from(host));
      this.liveDeviceValues++;
      this.stats.uploads++;
    }
    return handle.device;
  }

  /** Whether every handle still has its values on the host (nothing would need a readback). */
  allOnHost(handles: readonly GpuHandle[]): boolean {
    return handles.every((h) => h.host !== null);
  }

  /**
   * Runs the program cached under `key` (compiled from `source()` on first use) on the inputs'
   * device values; the result stays on the device.
   */
  runProgram(key: string, source: () => string, inputs: readonly GpuHandle[], size: number, dtype: DType): GpuHandle {
    let kernel = this.kernels.get(key);
    if (!kernel) {
      kernel = this.device.compile(source(), size);
      this.kernels.set(key, kernel);
      this.stats.compiles++;
    }
    const args = inputs.map((h) => this.deviceValue(h));
    const value = this.device.run(kernel, args);
    this.liveDeviceValues++;
    this.stats.deviceRuns++;
    return new GpuHandle(size, dtype, null, value);
  }

  /**
   * Runs the reference cpu kernel `name` on the inputs' host values (reading them back if they
   * are on the device); outputs stay on the host until a device kernel needs them. An output
   * that is an input's own array shares that input's handle, as the engine expects.
   */
  runOnHost(
    name: string,
    inputs: Readonly<Record<string, KernelTensor<GpuHandle>>>,
    attrs: KernelAttrs,
  ): KernelOutput<GpuHandle> | KernelOutput<GpuHandle>[] {
    const spec = getKernel(name, 'cpu');
    if (!spec) throw new Error(`gpu backend: kernel '${name}' has no cpu implementation to run`);
    const views: Record<string, KernelTensor<TypedArray>> = {};
    const byArray = new Map<TypedArray, GpuHandle>();
    for (const key of Object.keys(inputs)) {
      const t = inputs[key];
      const values = this.hostValues(t.values, t.dtype, sizeOf(t.shape));
      views[key] = { shape: t.shape, dtype: t.dtype, values };
      byArray.set(values, t.values);
    }
    this.stats.hostRuns++;
    const result = spec.run(views, attrs, getBackendInstance('cpu'));
    const outputs = (Array.isArray(result) ? result : [result]) as KernelOutput<TypedArray>[];
    const converted = outputs.map((o) => ({
      shape: o.shape,
      dtype: o.dtype,
      values: byArray.get(o.values) ?? new GpuHandle(o.values.length, o.dtype, o.values, null),
    }));
    return Array.isArray(result) ? converted : converted[0];
  }

  /** Compiled kernels in the cache. */
  get cachedKernels(): number {
    return this.kernels.size;
  }

  private convert(values: TypedArray, dtype: DType): TypedArray {
    if (arrayFor(dtype, 0).constructor === values.constructor) return values;
    return fromFloats(values, dtype);
  }
}

/** Device floats as the typed array of `dtype`: int32 rounded, bool as 0/1. */
function fromFloats(values: ArrayLike<number>, dtype: DType): TypedArray {
  if (dtype === 'float32') return values instanceof Float32Array ? values : Float32Array.from(values);
  const out = arrayFor(dtype, values.length);
  if (dtype === 'bool') for (let i = 0; i < values.length; i++) out[i] = values[i] !== 0 ? 1 : 0;
  else for (let i = 0; i < values.length; i++) out[i] = Math.round(values[i]);
  return out;
}
