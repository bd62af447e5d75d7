import type { KerasOptions } from '@horn/tensor';
import { cast, clip, greater, mul, relu, relu6, sub, type Tensor, ValueError } from '@horn/tensor';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of {@link ReLU}.
 * @example
 * new ReLU({ maxValue: 6, negativeSlope: 0.1, threshold: 1 }).apply(tensor([-1, 0.5, 3, 10])).arraySync(); // [-0.2, -0.05, 3, 6]
 */
export interface ReLUConfig extends LayerConfig {
  /** The largest output, >= 0; null (default) for none. */
  maxValue?: number | null;
  /** The slope below the threshold, >= 0. Default 0. */
  negativeSlope?: number;
  /** Inputs above it pass. Default 0. */
  threshold?: number;
}

function finite(value: unknown, option: string, min = Number.NEGATIVE_INFINITY): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    const bound = min === Number.NEGATIVE_INFINITY ? '' : ` >= ${min}`;
    throw new ValueError(`ReLU: ${option} must be a finite number${bound}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Keras' `ReLU`: `maxValue` for `x >= maxValue`, `x` for `threshold < x < maxValue`,
 * `negativeSlope · (x - threshold)` otherwise.
 * @example new ReLU({ maxValue: 6 }).apply(tensor([[-1, 3, 8]])).arraySync() // [[0, 3, 6]]
 */
export class ReLU extends Layer<ReLUConfig> {
  static override readonly configKeys: readonly string[] = ['maxValue', 'negativeSlope', 'threshold'];
  static override readonly className: string = 'ReLU';
  readonly maxValue: number | null;
  readonly negativeSlope: number;
  readonly threshold: number;

  constructor(config: KerasOptions<ReLUConfig> = {}) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    this.maxValue =
      this.config.maxValue === undefined || this.config.maxValue === null
        ? null
        : finite(this.config.maxValue, 'maxValue', 0);
    this.negativeSlope = finite(this.config.negativeSlope ?? 0, 'negativeSlope', 0);
    this.threshold = finite(this.config.threshold ?? 0, 'threshold');
  }

  override call(x: Tensor): Tensor {
    const { maxValue, negativeSlope, threshold } = this;
    let pos: Tensor;
    if (threshold !== 0) pos = mul(x, cast(greater(x, threshold), 'float32'));
    else if (maxValue === 6) pos = relu6(x);
    else pos = relu(x);
    if (maxValue !== null && !(maxValue === 6 && threshold === 0)) pos = clip(pos, 0, maxValue);
    if (negativeSlope === 0) return pos;
    return sub(pos, mul(relu(sub(threshold, x)), negativeSlope));
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      maxValue: this.maxValue,
      negativeSlope: this.negativeSlope,
      threshold: this.threshold,
    };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
