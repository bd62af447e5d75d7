import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import {
  add,
  div,
  maximum,
  mean,
  mul,
  reshape,
  ShapeError,
  sqrt,
  sub,
  type Tensor,
  type TensorLike,
  tensor,
  tidy,
  toTensor,
  ValueError,
  variance,
} from '@horn/tensor';
import { booleanOption } from '../conv/layer-options.js';
import { singleInput, singleShape } from '../conv/single-input.js';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

// Keras' backend.epsilon(): the smallest standard deviation divided by.
const EPSILON = 1e-7;

/**
 * Options of {@link Normalization}.
 * @example
 * const fixed = new Normalization({ axis: -1, mean: [1, 10], variance: [1, 100] });
 * fixed.apply(tensor([[2, 20]])).arraySync(); // [[1, 1]]
 * new Normalization({ mean: 5, variance: 4, invert: true }).apply(tensor([[1]])).arraySync(); // [[7]]: 5 + 1 * 2
 */
export interface NormalizationConfig extends LayerConfig {
  /**
   * The axis (or axes) that keep their own mean and variance, default -1 (per feature / channel);
   * null: one mean and variance for everything.
   */
  axis?: number | readonly number[] | null;
  /** A fixed mean (a number, or one per kept index); give it with `variance`, or learn both by `adapt`. */
  mean?: number | readonly number[] | null;
  /** A fixed variance, given with `mean`. */
  variance?: number | readonly number[] | null;
  /** Undo the normalization instead: `mean + x * std`. Default false. */
  invert?: boolean;
}

function statOption(value: unknown, option: string, label: string): number | number[] | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v))) return [...value];
  throw new ValueError(`${label}: ${option} must be a finite number or an array of them, got ${JSON.stringify(value)}`);
}

/**
 * Standardizes features as Keras' Normalization: `(x - mean) / max(sqrt(variance), 1e-7)` per
 * index of `axis`. The mean and variance are given, or learned from data by `adapt(data)`
 * (population variance over every other axis), which stores them in the non-trainable weights
 * `mean` and `variance`. Keras clamps the standard deviation, not the variance, and so does Horn.
 * @example
 * const norm = new Normalization();
 * norm.adapt(tensor([[1, 10], [3, 30]]));
 * norm.apply(tensor([[1, 10]])).arraySync(); // [[-1, -1]]
 */
export class Normalization extends Layer<NormalizationConfig> {
  static override readonly configKeys: readonly string[] = ['axis', 'mean', 'variance', 'invert'];
  static override readonly className = 'Normalization';
  readonly invert: boolean;
  private readonly axisOption: number[] | null;
  private readonly givenMean: number | number[] | null;
  private readonly givenVariance: number | number[] | null;
  private keptAxes: number[] = [];
  private broadcastShape: number[] = [];
  private meanWeight: Variable | null = null;
  private varianceWeight: Variable | null = null;

