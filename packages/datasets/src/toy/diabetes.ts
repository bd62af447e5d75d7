import { makeTensor } from '@horn/tensor';
import { parseCsv } from '../readers/csv.js';
import { DIABETES_DATA_CSV_GZ_BASE64 } from './data/diabetes-data.js';
import { DIABETES_TARGET_CSV_GZ_BASE64 } from './data/diabetes-target.js';
import { gzipBase64ToText, type ToyDataset } from './toy-dataset.js';

/**
 * Options of `diabetes.loadData`.
 * @example
 * diabetes.loadData({ scaled: false }).data.dataSync().slice(0, 2); // Float32Array [59, 2]: age and sex as measured
 * diabetes.loadData().data.dataSync().slice(0, 2); // Float32Array [0.0381, 0.0507]: scikit-learn's scaled values
 */
export interface DiabetesOptions {
  /**
   * Centre each feature and scale it to unit norm, as scikit-learn does by default
   * (`(x - mean) / std / sqrt(nSamples)`, population std). `false` gives the raw measurements. Default true.
   */
  scaled?: boolean;
}

/**
 * The diabetes regression set, as `sklearn.datasets.load_diabetes()`: 442 patients x 10 features
 * (age, sex, bmi, bp, s1..s6; float32, scaled like scikit-learn unless `scaled: false`), target
 * float32 (disease progression one year later, 25..346); `targetNames` is empty. Ships inside the package.
 * @example
 * const { data, target } = diabetes.loadData();
 * data.shape // [442, 10]
 */
export const diabetes = {
  loadData: (options: DiabetesOptions = {}): ToyDataset => {
    const raw = parseCsv(gzipBase64ToText(DIABETES_DATA_CSV_GZ_BASE64), { delimiter: /\s+/ });
    const target = parseCsv(gzipBase64ToText(DIABETES_TARGET_CSV_GZ_BASE64));
    const { rows: n, cols: f } = raw;
    const values = raw.values.slice();
    if (options.scaled ?? true) {
      for (let c = 0; c < f; c++) {
        let mean = 0;
        for (let r = 0; r < n; r++) mean += values[r * f + c];
        mean /= n;
        let variance = 0;
        for (let r = 0; r < n; r++) variance += (values[r * f + c] - mean) ** 2;
        const scale = Math.sqrt(variance / n) * Math.sqrt(n);
        for (let r = 0; r < n; r++) values[r * f + c] = (values[r * f + c] - mean) / scale;
      }
    }
    return {
      data: makeTensor(Float32Array.from(values), [n, f], 'float32'),
      target: makeTensor(Float32Array.from(target.values), [n], 'float32'),
      featureNames: ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'],
      targetNames: [],
    };
  },
};
