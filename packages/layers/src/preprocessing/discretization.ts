import type { KerasOptions } from '@horn/tensor';
import { type DType, makeTensor, type Tensor, type TensorLike, toTensor, ValueError } from '@horn/tensor';
import { singleInput } from '../conv/single-input.js';
import { enumOption } from '../engine/identifiers.js';
import { layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { type CategoricalOutputMode, encodeCategorical } from './encoding/encode-categorical.js';
import { refuseSparse } from './encoding/encoding-options.js';
import {
  binBoundaries,
  emptySummary,
  mergeSummaries,
  type QuantileSummary,
  summarize,
} from './encoding/quantile-summary.js';

/**
 * Options of {@link Discretization}: `binBoundaries`, or `numBins` and `adapt`.
 * @example
 * new Discretization({ binBoundaries: [0, 1, 2] }).apply(tensor([[-1, 0.5, 3]])).arraySync(); // [[0, 1, 3]]
 * const adapted = new Discretization({ numBins: 2, epsilon: 0.01, outputMode: 'int' });
 * adapted.adapt(tensor([1, 2, 3, 4]));
 * adapted.apply(tensor([0, 5])).arraySync(); // [0, 1]: two bins split at the median
 */
export interface DiscretizationConfig extends LayerConfig {
  /** Increasing boundaries: `[0, 1, 2]` makes the bins `(-inf, 0)`, `[0, 1)`, `[1, 2)`, `[2, inf)`. */
  binBoundaries?: readonly number[] | null;
  /** How many bins `adapt` makes (at its data's quantiles). */
  numBins?: number | null;
  /** The quantile error `adapt` allows. Default 0.01. */
  epsilon?: number;
  /** `'int'` (default: the bin index, int32), `'one_hot'`, `'multi_hot'` or `'count'`. */
  outputMode?: 'int' | CategoricalOutputMode;
  /** Sparse outputs are not supported: only `false`. */
  sparse?: boolean;
}

/**
 * Keras' Discretization: each float input goes to the index of its bin (`binBoundaries[i - 1] <= x
 * < binBoundaries[i]`), as int32 or encoded as one_hot / multi_hot / count vectors of
 * `binBoundaries.length + 1`. With `numBins`, `adapt(data)` finds the boundaries at the data's
 * quantiles with Keras' summary algorithm (the same boundaries as Keras).
 * @example
 * new Discretization({ binBoundaries: [0, 1, 2] }).apply(tensor([[-1.5, 1, 3.4, 0.5]])).arraySync();
 * // [[0, 2, 3, 1]]
 */
export class Discretization extends Layer<DiscretizationConfig> {
  static override readonly configKeys: readonly string[] = [
    'binBoundaries',
    'numBins',
    'epsilon',
    'outputMode',
    'sparse',
  ];
  static override readonly className = 'Discretization';
  readonly numBins: number | null;
  readonly epsilon: number;
  readonly outputMode: 'int' | CategoricalOutputMode;
  /** The boundaries: given, or found by `adapt` (null until then). */
  binBoundaries: number[] | null;
  private summary: QuantileSummary = emptySummary();

  constructor(config: KerasOptions<DiscretizationConfig>) {
    super(config);
    const label = layerLabel(this);
    const { binBoundaries: given, numBins, epsilon, outputMode, sparse } = this.config;
    this.outputMode = enumOption(
      outputMode ?? 'int',
      ['int', 'one_hot', 'multi_hot', 'count'] as const,
      'outputMode',
      label,
    );
    refuseSparse(sparse, label);
    if (numBins !== undefined && numBins !== null && !(Number.isInteger(numBins) && numBins >= 0)) {
      throw new ValueError(`${label}: numBins must be an integer >= 0, got ${JSON.stringify(numBins)}`);
    }
    const hasBins = numBins !== undefined && numBins !== null;
    const hasBoundaries = given !== undefined && given !== null;
    if (hasBins && hasBoundaries) {
      throw new ValueError(
        `${label}: give numBins or binBoundaries, not both; got numBins=${numBins} and binBoundaries=${JSON.stringify(given)}`,
      );
    }
    if (!hasBins && !hasBoundaries) throw new ValueError(`${label}: set either numBins or binBoundaries`);
    this.numBins = hasBins ? numBins : null;
    this.binBoundaries = hasBoundaries ? checkBoundaries(given, label) : null;
    const eps = epsilon ?? 0.01;
    if (!(typeof eps === 'number' && eps > 0 && eps <= 1)) {
      throw new ValueError(`${label}: epsilon must be a number in (0, 1], got ${JSON.stringify(epsilon)}`);
    }
    this.epsilon = eps;
  }

  /**
   * Keras' `from_config`: a config written after `adapt` holds both `numBins` and the boundaries it found.
   * @example Discretization.fromConfig(adapted.getConfig())
   */
  static override fromConfig<T>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const boundaries = config.binBoundaries ?? config.bin_boundaries;
    const bins = config.numBins ?? config.num_bins;
    if (boundaries === undefined || boundaries === null || bins === undefined || bins === null) {
      return new this(config as never);
    }
    const { binBoundaries: _a, bin_boundaries: _b, ...rest } = config;
    const layer = new this(rest as never) as Discretization;
    layer.binBoundaries = checkBoundaries(boundaries, layerLabel(layer));
    return layer as T;
  }

  /**
   * Finds `numBins` bins at the quantiles of `data` (a tensor, an array, or a list of batches
   * summarized one by one as Keras' adapt does), replacing any earlier boundaries.
   * @example const d = new Discretization({ numBins: 4 }); d.adapt(tensor([[-1.5, 1, 3.4, 0.5], [0, 3, 1.3, 0]]));
   */
  adapt(data: TensorLike | readonly TensorLike[]): void {
    const label = layerLabel(this);
    if (this.numBins === null) {
      throw new ValueError(`${label}: cannot adapt a Discretization made with binBoundaries; make it with numBins`);
    }
    const batches =
      Array.isArray(data) && data.length > 0 && data.every((b) => typeof b !== 'number')
        ? (data as readonly TensorLike[])
        : [data as TensorLike];
    this.summary = emptySummary();
    for (const batch of batches) {
      const t = toTensor(batch, 'data', `${label}: adapt`);
      const values = t.dataSync();
      if (t !== batch) t.dispose();
      this.summary = mergeSummaries(summarize(values, this.epsilon), this.summary, this.epsilon);
    }
    this.binBoundaries = binBoundaries(this.summary, this.numBins);
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    const label = layerLabel(this);
    const bounds = this.binBoundaries;
    if (bounds === null) {
      throw new ValueError(
        `${label}: no bin boundaries: pass binBoundaries, or call adapt(data) before using the layer`,
      );
    }
    const x = singleInput(this, inputs);
    const limits = bounds.map(Math.fround);
    const values = x.dataSync();
    const bins = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) bins[i] = bucketOf(values[i], limits);
    if (this.outputMode === 'int') return makeTensor(bins, x.shape, 'int32');
    return encodeCategorical(bins, x.shape, this.outputMode, limits.length + 1, null, label);
  }

  /** int32 bin indices in `'int'` mode, float32 vectors otherwise. */
  computeOutputDType(): DType {
    return this.outputMode === 'int' ? 'int32' : 'float32';
  }

  /** Keras' Discretization output shape. */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = inputShape as LayerShape;
    if (this.outputMode === 'int') return shape;
    const depth = this.binBoundaries !== null ? this.binBoundaries.length + 1 : (this.numBins as number);
    if (this.outputMode === 'one_hot') {
      return shape.length > 1 && shape[shape.length - 1] === 1 ? [...shape.slice(0, -1), depth] : [...shape, depth];
    }
    return shape.length >= 2 ? [shape[0], ...shape.slice(2), depth] : [depth];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      binBoundaries: this.binBoundaries,
      numBins: this.numBins,
      epsilon: this.epsilon,
      outputMode: this.outputMode,
      sparse: false,
    };
  }
}

/** How many boundaries are <= x (NumPy's digitize on increasing bins); NaN goes past the last. */
function bucketOf(x: number, limits: readonly number[]): number {
  if (Number.isNaN(x)) return limits.length;
  let lo = 0;
  let hi = limits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (limits[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkBoundaries(value: unknown, label: string): number[] {
  const ok =
    Array.isArray(value) &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    value.every((v, i) => i === 0 || v >= value[i - 1]);
  if (!ok) {
    throw new ValueError(
      `${label}: binBoundaries must be an array of finite numbers in increasing order, got ${JSON.stringify(value)}`,
    );
  }
  return [...(value as number[])];
}
