import type { KerasOptions, Tensor } from '@horn/tensor';
import {
  type ActivationFn,
  type ActivationId,
  getActivation,
  serializeActivation,
} from '../activations/activations.js';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of {@link Activation}.
 * @example
 * new Activation({ activation: 'relu' }).apply(tensor([-1, 2])).arraySync(); // [0, 2]
 */
export interface ActivationConfig extends LayerConfig {
  /** An activation id (`'relu'`, `'softmax'`, ...) or function. */
  activation: ActivationId;
}

/**
 * Applies an activation function to its input.
 * @example new Activation({ activation: 'relu' }).apply(tensor([[-1, 2]])).arraySync() // [[0, 2]]
 */
export class Activation extends Layer<ActivationConfig> {
  static override readonly configKeys: readonly string[] = ['activation'];
  static override readonly className: string = 'Activation';
  readonly activation: ActivationFn;

  constructor(config: KerasOptions<ActivationConfig>) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    this.activation = getActivation(this.config.activation);
  }

  override call(x: Tensor): Tensor {
    return this.activation(x);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), activation: serializeActivation(this.activation) };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
