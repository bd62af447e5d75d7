import { fmt, ShapeError, squeezeOrExpandToSameRank, type TensorLike, tidy, ValueError } from '@horn/tensor';
import { assertSameShape, describe, floatInput, perValueWeights } from './metric-inputs.js';

/** Keras' stand-in for minus infinity: the score of predictions outside the top k. */
export const NEG_INF = -1e10;

/** Flat labels (1 for a positive, 0 for a negative), predictions and weights of one batch. */
export interface ConfusionInputs {
  labels: Uint8Array;
  preds: Float32Array;
  weights: Float32Array | null;
  /** The shape the flat arrays were read from (after `classId` selection). */
  shape: number[];
}

/** Options of {@link confusionInputs}. */
export interface ConfusionSelection {
  /** Keep only the `topK` highest predictions of each row (the others become {@link NEG_INF}). */
  topK?: number | null;
  /** Keep only this class (the last axis) of labels and predictions. */
  classId?: number | null;
}

/**
 * Reads a batch for the confusion metrics as Keras' `update_confusion_matrix_variables` does: labels
 * are positive where non-zero, ranks are aligned, sample weights scale every value of their sample,
 * then `topK` filtering and `classId` selection apply.
 * @example confusionInputs([0, 1], [0.2, 0.9], null, {}, 'Precision').labels // Uint8Array [0, 1]
 */
export function confusionInputs(
  yTrue: TensorLike,
  yPred: TensorLike,
  sampleWeight: TensorLike | null | undefined,
  selection: ConfusionSelection,
  op: string,
): ConfusionInputs {
  let read: ConfusionInputs | undefined;
  tidy(() => {
    const [p, t] = squeezeOrExpandToSameRank(floatInput(yPred, 'yPred', op), floatInput(yTrue, 'yTrue', op));
    assertSameShape(t, p, op);
    let weights = perValueWeights(sampleWeight, t, op);
    const truth = t.dataSync();
    let labels = new Uint8Array(truth.length);
    for (let i = 0; i < truth.length; i++) labels[i] = truth[i] !== 0 ? 1 : 0;
    let preds = Float32Array.from(p.dataSync());
    let shape = [...p.shape];
    const classes = p.rank === 0 ? 1 : p.shape[p.rank - 1];
    if (selection.topK !== undefined && selection.topK !== null) keepTopK(preds, classes, selection.topK);
    if (selection.classId !== undefined && selection.classId !== null) {
      const id = selection.classId;
      if (p.rank < 2) {
        throw new ShapeError(`${op}: with classId, yPred must be 2-D [samples, classes] or more, got ${fmt(p.shape)}`);
      }
      if (id >= classes)
        throw new ValueError(`${op}: classId ${id} is out of range for ${classes} classes (yPred ${fmt(p.shape)})`);
      const pick = <A extends Uint8Array | Float32Array>(a: A): A => a.filter((_, i) => i % classes === id) as A;
      labels = pick(labels);
      preds = pick(preds);
      weights = weights ? pick(weights) : null;
      shape = [...shape.slice(0, -1), 1];
    }
    read = { labels, preds, weights, shape };
  });
  return read as ConfusionInputs;
}

// TF's top_k keeps the k highest of each row, ties going to the lower index.
function keepTopK(preds: Float32Array, classes: number, k: number): void {
  const order = Array.from({ length: classes }, (_, j) => j);
  for (let base = 0; base < preds.length; base += classes) {
    order.sort((a, b) => preds[base + b] - preds[base + a] || a - b);
    for (let r = k; r < classes; r++) preds[base + order[r]] = NEG_INF;
    order.sort((a, b) => a - b);
  }
}

/** Per-threshold confusion counts. */
export interface ConfusionCounts {
  tp: Float64Array;
  fp: Float64Array;
  tn: Float64Array;
  fn: Float64Array;
}

/** Fresh zero counts for `n` thresholds. */
export function zeroCounts(n: number): ConfusionCounts {
  return { tp: new Float64Array(n), fp: new Float64Array(n), tn: new Float64Array(n), fn: new Float64Array(n) };
}

/**
 * Adds a batch to the counts: a value is predicted positive at threshold `t` when `pred > t`.
 * @example accumulateConfusion(counts, inputs, [0.5]) // counts.tp[0] += weight of each true positive
 */
export function accumulateConfusion(
  counts: ConfusionCounts,
  inputs: ConfusionInputs,
  thresholds: readonly number[],
): void {
  const { labels, preds, weights } = inputs;
  // Compared in float32, as Keras: a prediction of 0.3 is not above a threshold of 0.3.
  const cuts = thresholds.map(Math.fround);
  for (let i = 0; i < preds.length; i++) {
    const w = weights ? weights[i] : 1;
    for (let j = 0; j < thresholds.length; j++) {
      const positive = preds[i] > cuts[j];
      if (labels[i]) positive ? (counts.tp[j] += w) : (counts.fn[j] += w);
      else positive ? (counts.fp[j] += w) : (counts.tn[j] += w);
    }
  }
}

/**
 * Keras' `parse_init_thresholds`: a number or a list, each in `[0, 1]`; `fallback` when absent.
 * @example parseThresholds([0.3, 0.7], 0.5, 'Recall') // [0.3, 0.7]
 */
export function parseThresholds(value: unknown, fallback: number, op: string): number[] {
  if (value === undefined || value === null) return [fallback];
  const list = Array.isArray(value) ? value : [value];
  const bad = list.filter((t) => typeof t !== 'number' || !(t >= 0 && t <= 1));
  if (list.length === 0 || bad.length > 0) {
    throw new ValueError(`${op}: thresholds must be numbers in [0, 1], got ${describe(value)}`);
  }
  return list as number[];
}
