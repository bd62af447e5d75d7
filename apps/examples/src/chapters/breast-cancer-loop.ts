/**
 * The course's custom training loop (chapter 6) on its breast-cancer task: a Dense(16, relu) ->
 * Dense(1, sigmoid) network on standardized features (chapter 3), split 364 / 91 / 114 with
 * stratification, GradientTape gradients, Adam updates, a Keras-style progress bar.
 * Run: `node dist/chapters/breast-cancer-loop.js`.
 */
import { breastCancer } from '@horn/datasets';
import { Dense } from '@horn/layers';
import { Adam } from '@horn/optimizers';
import { StandardScaler, trainTestSplit } from '@horn/preprocessing';
import { runIfMain } from '../run-if-main.js';
import { type ClassifierHistory, trainClassifier } from './train-classifier.js';

/** Trains and reports; returns the history for tests. */
export function main(
  epochs = 20,
  out: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
): ClassifierHistory {
  const started = performance.now();
  const { data, target } = breastCancer.loadData();
  const [xTrainAll, xTest, yTrainAll, yTest] = trainTestSplit(data, target, {
    testSize: 0.2,
    stratify: target,
    seed: 42,
  });
  const [xTrain, xVal, yTrain, yVal] = trainTestSplit(xTrainAll, yTrainAll, {
    testSize: 0.2,
    stratify: yTrainAll,
    seed: 42,
  });
  const scaler = new StandardScaler();
  const train = scaler.fitTransform(xTrain);
  out.write(
    `Breast cancer (Wisconsin), ${data.shape[0]} samples x ${data.shape[1]} features: ` +
      `train ${xTrain.shape[0]}, validation ${xVal.shape[0]}, test ${xTest.shape[0]}\n`,
  );
  const layers = [
    new Dense({
      units: 16,
      activation: 'relu',
      kernelInitializer: { className: 'GlorotUniform', config: { seed: 42 } },
    }),
    new Dense({
      units: 1,
      activation: 'sigmoid',
      kernelInitializer: { className: 'GlorotUniform', config: { seed: 7 } },
    }),
  ];
  const history = trainClassifier(
    layers,
    { x: train, y: yTrain },
    { x: scaler.transform(xVal), y: yVal },
    { epochs, batchSize: 32, optimizer: new Adam({ learningRate: 0.01 }), seed: 42, out },
  );
  const testAccuracy = history.evaluate(scaler.transform(xTest), yTest);
  const seconds = (performance.now() - started) / 1000;
  out.write(
    `test accuracy: ${testAccuracy.toFixed(4)} (${xTest.shape[0]} samples), wall time ${seconds.toFixed(1)}s\n`,
  );
  return { ...history, testAccuracy };
}

runIfMain(import.meta.url, () => main());
