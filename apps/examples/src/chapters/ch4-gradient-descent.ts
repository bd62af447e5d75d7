/**
 * Course 4.2–4.4 (배치 경사 하강법, 2개의 층을 가진 신경망, 미니배치 경사 하강법) on the
 * standardized breast-cancer data (364 training / 91 validation rows): the single layer by batch
 * gradient descent (XᵀE / m, 10,000 epochs) and by stochastic gradient descent (one sample per
 * update, 100 epochs); the two-layer network (10 sigmoid hidden units) with all-ones and with
 * random initial weights; and mini-batches of 32 and 128 (500 epochs). L2 α = 0.01, learning rate
 * 0.1 throughout. Run: `node dist/chapters/ch4-gradient-descent.js` (`--short`: each run
 * but one stops early, at the epochs its `shortEpochs` names, and reports there).
 */
import type { Headline } from '../course/course-program.js';
import { runIfMain } from '../run-if-main.js';
import { CourseNetwork, type CourseNetworkOptions, standardizedBreastCancer } from './ch4-network.js';

/** The runs of the section: a label, the network's options, the epochs (full, short). */
export const gradientDescentRuns: readonly {
  readonly key: string;
  readonly options: CourseNetworkOptions;
  readonly epochs: number;
  readonly shortEpochs: number;
}[] = [
  { key: '4.2 batch, single layer', options: { l2: 0.01 }, epochs: 10_000, shortEpochs: 2_000 },
  { key: '4.2 stochastic, single layer', options: { l2: 0.01, batchSize: 1 }, epochs: 100, shortEpochs: 20 },
  { key: '4.3 two layers, ones', options: { units: 10, l2: 0.01 }, epochs: 20_000, shortEpochs: 1_000 },
  { key: '4.3 two layers, random', options: { units: 10, l2: 0.01, initSeed: 42 }, epochs: 500, shortEpochs: 500 },
  {
    key: '4.4 mini-batch 32',
    options: { units: 10, l2: 0.01, initSeed: 42, batchSize: 32 },
    epochs: 500,
    shortEpochs: 100,
  },
  {
    key: '4.4 mini-batch 128',
    options: { units: 10, l2: 0.01, initSeed: 42, batchSize: 128 },
    epochs: 500,
    shortEpochs: 100,
  },
];

/** Trains each network, prints its validation accuracy and final loss, returns them for `run all`. */
export async function run({ short = false }: { readonly short?: boolean } = {}): Promise<Record<string, Headline>> {
  const { xTrain, yTrain, xVal, yVal } = standardizedBreastCancer();
  console.log(
    `breast cancer, standardized: train ${xTrain.shape[0]} x ${xTrain.shape[1]}, validation ${xVal.shape[0]}`,
  );
  const result: Record<string, Headline> = {};
  const report = (key: string, network: CourseNetwork, epochs: number, started: number) => {
    const accuracy = network.score(xVal, yVal);
    const loss = network.losses.at(-1) ?? Number.NaN;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${key.padEnd(34)} ${String(epochs).padStart(6)} epochs: validation accuracy ${accuracy.toFixed(4)}, ` +
        `training loss ${loss.toFixed(5)} (${seconds.toFixed(1)} s)`,
    );
    result[`${key}: accuracy`] = accuracy;
    result[`${key}: loss`] = loss;
  };
  for (const { key, options, epochs, shortEpochs } of gradientDescentRuns) {
    const started = performance.now();
    const network = new CourseNetwork(options).fit(xTrain, yTrain, shortEpochs);
    if (shortEpochs < epochs) {
      // The short mode stops here; the full run goes on to the section's epochs.
      report(`${key} (${shortEpochs})`, network, shortEpochs, started);
      if (short) continue;
      network.train(xTrain, yTrain, epochs - shortEpochs);
    }
    report(key, network, epochs, started);
  }
  return result;
}

runIfMain(import.meta.url, () => run({ short: process.argv.includes('--short') }));
