import type { KerasOptions } from '@horn/tensor';
import { layerLabel } from '../engine/input-checks.js';
import type { ProjectiveTransform } from './affine-transform.js';
import { type RandomAffineConfig, RandomAffineLayer } from './random-affine-layer.js';
import { factorRange } from './random-stream.js';

/**
 * Options of {@link RandomZoom}.
 * @example
 * new RandomZoom({ heightFactor: [-0.3, 0.3], widthFactor: null, seed: 1 }).apply(ones([1, 8, 8, 3]), { training: true }).shape; // [1, 8, 8, 3]
 */
export interface RandomZoomConfig extends RandomAffineConfig {
  /**
   * The vertical zoom range, fractions in [-1, 1]: `f` draws from `[-f, f]`, `[a, b]` from `[a, b]`.
   * Positive zooms out (the image shrinks), negative zooms in.
   */
  heightFactor: number | readonly [number, number];
  /** The horizontal zoom range; default null: the same zoom as the height (aspect ratio kept). */
  widthFactor?: number | readonly [number, number] | null;
}

/**
 * Zooms each image in or out by a random factor about its center (Keras' RandomZoom), only when
 * `training` is true, the default of a direct call (Keras 3); `training: false` passes through.
 * @example new RandomZoom({ heightFactor: [-0.3, -0.2], seed: 1 }) // zoom in by 20% to 30%
 */
export class RandomZoom extends RandomAffineLayer<RandomZoomConfig> {
  static override readonly configKeys: readonly string[] = ['heightFactor', 'widthFactor'];
  static override readonly className = 'RandomZoom';
  readonly heightFactor: [number, number];
  readonly widthFactor: [number, number] | null;

  constructor(config: KerasOptions<RandomZoomConfig>) {
    super(config);
    const label = layerLabel(this);
    this.heightFactor = factorRange(this.config.heightFactor, 'heightFactor', label, 1);
    const w = this.config.widthFactor;
    this.widthFactor = w === undefined || w === null ? null : factorRange(w, 'widthFactor', label, 1);
  }

  protected drawTransform(height: number, width: number): ProjectiveTransform {
    const zoomY = this.stream.uniform(1 + this.heightFactor[0], 1 + this.heightFactor[1]);
    const zoomX = this.widthFactor ? this.stream.uniform(1 + this.widthFactor[0], 1 + this.widthFactor[1]) : zoomY;
    // Keras' zoom matrix: scale about the image center, output pixel -> input point.
    return [zoomX, 0, ((width - 1) / 2) * (1 - zoomX), 0, zoomY, ((height - 1) / 2) * (1 - zoomY), 0, 0];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      heightFactor: [...this.heightFactor],
      widthFactor: this.widthFactor ? [...this.widthFactor] : null,
    };
  }
}
