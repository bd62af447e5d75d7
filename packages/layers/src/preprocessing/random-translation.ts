import type { KerasOptions } from '@horn/tensor';
import { layerLabel } from '../engine/input-checks.js';
import type { ProjectiveTransform } from './affine-transform.js';
import { type RandomAffineConfig, RandomAffineLayer } from './random-affine-layer.js';
import { factorRange } from './random-stream.js';

/**
 * Options of {@link RandomTranslation}.
 * @example
 * new RandomTranslation({ heightFactor: 0.1, widthFactor: [-0.2, 0.2], seed: 1 }).apply(ones([1, 8, 8, 3]), { training: true }).shape; // [1, 8, 8, 3]
 */
export interface RandomTranslationConfig extends RandomAffineConfig {
  /** The vertical shift as a fraction of the height in [-1, 1]: `f` draws from `[-f, f]`; positive moves down. */
  heightFactor: number | readonly [number, number];
  /** The horizontal shift as a fraction of the width in [-1, 1]; positive moves right. */
  widthFactor: number | readonly [number, number];
}

/**
 * Shifts each image by a random fraction of its size (Keras' RandomTranslation), only when
 * `training` is true, the default of a direct call (Keras 3); `training: false` passes through.
 * @example new RandomTranslation({ heightFactor: 0.1, widthFactor: 0.1, fillMode: 'constant', seed: 3 })
 */
export class RandomTranslation extends RandomAffineLayer<RandomTranslationConfig> {
  static override readonly configKeys: readonly string[] = ['heightFactor', 'widthFactor'];
  static override readonly className = 'RandomTranslation';
  readonly heightFactor: [number, number];
  readonly widthFactor: [number, number];

  constructor(config: KerasOptions<RandomTranslationConfig>) {
    super(config);
    const label = layerLabel(this);
    this.heightFactor = factorRange(this.config.heightFactor, 'heightFactor', label, 1);
    this.widthFactor = factorRange(this.config.widthFactor, 'widthFactor', label, 1);
  }

  protected drawTransform(height: number, width: number): ProjectiveTransform {
    const dy = this.stream.uniform(this.heightFactor[0], this.heightFactor[1]) * height;
    const dx = this.stream.uniform(this.widthFactor[0], this.widthFactor[1]) * width;
    return [1, 0, -dx, 0, 1, -dy, 0, 0];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), heightFactor: [...this.heightFactor], widthFactor: [...this.widthFactor] };
  }
}
