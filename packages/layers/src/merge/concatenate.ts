import type { KerasOptions } from '@horn/tensor';
import { concat, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import type { LayerConfig, LayerMask, LayerShape } from '../engine/layer.js';
import type { MaskedShape } from '../engine/masking.js';
import { Merge } from './merge.js';
import { concatMask } from './merge-masks.js';

/**
 * Options of {@link Concatenate}.
 * @example
 * new Concatenate({ axis: 1 }).apply([ones([2, 3]), ones([2, 4])]).shape; // [2, 7]
 */
export interface ConcatenateConfig extends LayerConfig {
  /** The axis to join along (negative counts from the end). Default -1. */
  axis?: number;
}

/**
 * Joins its inputs along `axis`; every other dimension must match.
 * @example new Concatenate().apply([ones([2, 3]), ones([2, 4])]).shape // [2, 7]
 */
export class Concatenate extends Merge<ConcatenateConfig> {
  static override readonly configKeys: readonly string[] = ['axis'];
  static override readonly className: string = 'Concatenate';
  readonly axis: number;

  constructor(config: KerasOptions<ConcatenateConfig> = {}) {
    super(config);
    const axis = this.config.axis ?? -1;
    if (!Number.isInteger(axis))
      throw new ValueError(`Concatenate: axis must be an integer, got ${JSON.stringify(axis)}`);
    this.axis = axis;
  }

  override call(inputs: Tensor[]): Tensor {
    const list = this.checkList<Tensor>(inputs);
    this.mergeShapes(list.map((t) => t.shape));
    return concat(list, this.axis);
  }

  /**
   * Keras' `Concatenate.compute_mask`: the masks (all true for an unmasked input) broadcast to the
   * inputs, joined along `axis`, then `any` over the last axis; null when no input has a mask.
   * @example new Concatenate({ axis: 1 }).computeMask([a, b], [ma, mb]) // [ma | mb joined on time]
   */
  override computeMask(inputs: Tensor | Tensor[], mask?: LayerMask): Tensor | null {
    return concatMask(this, this.checkList<Tensor>(inputs), mask, this.axis);
  }

  /** In a symbolic call: the output has a mask when some input has one. */
  override symbolicMaskFlags(inputs: readonly MaskedShape[]): boolean[] {
    return [inputs.some((t) => t.hasMask)];
  }

  protected merge(inputs: Tensor[]): Tensor {
    return concat(inputs, this.axis);
  }

  protected override mergeShapes(shapes: LayerShape[]): LayerShape {
    const label = layerLabel(this);
    const all = shapes.map(fmtShape).join(', ');
    const rank = shapes[0].length;
    if (shapes.some((s) => s.length !== rank)) {
      throw new ShapeError(`${label}: inputs must have the same rank, got ${all}`);
    }
    const axis = this.axis < 0 ? rank + this.axis : this.axis;
    if (axis < 0 || axis >= rank) {
      throw new ShapeError(`${label}: axis ${this.axis} is out of range for inputs of rank ${rank}: ${all}`);
    }
    const out: (number | null)[] = [...shapes[0]];
    for (const shape of shapes.slice(1)) {
      shape.forEach((d, i) => {
        if (i === axis) out[i] = out[i] === null || d === null ? null : (out[i] as number) + d;
        else if (out[i] === null) out[i] = d;
        else if (d !== null && d !== out[i]) {
          throw new ShapeError(`${label}: inputs must match in every dimension except axis ${this.axis}, got ${all}`);
        }
      });
    }
    return out;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}
