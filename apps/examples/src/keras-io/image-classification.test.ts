import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as keras from '@horn/keras';
import { describe, expect, test } from 'vitest';
import { augment, imageClassification, loadCatsAndDogs, makeModel } from './image-classification.js';

describe('keras.io example: image_classification_from_scratch', () => {
  test('make_model: 2,731,065 parameters, 2,722,777 trainable (Keras 3 count_params)', () => {
    const model = makeModel([32, 32, 3], 2);
    expect(model.countParams()).toBe(2731065);
    const trainable = model.trainableWeights.reduce((s, w) => s + w.value.size, 0);
    expect(trainable).toBe(2722777);
    expect(model.outputs[0].shape).toEqual([null, 1]);
  });

  test('the CIFAR-10 cats and dogs; augmentation keeps shapes and changes pixels', () => {
    const { images, labels } = loadCatsAndDogs(200);
    expect(images.shape.slice(1)).toEqual([32, 32, 3]);
    expect(labels.shape[0]).toBe(images.shape[0]);
    keras.setSeed(1);
    const augmented = augment(images);
    expect(augmented.shape).toEqual(images.shape);
    expect(Array.from(augmented.dataSync())).not.toEqual(Array.from(images.dataSync()));
  });

  test('short mode: one epoch on 200 CIFAR-10 images, a checkpoint per epoch, a probability', async () => {
    keras.setSeed(1337);
    const { history, checkpointDir, score, line } = await imageClassification(1, 200);
    expect(history.history.loss).toHaveLength(1);
    expect(Number.isFinite(history.history.val_acc[0])).toBe(true);
    expect(existsSync(join(checkpointDir, 'save_at_1', 'model.json'))).toBe(true);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(1);
    expect(line).toMatch(/^This image is \d+\.\d\d% cat and \d+\.\d\d% dog\.$/);
  });
});
