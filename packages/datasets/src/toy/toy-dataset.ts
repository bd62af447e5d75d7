import { makeTensor, type Tensor, ValueError } from '@horn/tensor';
import { maybeGunzip } from '../readers/bytes.js';
import { parseCsv } from '../readers/csv.js';

/**
 * A scikit-learn style bunch, as `sklearn.datasets.load_*()` returns it.
 * @example
 * const { data, target, featureNames, targetNames }: ToyDataset = iris.loadData();
 * data.shape; // [150, 4]
 * featureNames[0]; // 'sepal length (cm)'
 * targetNames; // ['setosa', 'versicolor', 'virginica']
 */
export interface ToyDataset {
  /** Features, float32 `[nSamples, nFeatures]`. */
  data: Tensor;
  /** Class indices, int32 `[nSamples]` (float32 values for the regression set diabetes). */
  target: Tensor;
  /** One name per feature column. */
  featureNames: string[];
  /** One name per class (empty for regression). */
  targetNames: string[];
}

/**
 * Decodes base64 (the shipped gzip files) into bytes; `atob` exists in Node 16+ and browsers.
 * @example base64ToBytes('AQID') // Uint8Array [1, 2, 3]
 */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * Text of a shipped gzip file given as base64.
 * @example gzipBase64ToText(DIGITS_CSV_GZ_BASE64).slice(0, 6) // '0,0,5,'
 */
export function gzipBase64ToText(base64: string): string {
  return new TextDecoder().decode(maybeGunzip(base64ToBytes(base64)));
}

/**
 * Parses scikit-learn's `load_csv_data` layout: a first line `nSamples,nFeatures,class names...`,
 * then rows of features with the integer class last.
 * @example sklearnCsv(IRIS_CSV, ['sepal length (cm)', ...], 'iris').data.shape // [150, 4]
 */
export function sklearnCsv(csv: string, featureNames: string[], what: string): ToyDataset {
  const newline = csv.indexOf('\n');
  const head = csv.slice(0, newline).trim().split(',');
  const [nSamples, nFeatures] = [Number(head[0]), Number(head[1])];
  const table = parseCsv(csv.slice(newline + 1));
  if (table.rows !== nSamples || table.cols !== nFeatures + 1 || featureNames.length !== nFeatures) {
    throw new ValueError(`${what}: the shipped CSV does not match its header ${head.slice(0, 2).join(',')}`);
  }
  const data = new Float32Array(nSamples * nFeatures);
  const target = new Int32Array(nSamples);
  for (let r = 0; r < nSamples; r++) {
    for (let c = 0; c < nFeatures; c++) data[r * nFeatures + c] = table.values[r * table.cols + c];
    target[r] = table.values[r * table.cols + nFeatures];
  }
  return {
    data: makeTensor(data, [nSamples, nFeatures], 'float32'),
    target: makeTensor(target, [nSamples], 'int32'),
    featureNames: [...featureNames],
    targetNames: head.slice(2),
  };
}
