/**
 * Course 4.5 (다중분류 다층 신경망): the course's multi-class network — 100 sigmoid hidden units,
 * a softmax output over the 10 Fashion-MNIST classes, categorical cross-entropy (∂L/∂z = a − y),
 * mini-batches of 256, learning rate 0.1, standard-normal starting weights, 40 epochs — on the
 * shared 2,000-image subset (1,600 to train, 400 to validate; the course's chapter 6 has 48,000 / 12,000).
 * Then Horn's recipe for so small a set: starting weights × 0.05, batches of 32, learning rate 0.5.
 * Run: `node dist/chapters/ch4-multiclass-network.js` (it reports after 3 epochs and after 40;
 * `--short` stops at 3).
 */
import { readFileSync } from 'node:fs';
import { readNpz } from '@horn/datasets';
import { reshape, slice, type Tensor } from '@horn/tensor';
import type { Headline } from '../course/course-program.js';
import { sharedDataPath } from '../data/shared-data.js';
import { runIfMain } from '../run-if-main.js';
import { CourseNetwork, type CourseNetworkOptions } from './ch4-network.js';

/** The two recipes: the course's, then Horn's. */
export const multiclassRecipes: readonly { readonly key: string; readonly options: CourseNetworkOptions }[] = [
  { key: "the course's recipe", options: { units: 100, classes: 10, batchSize: 256, initSeed: 42 } },
  {
    key: "Horn's recipe",
    options: { units: 100, classes: 10, batchSize: 32, initSeed: 42, initScale: 0.05, learningRate: 0.5 },
  },
];

/** The shared Fashion-MNIST subset as rows of 784 pixels in [0, 1]: the first 1,600 to train, the rest to validate. */
export function fashionRows(): { xTrain: Tensor; yTrain: Tensor; xVal: Tensor; yVal: Tensor } {
  const images = Object.values(readNpz(readFileSync(sharedDataPath('fashion-mnist/subset-2000/x_test.npz'))))[0];
  const labels = Object.values(readNpz(readFileSync(sharedDataPath('fashion-mnist/subset-2000/y_test.npz'))))[0];
  const x = reshape(images.cast('float32').div(255), [-1, 784]);
  return {
    xTrain: slice(x, [0, 0], [1600, -1]),
    yTrain: slice(labels, [0], [1600]),
    xVal: slice(x, [1600, 0], [-1, -1]),
    yVal: slice(labels, [1600], [-1]),
  };
}

/** Trains both recipes, prints their validation accuracy, returns them for `run all`. */
export async function run({ short = false }: { readonly short?: boolean } = {}): Promise<Record<string, Headline>> {
  const { xTrain, yTrain, xVal, yVal } = fashionRows();
  console.log(`Fashion-MNIST subset: train ${xTrain.shape[0]} x ${xTrain.shape[1]}, validation ${xVal.shape[0]}`);
  const result: Record<string, Headline> = {};
  for (const { key, options } of multiclassRecipes) {
    const started = performance.now();
    const network = new CourseNetwork({ ...options, lossEveryEpoch: false });
    const report = (epochs: number) => {
      const accuracy = network.score(xVal, yVal);
      const loss = network.losses.at(-1) ?? Number.NaN;
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${key}, ${epochs} epochs: validation accuracy ${accuracy.toFixed(4)}, training loss ${loss.toFixed(4)} (${seconds.toFixed(1)} s)`,
      );
      result[`${key}, ${epochs} epochs: accuracy`] = accuracy;
      result[`${key}, ${epochs} epochs: loss`] = loss;
    };
    network.fit(xTrain, yTrain, 3);
    report(3);
    if (short) continue;
    network.train(xTrain, yTrain, 37);
    report(40);
  }
  return result;
}

runIfMain(import.meta.url, () => run({ short: process.argv.includes('--short') }));
