import { breastCancer } from '@horn/datasets';
import { Dense, Input } from '@horn/layers';
import { Adam } from '@horn/optimizers';
import { StandardScaler, trainTestSplit } from '@horn/preprocessing';
import { memory, setSeed, type Tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Sequential } from '../index.js';

describe('logistic regression on the breast cancer data', () => {
  test('Dense(1, sigmoid) with Adam reaches >= 95% test accuracy', async () => {
    const { data, target } = breastCancer.loadData();
    const [xTrainRaw, xTestRaw, yTrain, yTest] = trainTestSplit(data, target, {
      testSize: 0.2,
      stratify: target,
      seed: 42,
    });
    const scaler = new StandardScaler();
    const xTrain = scaler.fitTransform(xTrainRaw);
    const xTest = scaler.transform(xTestRaw);
    setSeed(3);
    const model = new Sequential([Input({ shape: [30] }), new Dense({ units: 1, activation: 'sigmoid' })]);
    model.compile({ optimizer: new Adam({ learningRate: 0.01 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
    const before = memory().numTensors;
    const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, validationSplit: 0.1, verbose: 0 });
    expect(memory().numTensors).toBe(before + 4); // Adam's two slots per weight
    expect(model.compiled!.metricEntries[0].metric!.className).toBe('BinaryAccuracy');
    const { loss, val_accuracy } = history.history;
    expect(loss[29]).toBeLessThan(loss[0] / 3);
    expect(val_accuracy[29]).toBeGreaterThan(0.9);
    const [testLoss, testAccuracy] = (await model.evaluate(xTest, yTest, { verbose: 0 })) as number[];
    expect(testAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(testLoss).toBeLessThan(0.15);
    // A second computation: threshold the predicted probabilities at 0.5.
    const probs = (model.predict(xTest, { verbose: 0 }) as Tensor).dataSync();
    const labels = yTest.dataSync();
    let right = 0;
    for (let i = 0; i < labels.length; i++) if ((probs[i] > 0.5 ? 1 : 0) === labels[i]) right++;
    expect(right / labels.length).toBeCloseTo(testAccuracy, 6);
  });
});
