import { expandDims, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerMask, type LayerShape } from '../engine/layer.js';
import type { MaskedShape } from '../engine/masking.js';
import { mergeMaskList, orMasks } from './merge-masks.js';

/**
 * The base of the elementwise merge layers (Add, Multiply, Average, ...): takes an array of
 * tensors with the same batch size whose other dimensions broadcast (equal, or 1), aligned from the
 * right; a lower-rank input gets size-1 dimensions inserted after the batch, as Keras.
 * @example new Add().apply([ones([2, 3]), ones([2, 1])]).shape // [2, 3]
 */
export abstract class Merge<C extends LayerConfig = LayerConfig> extends Layer<C> {
  static override readonly configKeys: readonly string[] = [];
  /** The fewest inputs the layer takes. */
  protected readonly minInputs: number = 1;

  /** Combines inputs that already have the same rank (`masks`: one entry per input, or null). */
  protected abstract merge(inputs: Tensor[], masks: (Tensor | null)[] | null): Tensor;

  override build(inputShape: LayerShape[]): void {
    // Shapes are checked by call() on every call, with the real batch sizes in the message.
    this.checkList<LayerShape>(inputShape);
  }

  override call(inputs: Tensor[], options: CallOptions = {}): Tensor {
    const list = this.checkList<Tensor>(inputs);
    this.mergeShapes(list.map((t) => t.shape));
    const masks = mergeMaskList(this, list, options.mask);
    const rank = Math.max(...list.map((t) => t.rank));
    return this.merge(
      list.map((t) => {
        let x = t;
        while (x.rank < rank) x = expandDims(x, 1);
        return x;
      }),
      masks,
    );
  }

  /**
   * Keras' `Merge.compute_mask`: the OR of the input masks when every input has one, else null.
   * @example new Add().computeMask([a, b], [ma, mb]) // logicalOr(ma, mb)
   */
  override computeMask(inputs: Tensor | Tensor[], mask?: LayerMask): Tensor | null {
    return orMasks(this, this.checkList<Tensor>(inputs), mask);
  }

  /** In a symbolic call: the output has a mask when every input has one (no stand-in runs). */
  symbolicMaskFlags(inputs: readonly MaskedShape[]): boolean[] {
    return [inputs.every((t) => t.hasMask)];
  }

  override computeOutputShape(inputShape: LayerShape[]): LayerShape {
    return this.mergeShapes(this.checkList<LayerShape>(inputShape));
  }

  /** Checks that the layer got an array of at least `minInputs` entries. */
  protected checkList<T>(inputs: T[] | unknown): T[] {
    // A list holds tensors or shapes (objects); a single shape holds numbers and nulls (a null batch).
    const isList =
      Array.isArray(inputs) && (inputs.length === 0 || (typeof inputs[0] === 'object' && inputs[0] !== null));
    const label = layerLabel(this);
    if (!isList) throw new ValueError(`${label}: a merge layer must be called on an array of tensors, got one tensor`);
    const list = inputs as T[];
    if (list.length < this.minInputs) {
      throw new ValueError(`${label}: expected at least ${this.minInputs} inputs, got ${list.length}`);
    }
    return list;
  }

  /** The broadcast output shape of the inputs, or a ShapeError naming the layer and the shapes. */
  protected mergeShapes(shapes: LayerShape[]): LayerShape {
    const label = layerLabel(this);
    const all = shapes.map(fmtShape).join(', ');
    const batches = new Set(shapes.map((s) => s[0]).filter((d) => d !== null && d !== undefined));
    if (batches.size > 1) throw new ShapeError(`${label}: inputs must have the same batch size, got ${all}`);
    let out: (number | null)[] = shapes[0].slice(1);
    for (const shape of shapes.slice(1)) {
      const rest = shape.slice(1);
      const [long, short] = rest.length >= out.length ? [rest, out] : [out, rest];
      const merged = long.slice(0, long.length - short.length);
      short.forEach((j, k) => {
        const i = long[long.length - short.length + k];
        if (i === null || j === null) merged.push(null);
        else if (i === 1 || j === 1 || i === j) merged.push(i === 1 ? j : i);
        else throw new ShapeError(`${label}: inputs have incompatible shapes ${all}`);
      });
      out = merged;
    }
    const batch = batches.size === 1 ? [...batches][0] : null;
    return [batch ?? null, ...out];
  }
}
