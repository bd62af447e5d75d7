import type { KerasOptions } from '@horn/tensor';
import { mul, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { dropoutMask, readRate, readSeed, seededStream } from './random-layer.js';

/**
 * Options of {@link Dropout}.
 * @example
 * const dropout = new Dropout({ rate: 0.5, noiseShape: [null, 1], seed: 7 });
 * dropout.apply(ones([2, 3]), { training: true }); // each row entirely kept (2s) or dropped (0s)
 */
export interface DropoutConfig extends LayerConfig {
  /** The fraction of inputs to drop, in [0, 1]. */
  rate: number;
  /** The mask's shape (broadcast over the input); null entries take the input's size. Default: the input shape. */
  noiseShape?: (number | null)[] | null;
  /** Seeds this layer's own stream; without it the global stream (`setSeed`) is used. */
  seed?: number | null;
}

/**
 * Inverted dropout: in training, each input is zeroed with probability `rate` and the rest are
 * scaled by `1 / (1 - rate)`, so the expected value is unchanged; at inference it is the identity.
 * @example new Dropout({ rate: 0.5, seed: 1 }).apply(ones([2, 4]), { training: true }) // entries 0 or 2
 */
export class Dropout extends Layer<DropoutConfig> {
  static override readonly configKeys: readonly string[] = ['rate', 'noiseShape', 'seed'];
  static override readonly className: string = 'Dropout';
  readonly rate: number;
  readonly noiseShape: (number | null)[] | null;
  readonly seed: number | undefined;
  private readonly stream: ReturnType<typeof seededStream>;

  constructor(config: KerasOptions<DropoutConfig>) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    this.rate = readRate(this.config.rate, 'Dropout');
    const ns = this.config.noiseShape ?? null;
    if (ns !== null && (!Array.isArray(ns) || ns.some((d) => d !== null && !(Number.isInteger(d) && d >= 1)))) {
      throw new ValueError(
        `Dropout: noiseShape must be an array of positive integers or nulls, got ${JSON.stringify(ns)}`,
      );
    }
    this.noiseShape = ns ? [...ns] : null;
    this.seed = readSeed(this.config.seed, 'Dropout');
    this.stream = seededStream(this.seed);
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    if (!options.training || this.rate === 0) return x;
    const shape = this.resolveNoiseShape(x.shape);
    return mul(x, dropoutMask(shape, this.rate, this.stream()));
  }

  /** The mask shape for an input shape. */
  protected resolveNoiseShape(inputShape: readonly number[]): number[] {
    if (!this.noiseShape) return [...inputShape];
    const ns = this.noiseShape;
    const bad = ns.length !== inputShape.length || ns.some((d, i) => d !== null && d !== 1 && d !== inputShape[i]);
    if (bad) {
      throw new ShapeError(
        `${layerLabel(this)}: noiseShape ${fmtShape(ns)} does not broadcast to the input shape ${fmtShape(inputShape)}`,
      );
    }
    return ns.map((d, i) => d ?? inputShape[i]);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, noiseShape: this.noiseShape, seed: this.seed ?? null };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
