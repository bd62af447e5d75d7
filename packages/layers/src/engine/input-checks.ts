import { ShapeError, ValueError } from '@horn/tensor';
import type { LayerShape } from './layer-shape.js';

/**
 * Anything with a name and a class carrying a Keras class name: a layer, for messages.
 * @example
 * const named: NamedLayer = new Dense({ units: 2, name: 'out' });
 * layerLabel(named); // "Dense 'out'"
 */
export interface NamedLayer {
  readonly name: string;
}

/**
 * `Dense 'dense_1'`: how messages name a layer (its Keras class name and its name).
 * @example layerLabel(new Dense({ units: 2 })) // "Dense 'dense'"
 */
export function layerLabel(layer: NamedLayer): string {
  const cls = (layer.constructor as { className?: string }).className ?? layer.constructor.name;
  return `${cls} '${layer.name}'`;
}

/**
 * Formats a layer shape for messages, with `null` for unknown dimensions: `[null, 28, 28]`.
 * @example fmtShape([null, 3]) // '[null, 3]'
 */
export function fmtShape(shape: LayerShape): string {
  return `[${shape.map((d) => (d === null ? 'null' : String(d))).join(', ')}]`;
}

/**
 * The ranks a layer accepts: one rank, a list of ranks, or bounds.
 * @example
 * const rank: RankRequirement = { min: 3, max: 4 };
 * assertInputRank(new Dense({ units: 2, name: 'd' }), [null, 28, 28, 1], rank); // passes: rank 4
 * assertInputRank(new Dense({ units: 2, name: 'd' }), [null, 28, 28, 1], 3); // throws: expected rank 3
 */
export type RankRequirement = number | readonly number[] | { min?: number; max?: number };

/**
 * Throws a ShapeError naming the layer when `shape`'s rank is not the one required.
 * @example assertInputRank(layer, [null, 28, 28, 1], 4)
 */
export function assertInputRank(layer: NamedLayer, shape: LayerShape, rank: RankRequirement): void {
  const r = shape.length;
  let ok: boolean;
  let expected: string;
  if (typeof rank === 'number') {
    ok = r === rank;
    expected = `rank ${rank}`;
  } else if (Array.isArray(rank)) {
    ok = rank.includes(r);
    expected = `rank ${rank.join(' or ')}`;
  } else {
    const { min = 0, max = Number.POSITIVE_INFINITY } = rank as { min?: number; max?: number };
    ok = r >= min && r <= max;
    expected = max === Number.POSITIVE_INFINITY ? `rank >= ${min}` : `rank between ${min} and ${max}`;
  }
  if (!ok) throw new ShapeError(`${layerLabel(layer)}: expected input of ${expected}, got ${fmtShape(shape)}`);
}

/**
 * The last dimension of an input shape, which must be known (not null); throws a ShapeError
 * naming the layer otherwise.
 * @example lastDimension([null, 784], layer) // 784
 */
export function lastDimension(shape: LayerShape, layer: NamedLayer): number {
  const d = shape.length > 0 ? shape[shape.length - 1] : undefined;
  if (d === undefined || d === null) {
    throw new ShapeError(`${layerLabel(layer)}: the last dimension of the input must be known, got ${fmtShape(shape)}`);
  }
  return d;
}

/**
 * Keras' `standardize_tuple`: an integer becomes `n` copies, an array must hold `n` integers;
 * every entry must be >= 1 (>= 0 with `allowZero`). `name` prefixes the message, e.g.
 * `"Conv2D 'conv2d': kernelSize"`.
 * @example normalizeTuple(3, 2, 'kernelSize') // [3, 3]
 */
export function normalizeTuple(
  value: number | readonly number[],
  n: number,
  name: string,
  allowZero = false,
): number[] {
  const tuple = typeof value === 'number' ? new Array<number>(n).fill(value) : Array.isArray(value) ? [...value] : null;
  const min = allowZero ? 0 : 1;
  if (!tuple || tuple.length !== n || tuple.some((v) => typeof v !== 'number' || !Number.isInteger(v) || v < min)) {
    throw new ValueError(
      `${name} must be an integer or an array of ${n} integers, each >= ${min}, got ${JSON.stringify(value)}`,
    );
  }
  return tuple;
}

/** Reads the inputShape / batchInputShape options into a batch input shape, or null. @internal */
export function readBatchInputShape(
  className: string,
  inputShape: (number | null)[] | undefined,
  batchInputShape: (number | null)[] | undefined,
): (number | null)[] | null {
  const check = (shape: unknown, option: string) => {
    if (!Array.isArray(shape) || shape.some((d) => d !== null && !(Number.isInteger(d) && d >= 0))) {
      throw new ValueError(
        `${className}: ${option} must be an array of non-negative integers or nulls, got ${JSON.stringify(shape)}`,
      );
    }
  };
  if (batchInputShape !== undefined && batchInputShape !== null) {
    check(batchInputShape, 'batchInputShape');
    return [...batchInputShape];
  }
  if (inputShape !== undefined && inputShape !== null) {
    check(inputShape, 'inputShape');
    return [null, ...inputShape];
  }
  return null;
}

/**
 * Keras' `input_dim` as an input shape: `[inputDim]`, for layers that take no `inputDim` option
 * of their own (Embedding does: there it is the vocabulary size). Giving it with `inputShape` or
 * `batchInputShape` is an error, as in Keras.
 * @example inputShapeFromDim('Dense', 4, undefined, undefined) // [4]
 */
export function inputShapeFromDim(
  className: string,
  inputDim: unknown,
  inputShape: (number | null)[] | undefined,
  batchInputShape: (number | null)[] | undefined,
): (number | null)[] | undefined {
  if (inputDim === undefined || inputDim === null) return inputShape;
  if (typeof inputDim !== 'number' || !Number.isInteger(inputDim) || inputDim <= 0) {
    throw new ValueError(`${className}: inputDim must be a positive integer, got ${JSON.stringify(inputDim)}`);
  }
  if (inputShape !== undefined || batchInputShape !== undefined) {
    throw new ValueError(
      `${className}: give inputDim (Keras' input_dim) or inputShape / batchInputShape, not both; got inputDim=${inputDim}`,
    );
  }
  return [inputDim];
}
