import type { KerasOptions } from '@horn/tensor';
import { conv2dTranspose, type Tensor, ValueError } from '@horn/tensor';
import { layerLabel, normalizeTuple } from '../engine/input-checks.js';
import type { LayerShape } from '../engine/layer-shape.js';
import { Conv, type ConvConfig } from './conv.js';
import { type ConvPadding, convTransposeOutputLength } from './conv-geometry.js';

/**
 * Options of {@link Conv2DTranspose}.
 * @example
 * new Conv2DTranspose({ filters: 3, kernelSize: 3, strides: 2, padding: 'same' }).apply(ones([1, 4, 4, 8])).shape; // [1, 8, 8, 3]
 * new Conv2DTranspose({ filters: 3, kernelSize: 3, strides: 2, outputPadding: 1 }).apply(ones([1, 4, 4, 8])).shape; // [1, 10, 10, 3]
 */
export interface Conv2DTransposeConfig extends ConvConfig {
  padding?: ConvPadding;
  /**
   * Extra rows/columns on the bottom/right of the output, each smaller than its stride; default
   * null: the output is `in * s + max(k - s, 0)` ('valid') or `in * s` ('same'), as Keras.
   */
  outputPadding?: number | readonly number[] | null;
}

/**
 * Transposed 2-D convolution ("deconvolution", Keras' Conv2DTranspose): the gradient of a
 * Conv2D with respect to its input, used to upsample. The kernel is `[kh, kw, filters, in]`.
 * @example
 * const up = new Conv2DTranspose({ filters: 8, kernelSize: 3, strides: 2 });
 * up.apply(zeros([1, 4, 4, 16])).shape; // [1, 9, 9, 8] ('valid': 4 * 2 + 3 - 2)
 */
export class Conv2DTranspose extends Conv<Conv2DTransposeConfig> {
  static override readonly configKeys: readonly string[] = ['outputPadding'];
  static override readonly className = 'Conv2DTranspose';
  readonly outputPadding: number[] | null;

  constructor(config: KerasOptions<Conv2DTransposeConfig>) {
    super(config, 2);
    const label = layerLabel(this);
    const op = this.config.outputPadding;
    this.outputPadding =
      op === undefined || op === null ? null : normalizeTuple(op, 2, `${label}: outputPadding`, true);
    if (this.outputPadding?.some((p, i) => p >= this.strides[i])) {
      throw new ValueError(
        `${label}: outputPadding [${this.outputPadding}] must be smaller than strides [${this.strides}] on each axis`,
      );
    }
  }

  protected override kernelShape(inputChannels: number): number[] {
    return [...this.kernelSize, this.filters, inputChannels];
  }

  protected override outputLength(size: number | null, axis: number): number | null {
    return convTransposeOutputLength(
      size,
      this.kernelSize[axis],
      this.padding as ConvPadding,
      this.strides[axis],
      this.dilationRate[axis],
      this.outputPadding ? this.outputPadding[axis] : null,
    );
  }

  protected override checkInputFits(_shape: LayerShape): void {}

  protected convolve(x: Tensor): Tensor {
    const [n, h, w] = x.shape;
    const outputShape = [n, this.outputLength(h, 0) as number, this.outputLength(w, 1) as number, this.filters];
    return conv2dTranspose(x, this.kernel as Tensor, outputShape, {
      strides: [this.strides[0], this.strides[1]],
      padding: this.padding as ConvPadding,
      dilations: [this.dilationRate[0], this.dilationRate[1]],
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), outputPadding: this.outputPadding ? [...this.outputPadding] : null };
  }
}
