import { makeTensor, type NestedArray, Tensor, ValueError } from '@horn/tensor';
import { asTensor, type DataLike, type LabelsLike } from './arrays.js';

/**
 * Keras's `to_categorical`: one-hot encodes integer class labels into float32 `[...shape, numClasses]`.
 * A trailing dimension of 1 is dropped first (`[n, 1]` labels give `[n, numClasses]`), as in Keras.
 * `numClasses` defaults to the largest label + 1. Unlike Keras (which fails with an IndexError or
 * wraps negative labels), a negative, non-integer or too large label is a ValueError.
 * @example
 * toCategorical([0, 2, 1]).arraySync() // [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
 */
export function toCategorical(labels: LabelsLike | NestedArray, numClasses?: number): Tensor {
  const t = labels instanceof Tensor ? labels : asTensor(labels as DataLike, 'labels', 'toCategorical');
  let shape = [...t.shape];
  if (shape.length > 1 && shape[shape.length - 1] === 1) shape = shape.slice(0, -1);
  const values = t.dataSync();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new ValueError(`toCategorical: labels must be non-negative integers, got ${v} at flat index ${i}`);
    }
  }
  let max = -1;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  const classes = numClasses ?? max + 1;
  if (!Number.isInteger(classes) || classes < 1) {
    throw new ValueError(`toCategorical: numClasses must be a positive integer, got ${numClasses}`);
  }
  if (max >= classes) {
    throw new ValueError(
      `toCategorical: label ${max} is out of range for numClasses=${classes} (labels must be < numClasses)`,
    );
  }
  const out = new Float32Array(values.length * classes);
  for (let i = 0; i < values.length; i++) out[i * classes + values[i]] = 1;
  return makeTensor(out, [...shape, classes], 'float32');
}
