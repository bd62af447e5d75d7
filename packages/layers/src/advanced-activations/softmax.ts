import type { KerasOptions } from '@horn/tensor';
import { greater, softmax, type Tensor, ValueError, where } from '@horn/tensor';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of {@link Softmax}.
 * @example
 * new Softmax({ axis: 0 }).apply(tensor([[1, 1], [1, 3]])).arraySync(); // [[0.5, 0.1192], [0.5, 0.8808]]
 */
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
    this.supportsMasking = true; // as Keras 3
    const axis = this.config.axis ?? -1;
    if (!Number.isInteger(axis)) throw new ValueError(`Softmax: axis must be an integer, got ${JSON.stringify(axis)}`);
    this.axis = axis;
  }

  /**
   * With a mask (Keras 3): masked positions get -1e9 before the softmax and 0 after; the mask must
   * broadcast to the input from the right (each of its dimensions 1 or the input's).
   */
  override call(x: Tensor, options: CallOptions = {}): Tensor {
    const mask = options.mask;
    if (mask === undefined || mask === null) return softmax(x, this.axis);
    const fits =
      !Array.isArray(mask) &&
      mask.rank <= x.rank &&
      mask.shape.every((d, i) => d === 1 || d === x.shape[x.rank - mask.rank + i]);
    if (!fits) {
      const got = Array.isArray(mask) ? `a list of ${mask.length} masks` : `mask.shape=${fmtShape(mask.shape)}`;
      throw new ValueError(
        `${layerLabel(this)}: the mask must be broadcastable to the inputs (each mask dimension 1 or the matching input dimension, aligned from the last): inputs.shape=${fmtShape(x.shape)}, ${got}`,
      );
    }
    const keep = mask.dtype === 'bool' ? mask : greater(mask, 0.5);
    return where(keep, softmax(where(keep, x, -1e9), this.axis), 0);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
