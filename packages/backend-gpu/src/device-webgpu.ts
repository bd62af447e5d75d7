import { GPU, type IKernelRunShortcut } from 'gpu.js';
import { type CompiledKernel, type Device, type DeviceValue, toFloat32 } from './device.js';
import { GpuUnavailableError } from './gpu-unavailable-error.js';

/** A gpu.js WebGPU pipeline result: a storage buffer, read back asynchronously. */
interface BufferResult {
  toArray(): Promise<unknown>;
  delete(): void;
}

/**
 * One value on the WebGPU device. Every gpu.js WebGPU call returns a Promise, so a value is the
 * promise of its buffer; `uses` are the kernel runs that read it, which must be submitted
 * before the buffer may be destroyed.
 */
interface PendingBuffer {
  readonly result: Promise<BufferResult>;
  readonly uses: Promise<unknown>[];
}

/**
 * The WebGPU device: each kernel call is queued behind the buffers it reads (a promise chain),
 * so ops still return at once; `read` awaits the chain and maps the buffer. There is no
 * synchronous readback on WebGPU: `readSync` throws and points to `await data()`.
 * @example const device = await WebGpuDevice.create('SwiftShader');
 */
export class WebGpuDevice implements Device {
  readonly mode = 'webgpu' as const;
  readonly syncRead = false;
  readonly maxSize = 2 ** 24;
  readonly gpu = new GPU({ mode: 'webgpu' });
  private readonly uploads = new Map<number, IKernelRunShortcut>();

  constructor(readonly renderer: string | null) {}

  compile(source: string, size: number): CompiledKernel {
    const kernel = this.gpu.createKernel(source, {
      output: [size],
      pipeline: true,
      immutable: true,
      precision: 'single',
    });
    return kernel as unknown as CompiledKernel;
  }

  upload(values: Float32Array): DeviceValue {
    let kernel = this.uploads.get(values.length);
    if (!kernel) {
      kernel = this.gpu.createKernel('function(v) { return v[this.thread.x]; }', {
        output: [values.length],
        pipeline: true,
        immutable: true,
        precision: 'single',
      });
      this.uploads.set(values.length, kernel);
    }
    const pending: PendingBuffer = { result: kernel(values) as unknown as Promise<BufferResult>, uses: [] };
    return pending;
  }

  run(kernel: CompiledKernel, args: DeviceValue[]): DeviceValue {
    const inputs = args as PendingBuffer[];
    const result = Promise.all(inputs.map((a) => a.result)).then(
      (buffers) => kernel(...buffers) as Promise<BufferResult>,
    );
    for (const a of inputs) a.uses.push(result.catch(() => undefined));
    const pending: PendingBuffer = { result, uses: [] };
    return pending;
  }

  readSync(): Float32Array {
    throw new GpuUnavailableError(
      "gpu backend (webgpu): WebGPU cannot read tensor values synchronously; use 'await tensor.data()' " +
        "(or 'await tensor.array()'), or register the backend with mode 'webgl2'",
    );
  }

  async read(value: DeviceValue, size: number): Promise<Float32Array> {
    const buffer = await (value as PendingBuffer).result;
    return toFloat32(await buffer.toArray(), size);
  }

  release(value: DeviceValue): void {
    const { result, uses } = value as PendingBuffer;
    // The buffer may only go once every kernel that reads it has been submitted.
    Promise.all([result, ...uses]).then(
      ([buffer]) => buffer.delete(),
      () => undefined,
    );
  }

  destroy(): void {
    void this.gpu.destroy();
  }
}