  constructor(config: KerasOptions<NormalizationConfig> = {}) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    const label = layerLabel(this);
    const c = this.config;
    const axis = c.axis === undefined ? -1 : c.axis;
    if (axis === null) this.axisOption = null;
    else if (typeof axis === 'number' && Number.isInteger(axis)) this.axisOption = [axis];
    else if (Array.isArray(axis) && axis.every((a) => Number.isInteger(a))) this.axisOption = [...axis];
    else
      throw new ValueError(
        `${label}: axis must be an integer, an array of integers or null, got ${JSON.stringify(axis)}`,
      );
    this.givenMean = statOption(c.mean, 'mean', label);
    this.givenVariance = statOption(c.variance, 'variance', label);
    if ((this.givenMean === null) !== (this.givenVariance === null)) {
      throw new ValueError(
        `${label}: give both mean and variance, or neither (and call adapt), got only ${this.givenMean === null ? 'variance' : 'mean'}`,
      );
    }
    this.invert = booleanOption(c.invert, false, 'invert', label);
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const shape = singleShape(this, inputShape);
    const label = layerLabel(this);
    const rank = shape.length;
    const axes = (this.axisOption ?? []).map((a) => (a < 0 ? a + rank : a));
    if (axes.some((a) => a < 0 || a >= rank) || new Set(axes).size !== axes.length) {
      throw new ShapeError(
        `${label}: axis ${JSON.stringify(this.axisOption)} does not fit an input of shape ${fmtShape(shape)}`,
      );
    }
    if (axes.some((a) => shape[a] === null)) {
      throw new ShapeError(
        `${label}: the size of axis ${JSON.stringify(this.axisOption)} must be known, got ${fmtShape(shape)}`,
      );
    }
    this.keptAxes = [...axes].sort((a, b) => a - b);
    this.broadcastShape = shape.map((d, i) => (this.keptAxes.includes(i) ? (d as number) : 1));
    const statShape = this.keptAxes.map((a) => shape[a] as number);
    const size = statShape.reduce((n, d) => n * d, 1);
    for (const [name, value] of [
      ['mean', this.givenMean],
      ['variance', this.givenVariance],
    ] as const) {
      if (Array.isArray(value) && value.length !== size && value.length !== 1) {
        throw new ShapeError(
          `${label}: ${name} holds ${value.length} values but axis ${JSON.stringify(this.axisOption)} of ${fmtShape(shape)} needs ${size}`,
        );
      }
    }
    if (this.givenMean === null) {
      this.meanWeight = this.addWeight('mean', statShape, { initializer: 'zeros', trainable: false });
      this.varianceWeight = this.addWeight('variance', statShape, { initializer: 'ones', trainable: false });
    }
    this.inputSpec = { ndim: rank, axes: Object.fromEntries(this.keptAxes.map((a) => [a, shape[a] as number])) };
  }

  /**
   * Learns the mean and (population) variance of `data` over every axis but `axis`, replacing what
   * an earlier adapt learned. Builds the layer from `data`'s shape if needed.
   * @example norm.adapt(tensor([[0, 2], [2, 6]])) // mean [1, 4], variance [1, 4]
   */
  adapt(data: TensorLike): void {
    const label = layerLabel(this);
    if (this.givenMean !== null) {
      throw new ValueError(`${label}: adapt() cannot learn statistics for a layer given a fixed mean and variance`);
    }
    const x = toTensor(data, 'data', `${label}.adapt`, 'float32');
    if (!this.built) {
      this.build([null, ...x.shape.slice(1)]);
      this.built = true;
    }
    const meanWeight = this.meanWeight as Variable;
    const varianceWeight = this.varianceWeight as Variable;
    if (x.rank !== this.broadcastShape.length || this.keptAxes.some((a) => x.shape[a] !== this.broadcastShape[a])) {
      throw new ShapeError(
        `${label}: adapt() expected data with sizes ${fmtShape(this.broadcastShape.map((d, i) => (this.keptAxes.includes(i) ? d : null)))}, got ${fmtShape(x.shape)}`,
      );
    }
    if (x.size === 0)
      throw new ValueError(`${label}: adapt() needs at least one sample, got shape ${fmtShape(x.shape)}`);
    tidy(() => {
      const reduceAxes = x.shape.map((_, i) => i).filter((i) => !this.keptAxes.includes(i));
      const f = x.dtype === 'float32' ? x : x.cast('float32');
      meanWeight.assign(reshape(mean(f, reduceAxes), meanWeight.shape));
      varianceWeight.assign(reshape(variance(f, reduceAxes), varianceWeight.shape));
    });
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    const x = singleInput(this, inputs);
    const stat = (weight: Variable | null, given: number | number[] | null): Tensor => {
      if (weight) return reshape(weight, this.broadcastShape);
      const values = typeof given === 'number' ? [given] : (given as number[]);
      return values.length === 1 ? tensor(values[0]) : tensor(values, this.broadcastShape);
    };
    const m = stat(this.meanWeight, this.givenMean);
    const std = maximum(sqrt(stat(this.varianceWeight, this.givenVariance)), EPSILON);
    return this.invert ? add(m, mul(x, std)) : div(sub(x, m), std);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      axis: this.axisOption === null ? null : this.axisOption.length === 1 ? this.axisOption[0] : [...this.axisOption],
      mean: this.givenMean,
      variance: this.givenVariance,
      invert: this.invert,
    };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
