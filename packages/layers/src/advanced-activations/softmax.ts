import type { KerasOptions } from '@horn/tensor';
import { softmax, type Tensor, ValueError } from '@horn/tensor';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/** Options of {@link Softmax}. */
export interface SoftmaxConfig extends LayerConfig {
  /** The axis to normalize over. Default -1. */
  axis?: number;
}

/**
 * Softmax over `axis`: `exp(x) / sum(exp(x))`, computed stably.
 * @example new Softmax().apply(tensor([[0, 0]])).arraySync() // [[0.5, 0.5]]
 */
export class Softmax extends Layer<SoftmaxConfig> {
  static override readonly configKeys: readonly string[] = ['axis'];
  static override readonly className: string = 'Softmax';
  readonly axis: number;

  constructor(config: KerasOptions<SoftmaxConfig> = {}) {
    super(config);
    const axis = this.config.axis ?? -1;
    if (!Number.isInteger(axis)) throw new ValueError(`Softmax: axis must be an integer, got ${JSON.stringify(axis)}`);
    this.axis = axis;
  }

  override call(x: Tensor): Tensor {
    return softmax(x, this.axis);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
