import {
  cast,
  fmt,
  gather,
  makeTensor,
  ShapeError,
  slice,
  Tensor,
  type TensorLike,
  toTensor,
  ValueError,
} from '@horn/tensor';
import { ownValue } from '../own-keys.js';
import { describeValue } from './compile-args.js';

/**
 * Model data: one tensor (or nested array) for a one-input (one-output) model, an array with one
 * tensor per input (output) in order, or a record keyed by input (output) name.
 * @example
 * model.predict([[1, 2], [3, 4]]); // one input: nested arrays or a tensor
 * twoInputs.predict([tensor([[1]]), tensor([[2]])]); // inputs 'a' and 'b' in order
 * twoInputs.predict({ a: tensor([[1]]), b: tensor([[2]]) }); // or by name
 */
export type ModelData = TensorLike | readonly Tensor[] | Readonly<Record<string, Tensor>>;

/**
 * Sample weights: one `[n]` array for every output, or one per output (array in output order, or a
 * record by output name; a missing output gets none).
 * @example
 * model.compile({ optimizer: 'sgd', loss: 'mse' });
 * await model.evaluate([[1, 2], [3, 4]], [[1], [2]], { sampleWeight: [1, 0], verbose: 0 }); // only the first sample counts
 */
export type SampleWeightData = TensorLike | readonly (Tensor | null)[] | Readonly<Record<string, Tensor | null>>;

/**
 * Class index to weight, as Keras' `class_weight`; unlisted classes weigh 1.
 * @example await model.fit(x, y, { epochs: 5, classWeight: { 0: 1, 1: 5 } });
 */
export type ClassWeight = Readonly<Record<number | string, number>>;

/**
 * Tensors the training functions create (from nested arrays, splits, batches) and dispose at the end.
 * @example const owned = new OwnedTensors(); const t = owned.own(tensor([1])); owned.dispose();
 */
export class OwnedTensors {
  private readonly list: Tensor[] = [];

  /** Records `t` for disposal and returns it. */
  own<T extends Tensor>(t: T): T {
    this.list.push(t);
    return t;
  }

  /** Disposes every recorded tensor. */
  dispose(): void {
    for (const t of this.list) t.dispose();
    this.list.length = 0;
  }
}

function isTensorList(data: unknown): data is readonly Tensor[] {
  return Array.isArray(data) && data.length > 0 && data.every((t) => t instanceof Tensor);
}

function isRecord(data: unknown): data is Readonly<Record<string, unknown>> {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    !ArrayBuffer.isView(data) &&
    !(data instanceof Tensor)
  );
}

const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ');

/**
 * Whether `value` is a dataset of batches (Keras' `fit(x=dataset)`): an async iterable, or an
 * iterable that is not an array, a typed array, a string or a tensor (a generator, a Set, a
 * TF.js-like dataset). Arrays stay data (nested numbers); pass an array of batches to `fitDataset`.
 * @example isDataset((function* () { yield [x, y]; })()) // true; isDataset([[1, 2]]) // false
 */
export function isDataset(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Tensor || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  const v = value as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown };
  return typeof v[Symbol.asyncIterator] === 'function' || typeof v[Symbol.iterator] === 'function';
}

/**
 * The options of a dataset call (`fit(dataset, args)`): Keras' `fit(x=dataset)` takes no `y`, so the
 * second argument is the options, unless it is null/undefined and the options come third. A `y`
 * next to a dataset is a ValueError that describes it by shape, never by its values.
 * @example datasetArgs('fit', { epochs: 2 }, undefined) // { epochs: 2 }
 */
