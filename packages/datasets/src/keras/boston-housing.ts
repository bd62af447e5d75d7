import { makeTensor, ValueError } from '@horn/tensor';
import type { NpyArray } from '../readers/npy.js';
import { parseNpz } from '../readers/npz.js';
import { datasetFiles } from '../source/dataset-files.js';
import type { DatasetSource, SourceOptions } from '../source/types.js';
import { NumpyRandomState } from './numpy-random.js';
import type { TrainTestData } from './split.js';

/**
 * Where Boston Housing comes from: Keras's `boston_housing.npz` (StatLib's 506 x 13 table).
 * @example
 * BOSTON_HOUSING_SOURCE.remote[0].name; // 'boston_housing.npz' (57,026 bytes)
 * const files = await datasetFiles(BOSTON_HOUSING_SOURCE); // cache, else a sha256-checked download
 */
export const BOSTON_HOUSING_SOURCE: DatasetSource = {
  id: 'boston-housing',
  envName: 'BOSTON_HOUSING',
  remote: [
    {
      name: 'boston_housing.npz',
      url: 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/boston_housing.npz',
      sha256: 'f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5',
      size: 57026,
    },
  ],
  local: [['boston_housing.npz']],
};

/**
 * Options of `bostonHousing.loadData`.
 * @example
 * const [[xTrain, yTrain], [xTest, yTest]] = await bostonHousing.loadData({ testSplit: 0.2, seed: 113, path: 'data/boston-housing' });
 * xTrain.shape; // [404, 13]
 */
export interface BostonHousingOptions extends SourceOptions {
  /** Fraction of the rows kept for the test split, in [0, 1). Default 0.2. */
  testSplit?: number;
  /** Seed of the shuffle (NumPy's RandomState, reproduced exactly). Default 113. */
  seed?: number;
}

/**
 * Boston Housing prices, as `keras.datasets.boston_housing.load_data()`: rows shuffled with seed 113,
 * the first `floor(n * (1 - testSplit))` (404 of 506) for training; x float32 `[n, 13]`, y float32
 * `[n]` (median value in k$). Files: `{ path }` / `HORN_BOSTON_HOUSING_PATH` /
 * `HORN_DATA_PATH/boston-housing` holding `boston_housing.npz`, else cache, else Keras's storage.
 * @example
 * const [[xTrain, yTrain], [xTest, yTest]] = await bostonHousing.loadData();
 * xTrain.shape // [404, 13]
 */
export const bostonHousing = {
  loadData: async (options: BostonHousingOptions = {}): Promise<TrainTestData> => {
    const files = await datasetFiles(BOSTON_HOUSING_SOURCE, options);
    return prepareBostonHousing(parseNpz(files.get('boston_housing.npz')!, 'boston_housing.npz'), options);
  },
};

/**
 * Keras's `boston_housing.load_data` processing applied to the arrays `x` and `y` of the npz.
 * @example prepareBostonHousing(parseNpz(bytes), { testSplit: 0.2 })
 */
export function prepareBostonHousing(
  arrays: Record<string, NpyArray>,
  options: BostonHousingOptions = {},
): TrainTestData {
  const { testSplit = 0.2, seed = 113 } = options;
  if (!(testSplit >= 0 && testSplit < 1))
    throw new ValueError(`bostonHousing: testSplit must be in [0, 1), got ${testSplit}`);
  const x = arrays.x;
  const y = arrays.y;
  if (x?.values == null || y?.values == null || x.shape.length !== 2 || y.shape[0] !== x.shape[0]) {
    throw new ValueError('bostonHousing: boston_housing.npz must hold x [n, features] and y [n]');
  }
  const [n, f] = x.shape;
  const order = new NumpyRandomState(seed).permutation(n);
  const cut = Math.floor(n * (1 - testSplit));
  const take = (from: number, to: number): [ReturnType<typeof makeTensor>, ReturnType<typeof makeTensor>] => {
    const xs = new Float32Array((to - from) * f);
    const ys = new Float32Array(to - from);
    for (let r = from; r < to; r++) {
      const src = order[r];
      for (let c = 0; c < f; c++) xs[(r - from) * f + c] = x.values![src * f + c];
      ys[r - from] = y.values![src];
    }
    return [makeTensor(xs, [to - from, f], 'float32'), makeTensor(ys, [to - from], 'float32')];
  };
  return [take(0, cut), take(cut, n)];
}
