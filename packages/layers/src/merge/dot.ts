import type { KerasOptions } from '@horn/tensor';
import { div, matmul, maximum, reshape, ShapeError, sqrt, sum, type Tensor, transpose, ValueError } from '@horn/tensor';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import type { LayerConfig, LayerShape } from '../engine/layer.js';
import { Merge } from './merge.js';

/**
 * Options of {@link Dot}.
 * @example
 * new Dot({ axes: 1 }).apply([tensor([[1, 2]]), tensor([[3, 4]])]).arraySync(); // [[11]]
 * new Dot({ axes: [1, 1], normalize: true }).apply([tensor([[1, 0]]), tensor([[1, 1]])]).arraySync(); // [[0.7071]]: the cosine
 */
export interface DotConfig extends LayerConfig {
  /** The axis (both inputs) or the pair of axes `[a1, a2]` to contract; negative counts from the end. Never 0 (the batch). */
  axes: number | [number, number];
  /** L2-normalize both inputs along their axis first, so the output is the cosine proximity. Default false. */
  normalize?: boolean;
}

// Keras' ops.normalize: x / max(‖x‖, epsilon), epsilon = backend.epsilon().
const EPSILON = 1e-7;

function l2Normalize(x: Tensor, axis: number): Tensor {
  return div(x, maximum(sqrt(sum(x.mul(x), axis, true)), EPSILON));
}

/**
 * The dot product of two inputs along an axis, per sample (Keras' `Dot`, `batch_dot`): the output has
 * the first input's other dimensions followed by the second's, and shape `[batch, 1]` when nothing else
 * is left.
 * @example new Dot({ axes: 1 }).apply([tensor([[1, 2, 3]]), tensor([[10, 20, 30]])]).arraySync() // [[140]]
 */
export class Dot extends Merge<DotConfig> {
  static override readonly className: string = 'Dot';
  static override readonly configKeys: readonly string[] = ['axes', 'normalize'];
  protected override readonly minInputs: number = 2;
  readonly axes: number | [number, number];
  readonly normalize: boolean;

  constructor(config: KerasOptions<DotConfig>) {
    super(config);
    const axes = config?.axes;
    const ok =
      Number.isInteger(axes) || (Array.isArray(axes) && axes.length === 2 && axes.every((a) => Number.isInteger(a)));
    if (!ok) {
      throw new ValueError(`Dot: axes must be an integer or a pair of integers [a1, a2], got ${JSON.stringify(axes)}`);
    }
    const normalize = config.normalize ?? false;
    if (typeof normalize !== 'boolean') {
      throw new ValueError(`Dot: normalize must be a boolean, got ${JSON.stringify(normalize)}`);
    }
    this.axes = Array.isArray(axes) ? [axes[0], axes[1]] : axes;
    this.normalize = normalize;
  }

  override call(inputs: Tensor[]): Tensor {
    const [a, b] = this.checkList<Tensor>(inputs);
    const [a1, a2] = this.resolveAxes(a.shape, b.shape);
    const x = this.normalize ? l2Normalize(a, a1) : a;
    const y = this.normalize ? l2Normalize(b, a2) : b;
    // Move the contracted axis last in x and second in y: [b, m, k] @ [b, k, n].
    const restX = x.shape.map((_, i) => i).filter((i) => i !== 0 && i !== a1);
    const restY = y.shape.map((_, i) => i).filter((i) => i !== 0 && i !== a2);
    const batch = x.shape[0];
    const k = x.shape[a1];
    const m = restX.reduce((n, i) => n * x.shape[i], 1);
    const n = restY.reduce((p, i) => p * y.shape[i], 1);
    const xt = reshape(transpose(x, [0, ...restX, a1]), [batch, m, k]);
    const yt = reshape(transpose(y, [0, a2, ...restY]), [batch, k, n]);
    const out = [batch, ...restX.map((i) => x.shape[i]), ...restY.map((i) => y.shape[i])];
    return reshape(matmul(xt, yt), out.length === 1 ? [batch, 1] : out);
  }

  override computeOutputShape(inputShape: LayerShape[]): LayerShape {
    const [s1, s2] = this.checkList<LayerShape>(inputShape);
    const [a1, a2] = this.resolveAxes(s1, s2);
    const out = [
      s1[0] ?? s2[0] ?? null,
      ...s1.filter((_, i) => i !== 0 && i !== a1),
      ...s2.filter((_, i) => i !== 0 && i !== a2),
    ];
    return out.length === 1 ? [out[0], 1] : out;
  }

  protected merge(inputs: Tensor[]): Tensor {
    return this.call(inputs);
  }

  /** Keras 3: Dot supports masking but its output has no mask. */
  override computeMask(): null {
    return null;
  }

  /** In a symbolic call: no output mask. */
  override symbolicMaskFlags(): boolean[] {
    return [false];
  }

  protected override checkList<T>(inputs: T[] | unknown): T[] {
    const list = super.checkList<T>(inputs);
    if (list.length !== 2) throw new ValueError(`${layerLabel(this)}: expected exactly 2 inputs, got ${list.length}`);
    return list;
  }

  /** The two contracted axes, non-negative, checked against the shapes. */
  private resolveAxes(s1: LayerShape, s2: LayerShape): [number, number] {
    const label = layerLabel(this);
    const [r1, r2] = Array.isArray(this.axes) ? this.axes : [this.axes, this.axes];
    const a1 = r1 < 0 ? r1 + s1.length : r1;
    const a2 = r2 < 0 ? r2 + s2.length : r2;
    const both = `${fmtShape(s1)} and ${fmtShape(s2)}`;
    if (s1.length < 2 || s2.length < 2) throw new ShapeError(`${label}: inputs need rank 2 or more, got ${both}`);
    if (a1 <= 0 || a1 >= s1.length || a2 <= 0 || a2 >= s2.length) {
      throw new ShapeError(
        `${label}: axes ${JSON.stringify(this.axes)} must name a non-batch axis of each input, got shapes ${both}`,
      );
    }
    const [d1, d2] = [s1[a1], s2[a2]];
    if (d1 !== null && d2 !== null && d1 !== d2) {
      throw new ShapeError(
        `${label}: axis ${a1} of the first input (${d1}) differs from axis ${a2} of the second (${d2}): ${both}`,
      );
    }
    const [b1, b2] = [s1[0], s2[0]];
    if (b1 !== null && b2 !== null && b1 !== b2) {
      throw new ShapeError(`${label}: inputs must have the same batch size, got ${both}`);
    }
    return [a1, a2];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      axes: Array.isArray(this.axes) ? [...this.axes] : this.axes,
      normalize: this.normalize,
    };
  }
}