export function datasetArgs(op: string, y: unknown, args: object | undefined): object {
  const isOptions = (v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
  const hasY = y !== undefined && y !== null && (args !== undefined || !isOptions(y));
  if (hasY) {
    throw new ValueError(
      `${op}: y must not be given when x is a dataset (its batches hold the targets), got ${describeValue(y)}; call ${op}(dataset, { epochs, ... })`,
    );
  }
  return (args ?? y ?? {}) as object;
}

/**
 * The targets of a batch: one tensor per output, or `[]` when none are given, which only a
 * model whose loss comes from `addLoss` alone accepts (Keras' `fit(x)`): compiled with no loss
 * and no metrics. Otherwise a ValueError says which outputs need targets.
 * @example standardizeTargets('fit', undefined, model, owned) // [] for an addLoss-only model
 */
export function standardizeTargets(
  op: string,
  y: ModelData | null | undefined,
  model: { name: string; outputNames: string[]; compiled: CompiledLike | null },
  owned: OwnedTensors,
  what = 'y',
): Tensor[] {
  if (y !== undefined && y !== null) return standardizeData(op, what, y, model.outputNames, owned);
  const compiled = model.compiled;
  const withLoss = model.outputNames.filter((_, i) => compiled?.losses[i]);
  if (withLoss.length > 0) {
    throw new ValueError(
      `${op}: model '${model.name}' was compiled with a loss for ${quoted(withLoss)}, so ${what} (the targets) is required; got ${y}. Pass ${what}, or compile without a loss for a model that adds its own (addLoss)`,
    );
  }
  if ((compiled?.metricEntries.length ?? 0) > 0) {
    throw new ValueError(
      `${op}: the compiled metrics compare targets with predictions, so ${what} is required; got ${y}. Pass ${what}, or compile without metrics`,
    );
  }
  return [];
}

/** What {@link standardizeTargets} reads of a compiled model. */
export interface CompiledLike {
  readonly losses: readonly unknown[];
  readonly metricEntries: readonly unknown[];
}

/**
 * Standardizes `x` (or `y`) into one tensor per model input (output), in order. `names` are the
 * model's input (output) names; an empty list (a model not built yet) accepts any number.
 * @example standardizeData(op, 'x', xTrain, model.inputNames, owned) // [Tensor]
 */
export function standardizeData(
  op: string,
  what: string,
  data: ModelData | undefined,
  names: readonly string[],
  owned: OwnedTensors,
): Tensor[] {
  if (data === undefined || data === null) throw new ValueError(`${op}: ${what} is required, got ${data}`);
  let list: Tensor[];
  if (data instanceof Tensor) list = [data];
  else if (isTensorList(data)) list = [...data];
  else if (isRecord(data)) {
    for (const key of Object.keys(data)) {
      if (!names.includes(key)) {
        throw new ValueError(
          `${op}: ${what} has key '${key}', which the model does not have; expected ${quoted(names)}`,
        );
      }
    }
    list = names.map((name) => {
      const t = ownValue(data, name);
      if (!(t instanceof Tensor))
        throw new ValueError(`${op}: ${what}['${name}'] must be a Tensor, got ${describeValue(t)}`);
      return t;
    });
  } else list = [owned.own(toTensor(data as TensorLike, what, op))];
  if (names.length > 0 && list.length !== names.length) {
    throw new ValueError(
      `${op}: the model has ${names.length} ${what === 'x' ? 'input' : 'output'}(s) (${quoted(names)}), but ${what} holds ${list.length} tensor(s); pass an array in that order or a record by name`,
    );
  }
  list.forEach((t, i) => {
    if (t.rank === 0) {
      throw new ShapeError(
        `${op}: ${what}${list.length > 1 ? `[${i}]` : ''} must have a batch dimension, got a scalar`,
      );
    }
  });
  return list;
}

/**
 * Sample weights per output (float32 tensors, or null), from what the user passed.
 * @example standardizeSampleWeights('fit', { b: w }, ['a', 'b'], owned) // [null, w]
 */
export function standardizeSampleWeights(
  op: string,
  sampleWeight: SampleWeightData | undefined | null,
  outputNames: readonly string[],
  owned: OwnedTensors,
): (Tensor | null)[] {
  const n = Math.max(outputNames.length, 1);
  if (sampleWeight === undefined || sampleWeight === null) return new Array<Tensor | null>(n).fill(null);
  const asFloat = (w: TensorLike, what: string): Tensor => {
    const t = w instanceof Tensor ? w : owned.own(toTensor(w, what, op));
    if (t.rank === 0) throw new ShapeError(`${op}: ${what} must have one weight per sample, got a scalar`);
    return t.dtype === 'float32' ? t : owned.own(cast(t, 'float32'));
  };
  if (
    Array.isArray(sampleWeight) &&
    sampleWeight.length > 0 &&
    sampleWeight.every((w) => w === null || w instanceof Tensor)
  ) {
    if (sampleWeight.length !== n) {
      throw new ValueError(`${op}: sampleWeight holds ${sampleWeight.length} entries, but the model has ${n} outputs`);
    }
    return sampleWeight.map((w, i) => (w === null ? null : asFloat(w as Tensor, `sampleWeight[${i}]`)));
  }
  if (isRecord(sampleWeight)) {
    for (const key of Object.keys(sampleWeight)) {
      if (!outputNames.includes(key)) {
        throw new ValueError(
          `${op}: sampleWeight has key '${key}', which is not an output; outputs are ${quoted(outputNames)}`,
        );
      }
    }
    return outputNames.map((name) => {
      const w = ownValue(sampleWeight, name);
      return w === undefined || w === null ? null : asFloat(w as Tensor, `sampleWeight['${name}']`);
    });
  }
  const shared = asFloat(sampleWeight as TensorLike, 'sampleWeight');
  return new Array<Tensor | null>(n).fill(shared);
}

/**
 * The common number of samples (first dimension) of every tensor, or an error that names each
 * group's shapes: `fit: x and y must have the same number of samples ..., got x [100, 3] and y [90, 1]`.
 * @example countSamples('fit', [['x', xs], ['y', ys]]) // 100
 */
export function countSamples(op: string, groups: readonly [string, readonly (Tensor | null)[]][]): number {
  const sizes = new Set<number>();
  for (const [, tensors] of groups) for (const t of tensors) if (t) sizes.add(t.shape[0]);
  if (sizes.size <= 1) return sizes.size === 0 ? 0 : [...sizes][0];
  const describe = groups
    .filter(([, ts]) => ts.some((t) => t !== null))
    .map(([name, ts]) => `${name} ${ts.flatMap((t) => (t ? [fmt(t.shape)] : [])).join(', ')}`);
  const names = groups.filter(([, ts]) => ts.some((t) => t !== null)).map(([name]) => name);
  throw new ValueError(
    `${op}: ${names.join(' and ')} must have the same number of samples (first dimension), got ${describe.join(' and ')}`,
  );
}

/**
 * Keras' `class_weight` to sample weights: each sample weighs its class' weight (labels are class
 * indices, or one-hot rows whose argmax is the class; values are rounded); unlisted classes weigh 1.
 * @example classWeightsToSampleWeights(tensor([0, 1, 1]), { 1: 2 }) // [1, 2, 2]
 */
export function classWeightsToSampleWeights(op: string, y: Tensor, classWeight: ClassWeight): Tensor {
  if (!isRecord(classWeight)) {
    throw new ValueError(
      `${op}: classWeight must be a record of class index to weight, got ${describeValue(classWeight)}`,
    );
  }
  for (const [k, w] of Object.entries(classWeight)) {
    if (!Number.isInteger(Number(k)) || typeof w !== 'number' || !Number.isFinite(w)) {
      throw new ValueError(`${op}: classWeight must map integer classes to finite numbers, got ${k}: ${w}`);
    }
  }
  const n = y.shape[0];
  const values = y.dataSync();
  const width = y.rank > 1 && y.shape[y.rank - 1] !== 1 ? y.shape[y.rank - 1] : 1;
  if (y.size !== n * width) {
    throw new ShapeError(`${op}: classWeight needs labels of shape [n], [n, 1] or [n, classes], got ${fmt(y.shape)}`);
  }
  const weights = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let cls = Math.round(values[i * width]);
    if (width > 1) {
      let best = 0;
      for (let j = 1; j < width; j++) if (values[i * width + j] > values[i * width + best]) best = j;
      cls = best;
    }
    weights[i] = classWeight[cls] ?? 1;
  }
  return makeTensor(weights, [n], 'float32');
}

