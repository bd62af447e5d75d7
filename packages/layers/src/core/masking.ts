import type { KerasOptions } from '@horn/tensor';
import { any, notEqual, squeeze, type Tensor, ValueError, where } from '@horn/tensor';
import { layerLabel } from '../engine/input-checks.js';
import { setKerasMask } from '../engine/keras-mask.js';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of {@link Masking}.
 * @example
 * const masking = new Masking({ maskValue: -1 });
 * (masking.computeMask(tensor([[[1], [-1], [2]]])) as Tensor).arraySync(); // [[1, 0, 1]] (bool): the all -1 step is masked
 */
export interface MaskingConfig extends LayerConfig {
  /** A time step is masked where every feature equals this value. Default 0. */
  maskValue?: number;
}

/**
 * Masks the time steps of a sequence `[batch, time, ...features]` whose features all equal
 * `maskValue` (Keras 3's `Masking`): the output is the input with those steps set to 0, and it
 * carries the mask `[batch, time]` (true where a step is kept) to the layers downstream
 * (recurrent layers skip masked steps, `GlobalAveragePooling1D` leaves them out of the mean).
 * @example
 * const y = new Masking({ maskValue: -1 }).apply(tensor([[[1, 2], [-1, -1]]]));
 * y.arraySync();                // [[[1, 2], [0, 0]]]
 * getKerasMask(y)?.arraySync(); // [[true, false]]
 */
export class Masking extends Layer<MaskingConfig> {
  static override readonly className: string = 'Masking';
  static override readonly configKeys: readonly string[] = ['maskValue'];
  readonly maskValue: number;

  constructor(config: KerasOptions<MaskingConfig> = {}) {
    super(config);
    const value = this.config.maskValue ?? 0;
    if (typeof value !== 'number' || Number.isNaN(value)) {
      throw new ValueError(`${layerLabel(this)}: maskValue must be a number, got ${JSON.stringify(value)}`);
    }
    this.maskValue = value;
    this.supportsMasking = true;
  }

  override call(x: Tensor): Tensor {
    const keep = any(notEqual(x, this.maskValue), -1, true);
    const out = where(keep, x, 0);
    setKerasMask(out, squeeze(keep, -1));
    return out;
  }

  /** Where some feature differs from `maskValue`: a bool tensor of the input's shape without its last axis. */
  override computeMask(x: Tensor | Tensor[]): Tensor {
    return any(notEqual(Array.isArray(x) ? x[0] : x, this.maskValue), -1);
  }

  /** In a symbolic call: the output always has a mask. */
  symbolicMaskFlags(): boolean[] {
    return [true];
  }

  override computeOutputShape(inputShape: LayerShape): LayerShape {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), maskValue: this.maskValue };
  }
}
