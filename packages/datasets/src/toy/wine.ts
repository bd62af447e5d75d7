import { WINE_CSV } from './data/wine.js';
import { sklearnCsv, type ToyDataset } from './toy-dataset.js';

/**
 * The UCI wine recognition set, as `sklearn.datasets.load_wine()`: 178 samples x 13 features
 * (float32), target int32 0..2 (class_0: 59, class_1: 71, class_2: 48). Ships inside the package.
 * @example
 * wine.loadData().data.shape // [178, 13]
 */
export const wine = {
  loadData: (): ToyDataset =>
    sklearnCsv(
      WINE_CSV,
      [
        'alcohol',
        'malic_acid',
        'ash',
        'alcalinity_of_ash',
        'magnesium',
        'total_phenols',
        'flavanoids',
        'nonflavanoid_phenols',
        'proanthocyanins',
        'color_intensity',
        'hue',
        'od280/od315_of_diluted_wines',
        'proline',
      ],
      'wine',
    ),
};
