import type { KerasOptions } from '@horn/tensor';
import { elu, type Tensor, ValueError } from '@horn/tensor';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of {@link ELU}.
 * @example
 * new ELU({ alpha: 0.5 }).apply(tensor([-1, 2])).arraySync(); // [-0.3161, 2]: 0.5 * (e^-1 - 1)
 */
export interface ELUConfig extends LayerConfig {
  /** The scale of the negative part. Default 1. */
  alpha?: number;
}

/**
 * Exponential linear unit: `x` for `x > 0`, `alpha · (e^x - 1)` otherwise.
 * @example new ELU().apply(tensor([[-1, 2]])).arraySync() // [[-0.6321206, 2]]
 */
export class ELU extends Layer<ELUConfig> {
  static override readonly configKeys: readonly string[] = ['alpha'];
  static override readonly className: string = 'ELU';
  readonly alpha: number;

  constructor(config: KerasOptions<ELUConfig> = {}) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    const alpha = this.config.alpha ?? 1;
    if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
      throw new ValueError(`ELU: alpha must be a finite number, got ${JSON.stringify(alpha)}`);
    }
    this.alpha = alpha;
  }

  override call(x: Tensor): Tensor {
    return elu(x, this.alpha);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), alpha: this.alpha };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
