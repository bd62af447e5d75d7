import { GPU, type IKernelRunShortcut, type Texture } from 'gpu.js';
import { glRenderer } from './detect.js';
import { type CompiledKernel, type Device, type DeviceValue, toFloat32 } from './device.js';

/** Exact float32 integers end at 2^24: index arithmetic in the shaders needs them. */
const MAX_EXACT_INDEX = 2 ** 24;

/**
 * The GL device (`webgl2`, `webgl`, `headlessgl`): values are gpu.js float textures made by
 * kernels with `pipeline: true, immutable: true`, read with `texture.toArray()` and freed with
 * `texture.delete()`.
 * @example const device = new GlDevice('webgl2');
 */
export class GlDevice implements Device {
  readonly syncRead = true;
  readonly maxSize: number;
  readonly renderer: string | null;
  readonly gpu: GPU;
  private readonly uploads = new Map<number, IKernelRunShortcut>();

  constructor(readonly mode: 'webgl2' | 'webgl' | 'headlessgl') {
    this.gpu = new GPU({ mode });
    // A first upload makes gpu.js create its context, and proves float textures round-trip.
    const probe = this.upload(new Float32Array([1.5, -2.25]));
    const back = this.readSync(probe, 2);
    this.release(probe);
    if (back[0] !== 1.5 || back[1] !== -2.25) {
      throw new Error(`float textures do not round-trip (wrote [1.5, -2.25], read [${back.join(', ')}])`);
    }
    const gl = this.gpu.context as WebGL2RenderingContext | null;
    this.renderer = mode === 'headlessgl' ? (glRenderer(gl) ?? 'headless-gl') : glRenderer(gl);
    const maxTexture = gl ? (gl.getParameter(gl.MAX_TEXTURE_SIZE) as number) : 4096;
    this.maxSize = Math.min(MAX_EXACT_INDEX, maxTexture * maxTexture);
  }

  compile(source: string, size: number): CompiledKernel {
    const kernel = this.gpu.createKernel(source, {
      output: [size],
      pipeline: true,
      immutable: true,
      precision: 'single',
      tactic: 'precision',
      dynamicOutput: false,
      dynamicArguments: false,
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
        tactic: 'precision',
      });
      this.uploads.set(values.length, kernel);
    }
    return kernel(values) as Texture;
  }

  run(kernel: CompiledKernel, args: DeviceValue[]): DeviceValue {
    return kernel(...args) as Texture;
  }

  readSync(value: DeviceValue, size: number): Float32Array {
    return toFloat32((value as Texture).toArray(), size);
  }

  read(value: DeviceValue, size: number): Promise<Float32Array> {
    return Promise.resolve(this.readSync(value, size));
  }

  release(value: DeviceValue): void {
    (value as Texture).delete();
  }

  destroy(): void {
    void this.gpu.destroy();
  }
}
