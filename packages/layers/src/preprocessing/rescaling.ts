import type { KerasOptions } from '@horn/tensor';
import { add, mul, type Tensor, ValueError } from '@horn/tensor';
import { singleInput } from '../conv/single-input.js';
import { layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of {@link Rescaling}.
 * @example
 * new Rescaling({ scale: 1 / 255 }).apply(tensor([[0, 255]])).arraySync(); // [[0, 1]]
 * new Rescaling({ scale: 1 / 127.5, offset: -1 }).apply(tensor([[0, 255]])).arraySync(); // [[-1, 1]]
 */
export interface RescalingConfig extends LayerConfig {
  /** The factor: a number, or numbers that broadcast against the input's last axes (per channel). */
  scale: number | readonly number[];
  /** Added after scaling. Default 0. */
  offset?: number | readonly number[];
}

function numbers(value: unknown, option: string, label: string): number | number[] {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return [...value];
  }
  throw new ValueError(
    `${label}: ${option} must be a finite number or a non-empty array of them, got ${JSON.stringify(value)}`,
  );
}

/**
 * `x * scale + offset` (Keras' Rescaling): `scale: 1 / 255` maps pixels to [0, 1]; `scale: 1 / 127.5,
 * offset: -1` to [-1, 1].
 * @example new Rescaling({ scale: 1 / 255 }).apply(tensor([0, 51, 255])).arraySync() // [0, 0.2, 1]
 */
export class Rescaling extends Layer<RescalingConfig> {
  static override readonly configKeys: readonly string[] = ['scale', 'offset'];
  static override readonly className = 'Rescaling';
  readonly scale: number | number[];
  readonly offset: number | number[];

  constructor(config: KerasOptions<RescalingConfig>) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    const label = layerLabel(this);
    this.scale = numbers(this.config.scale, 'scale', label);
    this.offset = numbers(this.config.offset ?? 0, 'offset', label);
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    return add(mul(singleInput(this, inputs), this.scale), this.offset);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), scale: this.scale, offset: this.offset };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
