import type { KerasOptions } from '@horn/tensor';
import { add, makeTensor, type Tensor, ValueError } from '@horn/tensor';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { readSeed, seededStream } from './random-layer.js';

/**
 * Options of {@link GaussianNoise}.
 * @example
 * const noise = new GaussianNoise({ stddev: 0.1, seed: 3 });
 * noise.apply(ones([2]), { training: false }).arraySync(); // [1, 1]: noise only in training
 */
export interface GaussianNoiseConfig extends LayerConfig {
  /** The standard deviation of the noise, >= 0. */
  stddev: number;
  /** Seeds this layer's own stream; without it the global stream (`setSeed`) is used. */
  seed?: number | null;
}

/**
 * Adds zero-mean normal noise with standard deviation `stddev` in training (a regularizer);
 * identity at inference.
 * @example new GaussianNoise({ stddev: 0.1, seed: 1 }).apply(zeros([2, 3]), { training: true })
 */
export class GaussianNoise extends Layer<GaussianNoiseConfig> {
  static override readonly configKeys: readonly string[] = ['stddev', 'seed'];
  static override readonly className: string = 'GaussianNoise';
  readonly stddev: number;
  readonly seed: number | undefined;
  private readonly stream: ReturnType<typeof seededStream>;

  constructor(config: KerasOptions<GaussianNoiseConfig>) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    const stddev = this.config.stddev;
    if (typeof stddev !== 'number' || !(stddev >= 0) || !Number.isFinite(stddev)) {
      throw new ValueError(`GaussianNoise: stddev must be a finite number >= 0, got ${JSON.stringify(stddev)}`);
    }
    this.stddev = stddev;
    this.seed = readSeed(this.config.seed, 'GaussianNoise');
    this.stream = seededStream(this.seed);
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    if (!options.training || this.stddev === 0) return x;
    const rng = this.stream();
    const noise = new Float32Array(x.size);
    for (let i = 0; i < noise.length; i++) noise[i] = this.stddev * rng.nextNormal();
    return add(x, makeTensor(noise, x.shape, 'float32'));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), stddev: this.stddev, seed: this.seed ?? null };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
