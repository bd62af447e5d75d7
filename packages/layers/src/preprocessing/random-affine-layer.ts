import type { KerasOptions, Tensor } from '@horn/tensor';
import { finiteNumber, seedOption } from '../conv/layer-options.js';
import { singleInput, singleShape } from '../conv/single-input.js';
import { enumOption } from '../engine/identifiers.js';
import { layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { affineTransform, FILL_MODES, type FillMode, type ProjectiveTransform } from './affine-transform.js';
import { imageShape, onImageBatch } from './image-input.js';
import { RandomStream } from './random-stream.js';
import type { ResizeInterpolation } from './resize-images.js';

/**
 * Options RandomRotation, RandomZoom and RandomTranslation share.
 * @example
 * new RandomZoom({ heightFactor: 0.2, fillMode: 'nearest', interpolation: 'bilinear', fillValue: 0, seed: 1 });
 */
export interface RandomAffineConfig extends LayerConfig {
  /** How points outside the image are filled: 'reflect' (default), 'wrap', 'constant' or 'nearest'. */
  fillMode?: FillMode;
  /** 'bilinear' (default) or 'nearest'. */
  interpolation?: ResizeInterpolation;
  /** The value of 'constant' fill. Default 0. */
  fillValue?: number;
  /** Seeds this layer's own random stream; without it the global one (setSeed) is used. */
  seed?: number | null;
}

/**
 * The base of the random geometric augmentations: when `training` is true, draws one projective
 * transform per image and resamples it as TF's ImageProjectiveTransformV3 (see affineTransform);
 * with `training: false` (a model's predict / evaluate) returns its input. Called directly with no
 * `training` it augments, as Keras 3 (`call(data, training=True)`). Images are `[n, h, w, c]` or `[h, w, c]`.
 * @example class RandomShear extends RandomAffineLayer<RandomShearConfig> { ... }
 */
export abstract class RandomAffineLayer<C extends RandomAffineConfig = RandomAffineConfig> extends Layer<C> {
  static override readonly configKeys: readonly string[] = ['fillMode', 'interpolation', 'fillValue', 'seed'];
  readonly fillMode: FillMode;
  readonly interpolation: ResizeInterpolation;
  readonly fillValue: number;
  readonly seed: number | undefined;
  protected readonly stream: RandomStream;

  constructor(config: KerasOptions<C>) {
    super(config);
    const label = layerLabel(this);
    const c = this.config;
    this.fillMode = enumOption(c.fillMode ?? 'reflect', FILL_MODES, 'fillMode', label);
    this.interpolation = enumOption(c.interpolation ?? 'bilinear', ['bilinear', 'nearest'], 'interpolation', label);
    this.fillValue = finiteNumber(c.fillValue, 0, 'fillValue', label);
    this.seed = seedOption(c.seed, label);
    this.stream = new RandomStream(this.seed);
  }

  /** Draws the transform of one `height` x `width` image (output pixel -> input point). */
  protected abstract drawTransform(height: number, width: number): ProjectiveTransform;

  /** Keras 3: `call(data, training=True)`, so a direct call augments; models pass false at inference. */
  protected override get defaultTraining(): boolean {
    return true;
  }

  override call(inputs: Tensor | Tensor[], options: CallOptions = {}): Tensor {
    const x = singleInput(this, inputs);
    imageShape(this, x.shape);
    if (!options.training) return x;
    return onImageBatch(x, (batch) => {
      const [n, h, w] = batch.shape;
      const transforms = Array.from({ length: n }, () => this.drawTransform(h, w));
      return affineTransform(batch, transforms, {
        interpolation: this.interpolation,
        fillMode: this.fillMode,
        fillValue: this.fillValue,
      });
    });
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    return imageShape(this, singleShape(this, inputShape));
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      fillMode: this.fillMode,
      interpolation: this.interpolation,
      fillValue: this.fillValue,
      seed: this.seed ?? null,
    };
  }
}
