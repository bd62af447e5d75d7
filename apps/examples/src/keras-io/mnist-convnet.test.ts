import * as keras from '@horn/keras';
import { expect, test } from 'vitest';
import { mnistConvnet, mnistConvnetModel } from './mnist-convnet.js';

test('mnist_convnet: the summary has 34,826 parameters and the guide shapes', () => {
  const model = mnistConvnetModel();
  // keras.io summary(): Total params: 34,826; (None, 26, 26, 32) ... (None, 1600) ... (None, 10).
  expect(model.countParams()).toBe(34826);
  const lines: string[] = [];
  model.summary(undefined, (line) => lines.push(line));
  const text = lines.join('\n');
  expect(text).toContain('34,826');
  for (const shape of [
    '(None, 26, 26, 32)',
    '(None, 13, 13, 32)',
    '(None, 11, 11, 64)',
    '(None, 5, 5, 64)',
    '(None, 1600)',
    '(None, 10)',
  ]) {
    expect(text).toContain(shape);
  }
});

test('mnist_convnet short mode: 2,000 real MNIST images, 2 epochs (30 Adam steps), test accuracy above 0.6 (Horn: 0.711)', async () => {
  keras.setSeed(1337);
  const { history, score } = await mnistConvnet({ trainSamples: 2000, testSamples: 1000, epochs: 2 });
  expect(history.history.loss).toHaveLength(2);
  expect(history.history.loss[1]).toBeLessThan(history.history.loss[0]);
  expect(history.history.val_accuracy).toHaveLength(2);
  expect(score).toHaveLength(2);
  expect(score[1]).toBeGreaterThan(0.6);
});
