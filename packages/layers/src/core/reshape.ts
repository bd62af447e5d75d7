import type { KerasOptions } from '@horn/tensor';
import { reshape, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of {@link Reshape}.
 * @example
 * new Reshape({ targetShape: [2, -1] }).apply(ones([1, 6])).shape; // [1, 2, 3]
 */
export interface ReshapeConfig extends LayerConfig {
  /** The output shape without the batch dimension; one entry may be -1 (inferred). */
  targetShape: number[];
}

/**
 * Reshapes every sample to `targetShape` (the batch dimension is kept).
 * @example new Reshape({ targetShape: [3, -1] }).apply(ones([2, 12])).shape // [2, 3, 4]
 */
export class Reshape extends Layer<ReshapeConfig> {
  static override readonly configKeys: readonly string[] = ['targetShape'];
  static override readonly className: string = 'Reshape';
  readonly targetShape: number[];

  constructor(config: KerasOptions<ReshapeConfig>) {
    super(config);
    const target = this.config.targetShape;
    if (!Array.isArray(target) || target.some((d) => !Number.isInteger(d) || (d < 0 && d !== -1))) {
      throw new ValueError(
        `Reshape: targetShape must be an array of non-negative integers (one may be -1), got ${JSON.stringify(target)}`,
      );
    }
    if (target.filter((d) => d === -1).length > 1) {
      throw new ValueError(`Reshape: targetShape may have only one -1, got ${JSON.stringify(target)}`);
    }
    this.targetShape = [...target];
  }

  override call(x: Tensor): Tensor {
    const out = this.computeOutputShape(x.shape);
    return reshape(x, out as number[]);
  }

  override computeOutputShape(inputShape: LayerShape): LayerShape {
    const rest = inputShape.slice(1);
    const known = this.targetShape.reduce((n, d) => (d === -1 ? n : n * d), 1);
    const unknownAt = this.targetShape.indexOf(-1);
    const wrong = () =>
      new ShapeError(
        `${layerLabel(this)}: an input of shape ${fmtShape(inputShape)} cannot be reshaped to [batch, ${this.targetShape.join(', ')}]`,
      );
    if (rest.some((d) => d === null)) return [inputShape[0], ...this.targetShape.map((d) => (d === -1 ? null : d))];
    const size = rest.reduce<number>((n, d) => n * (d as number), 1);
    if (unknownAt < 0) {
      if (size !== known) throw wrong();
      return [inputShape[0], ...this.targetShape];
    }
    if (known === 0 || size % known !== 0) throw wrong();
    return [inputShape[0], ...this.targetShape.map((d) => (d === -1 ? size / known : d))];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), targetShape: [...this.targetShape] };
  }
}
