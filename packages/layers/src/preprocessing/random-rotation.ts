import type { KerasOptions } from '@horn/tensor';
import { layerLabel } from '../engine/input-checks.js';
import type { ProjectiveTransform } from './affine-transform.js';
import { type RandomAffineConfig, RandomAffineLayer } from './random-affine-layer.js';
import { factorRange } from './random-stream.js';

/**
 * Options of {@link RandomRotation}.
 * @example
 * new RandomRotation({ factor: [-0.1, 0.1], fillMode: 'reflect', seed: 1 }).apply(ones([1, 8, 8, 3]), { training: true }).shape; // [1, 8, 8, 3]
 */
export interface RandomRotationConfig extends RandomAffineConfig {
  /**
   * The rotation range as a fraction of a full turn: `f` draws from `[-f, f] * 2π`, `[a, b]` from
   * `[a, b] * 2π` (positive is counter-clockwise).
   */
  factor: number | readonly [number, number];
}

/**
 * Rotates each image by a random angle about its center (Keras' RandomRotation), only when
 * `training` is true, the default of a direct call (Keras 3); `training: false` passes through.
 * @example new RandomRotation({ factor: 0.1, seed: 7 }).apply(images, { training: true }) // within ±36°
 */
export class RandomRotation extends RandomAffineLayer<RandomRotationConfig> {
  static override readonly configKeys: readonly string[] = ['factor'];
  static override readonly className = 'RandomRotation';
  readonly factor: [number, number];

  constructor(config: KerasOptions<RandomRotationConfig>) {
    super(config);
    this.factor = factorRange(this.config.factor, 'factor', layerLabel(this));
  }

  protected drawTransform(height: number, width: number): ProjectiveTransform {
    const angle = this.stream.uniform(this.factor[0] * 2 * Math.PI, this.factor[1] * 2 * Math.PI);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    // Keras' rotation matrix: about the image center, output pixel -> input point.
    const xOffset = (width - 1 - (cos * (width - 1) - sin * (height - 1))) / 2;
    const yOffset = (height - 1 - (sin * (width - 1) + cos * (height - 1))) / 2;
    return [cos, -sin, xOffset, sin, cos, yOffset, 0, 0];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), factor: [...this.factor] };
  }
}
