import { IRIS_CSV } from './data/iris.js';
import { sklearnCsv, type ToyDataset } from './toy-dataset.js';

/**
 * Fisher's iris set, as `sklearn.datasets.load_iris()`: 150 samples x 4 features (float32, in cm),
 * target int32 0..2 (setosa, versicolor, virginica), 50 of each. Ships inside the package.
 * @example
 * const { data, target } = iris.loadData();
 * data.shape // [150, 4]
 */
export const iris = {
  loadData: (): ToyDataset =>
    sklearnCsv(IRIS_CSV, ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'], 'iris'),
};
