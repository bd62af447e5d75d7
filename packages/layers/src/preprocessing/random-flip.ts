import type { KerasOptions } from '@horn/tensor';
import { flip, type Tensor, tensor, where } from '@horn/tensor';
import { seedOption } from '../conv/layer-options.js';
import { singleInput, singleShape } from '../conv/single-input.js';
import { enumOption } from '../engine/identifiers.js';
import { layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { imageShape, onImageBatch } from './image-input.js';
import { RandomStream } from './random-stream.js';

/**
 * Which flips {@link RandomFlip} draws.
 * @example
 * const mode: FlipMode = 'horizontal';
 * new RandomFlip({ mode, seed: 1 }).apply(ones([1, 4, 4, 3]), { training: true }).shape; // [1, 4, 4, 3]
 */
export type FlipMode = 'horizontal' | 'vertical' | 'horizontalAndVertical';

/**
 * Options of {@link RandomFlip}.
 * @example
 * const flip = new RandomFlip({ mode: 'horizontal_and_vertical', seed: 42 });
 * flip.apply(tensor([[[[1], [2]]]]), { training: false }).arraySync(); // [[[[1], [2]]]]: flips only in training
 */
export interface RandomFlipConfig extends LayerConfig {
  /** Default 'horizontalAndVertical' (Keras' 'horizontal_and_vertical' works too). */
  mode?: FlipMode | 'horizontal_and_vertical';
  /** Seeds this layer's own random stream; without it the global one (setSeed) is used. */
  seed?: number | null;
}

/**
 * Flips each image left-right and/or up-down with probability 1/2 (Keras' RandomFlip), only
 * in training, which is the default when called directly (Keras 3: `training=True`); with
 * `training: false` (a model's predict and evaluate) it returns its input. Images are `[n, h, w, c]` or `[h, w, c]`.
 * @example new RandomFlip({ mode: 'horizontal', seed: 1 }).apply(images, { training: true })
 */
export class RandomFlip extends Layer<RandomFlipConfig> {
  static override readonly configKeys: readonly string[] = ['mode', 'seed'];
  static override readonly className = 'RandomFlip';
  readonly mode: FlipMode;
  readonly seed: number | undefined;
  private readonly stream: RandomStream;

  constructor(config: KerasOptions<RandomFlipConfig> = {}) {
    super(config);
    const label = layerLabel(this);
    this.mode = enumOption(
      this.config.mode ?? 'horizontalAndVertical',
      ['horizontal', 'vertical', 'horizontalAndVertical'],
      'mode',
      label,
    );
    this.seed = seedOption(this.config.seed, label);
    this.stream = new RandomStream(this.seed);
  }

  /** Keras 3: `call(data, training=True)`, so a direct call augments; models pass false at inference. */
  protected override get defaultTraining(): boolean {
    return true;
  }

  override call(inputs: Tensor | Tensor[], options: CallOptions = {}): Tensor {
    const x = singleInput(this, inputs);
    imageShape(this, x.shape);
    if (!options.training) return x;
    return onImageBatch(x, (batch) => {
      let y = batch;
      if (this.mode !== 'vertical') y = this.flipSome(y, 2);
      if (this.mode !== 'horizontal') y = this.flipSome(y, 1);
      return y;
    });
  }

  /** Flips each image along `axis` with probability 1/2. */
  private flipSome(batch: Tensor, axis: number): Tensor {
    const n = batch.shape[0];
    const chosen = Array.from({ length: n }, () => this.stream.uniform() < 0.5);
    if (!chosen.some(Boolean)) return batch;
    return where(tensor(chosen, [n, 1, 1, 1], 'bool'), flip(batch, axis), batch);
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    return imageShape(this, singleShape(this, inputShape));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), mode: this.mode, seed: this.seed ?? null };
  }
}
