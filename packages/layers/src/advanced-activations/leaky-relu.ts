import type { KerasOptions } from '@horn/tensor';
import { leakyRelu, type Tensor, ValueError } from '@horn/tensor';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of {@link LeakyReLU}.
 * @example
 * new LeakyReLU({ negativeSlope: 0.1 }).apply(tensor([-2, 3])).arraySync(); // [-0.2, 3]
 */
export interface LeakyReLUConfig extends LayerConfig {
  /** The slope for negative inputs, >= 0. Default 0.3 (Keras 3's name and default). */
  negativeSlope?: number;
  /** The Keras 2 / TF.js name of `negativeSlope`; accepted, saved as `negativeSlope`. */
  alpha?: number;
}

/**
 * `x` for `x >= 0`, `negativeSlope · x` otherwise.
 * @example new LeakyReLU().apply(tensor([[-10, 5]])).arraySync() // [[-3, 5]]
 */
export class LeakyReLU extends Layer<LeakyReLUConfig> {
  static override readonly configKeys: readonly string[] = ['negativeSlope', 'alpha'];
  static override readonly className: string = 'LeakyReLU';
  readonly negativeSlope: number;

  constructor(config: KerasOptions<LeakyReLUConfig> = {}) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    const slope = this.config.negativeSlope ?? this.config.alpha ?? 0.3;
    if (typeof slope !== 'number' || !Number.isFinite(slope) || slope < 0) {
      throw new ValueError(`LeakyReLU: negativeSlope must be a finite number >= 0, got ${JSON.stringify(slope)}`);
    }
    this.negativeSlope = slope;
  }

  override call(x: Tensor): Tensor {
    return leakyRelu(x, this.negativeSlope);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), negativeSlope: this.negativeSlope };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
