import { BREAST_CANCER_CSV } from './data/breast-cancer.js';
import { sklearnCsv, type ToyDataset } from './toy-dataset.js';

const MEASURES = [
  'radius',
  'texture',
  'perimeter',
  'area',
  'smoothness',
  'compactness',
  'concavity',
  'concave points',
  'symmetry',
  'fractal dimension',
];

const FEATURE_NAMES = [
  ...MEASURES.map((m) => `mean ${m}`),
  ...MEASURES.map((m) => `${m} error`),
  ...MEASURES.map((m) => `worst ${m}`),
];

/**
 * The Wisconsin diagnostic breast cancer set, as `sklearn.datasets.load_breast_cancer()`: 569
 * samples x 30 features (float32), target int32 with 0 = malignant (212) and 1 = benign (357).
 * Ships inside the package: no network, no files.
 * @example
 * const { data, target, featureNames, targetNames } = breastCancer.loadData();
 * data.shape // [569, 30]; targetNames // ['malignant', 'benign']
 */
export const breastCancer = {
  loadData: (): ToyDataset => sklearnCsv(BREAST_CANCER_CSV, FEATURE_NAMES, 'breastCancer'),
};