/**
 * Keras' `validation_split`: the LAST `split` fraction of the samples (before any shuffling) is held
 * out; training keeps the first `floor(n * (1 - split))`.
 * @example splitAt('fit', 100, 0.2) // 80
 */
export function splitAt(op: string, n: number, split: number): number {
  if (typeof split !== 'number' || !(split > 0 && split < 1)) {
    throw new ValueError(`${op}: validationSplit must be a number in (0, 1), got ${split}`);
  }
  const at = Math.floor(n * (1 - split));
  if (at === 0 || at === n) {
    throw new ValueError(
      `${op}: ${n} samples are not enough to split with validationSplit=${split} (training ${at}, validation ${n - at}); provide more data or another validationSplit`,
    );
  }
  return at;
}

/**
 * Rows `[start, start + size)` of each tensor (null stays null).
 * @example sliceRows([x, null], 8, 4) // [rows 8..11 of x, null]
 */
export function sliceRows(tensors: readonly (Tensor | null)[], start: number, size: number): (Tensor | null)[] {
  return tensors.map((t) => (t ? slice(t, [start], [size]) : null));
}

/**
 * Rows at `indices` of each tensor (null stays null); one shared indices tensor.
 * @example takeRows([x, y], Int32Array.of(3, 0)) // [x rows 3 and 0, y rows 3 and 0]
 */
export function takeRows(tensors: readonly (Tensor | null)[], indices: Int32Array): (Tensor | null)[] {
  const idx = makeTensor(indices, [indices.length], 'int32');
  const out = tensors.map((t) => (t ? gather(t, idx) : null));
  idx.dispose();
  return out;
}
