import type { KerasOptions } from '@horn/tensor';
import { reshape, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import type { CallOptions, Layer, LayerMask, LayerShape } from '../engine/layer.js';
import { serializeLayer } from '../engine/serialize-layer.js';
import type { Serialized } from '../engine/serialized.js';
import { resolveLayer, Wrapper, type WrapperConfig } from './wrapper.js';

/**
 * Options of {@link TimeDistributed}.
 * @example
 * new TimeDistributed({ layer: new Dense({ units: 2 }) }).apply(ones([3, 5, 4])).shape; // [3, 5, 2]: one Dense per step, shared
 */
export interface TimeDistributedConfig extends WrapperConfig {
  /** The layer applied to every time step (its weights are shared across steps). */
  layer: Layer | Serialized;
}

/**
 * Applies one layer to every time step of a `[batch, time, ...]` input (Keras' `TimeDistributed`):
 * the steps are folded into the batch (`[batch·time, ...]`), the layer runs once, and the result
 * is unfolded to `[batch, time, ...output]`. A mask `[batch, time, ...]` is checked against the
 * input and folded the same way for the wrapped layer (Keras passes step t's slice `mask[:, t]`
 * to each step; a recurrent layer inside needs a `[batch, time, steps]` mask). The output's mask is
 * the input's (Keras 3's default `compute_mask`).
 * @example
 * const td = new TimeDistributed({ layer: new Dense({ units: 2 }) });
 * td.apply(ones([4, 10, 8])).shape; // [4, 10, 2]
 */
export class TimeDistributed extends Wrapper<TimeDistributedConfig> {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'TimeDistributed';
  readonly layer: Layer;

  constructor(config: KerasOptions<TimeDistributedConfig>) {
    super(config);
    this.layer = resolveLayer(this.config.layer, layerLabel(this), 'layer');
    this.layer.trainable = this.trainable;
    this.inputSpec = { minNdim: 3 };
    this.supportsMasking = true;
  }

  protected innerLayers(): readonly Layer[] {
    return [this.layer];
  }

  override build(inputShape: LayerShape): void {
    this.buildInner(this.layer, [null, ...inputShape.slice(2)]);
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    const [batch, time, ...rest] = x.shape;
    const mask = this.foldedMask(x, options.mask);
    const out = this.layer.apply(reshape(x, [batch * time, ...rest]), { ...options, mask });
    if (Array.isArray(out)) {
      throw new ValueError(`${layerLabel(this)}: the wrapped layer must return one tensor, got ${out.length}`);
    }
    return reshape(out, [batch, time, ...out.shape.slice(1)]);
  }

  /** The mask with its time steps folded into the batch, as the input; a ValueError if it does not fit. */
  private foldedMask(x: Tensor, mask: LayerMask | undefined): Tensor | null {
    if (mask === undefined || mask === null) return null;
    const label = layerLabel(this);
    if (Array.isArray(mask)) {
      throw new ValueError(`${label}: expected one mask tensor for its one input, got a list of ${mask.length}`);
    }
    const [batch, time] = x.shape;
    if (mask.rank < 2 || mask.shape[0] !== batch || mask.shape[1] !== time) {
      throw new ValueError(
        `${label}: the mask must be at least 2D and start with the input's [batch, time] = [${batch}, ${time}], got mask shape ${fmtShape(mask.shape)}`,
      );
    }
    return reshape(mask, [batch * time, ...mask.shape.slice(2)]);
  }

  override computeOutputShape(inputShape: LayerShape): LayerShape {
    const [batch, time, ...rest] = inputShape;
    const folded = batch === null || time === null ? null : batch * time;
    const inner = this.layer.computeOutputShape([folded, ...rest]);
    if (inner.length > 0 && Array.isArray(inner[0])) {
      throw new ShapeError(
        `${layerLabel(this)}: the wrapped layer must have one output, got shapes for input ${fmtShape(inputShape)}`,
      );
    }
    return [batch, time, ...(inner as LayerShape).slice(1)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), layer: serializeLayer(this.layer) };
  }
}
