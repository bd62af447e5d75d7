/**
 * Port of keras.io `examples/vision/image_classification_from_scratch.py` ("Image classification
 * from scratch", fchollet): cats vs dogs with data augmentation (RandomFlip('horizontal'),
 * RandomRotation(0.1)) applied to the training images, and a small Xception-like network —
 * Rescaling(1/255), a strided Conv2D(128), three residual blocks of SeparableConv2D(256, 512, 728)
 * + BatchNormalization + MaxPooling2D(3, strides 2) with a strided 1x1 Conv2D shortcut,
 * SeparableConv2D(1024), GlobalAveragePooling2D, Dropout(0.25), Dense(1) logits (2,731,065
 * parameters, 2,722,777 trainable, as Keras 3 counts) — trained with Adam(3e-4),
 * BinaryCrossentropy(fromLogits), BinaryAccuracy('acc'), ModelCheckpoint('save_at_{epoch}');
 * then the inference line "This image is X% cat and Y% dog.".
 * Substituted: the Kaggle cats-vs-dogs download (and its corrupted-JPEG filtering) is not offline,
 * so the port uses the cats (label 3) and dogs (label 5) among the 1,000 CIFAR-10 images in
 * `../shared/data/cifar10` at their native 32x32 (the original resizes to 180x180), 80/20 split;
 * batch size 128 and 25 epochs as the original. `image_dataset_from_directory` is not needed
 * (the images are already decoded). Short mode (tests): `epochs` and `samples`.
 * Run: `node dist/keras-io/image-classification.js`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as keras from '@horn/keras';
import type { Tensor } from '@horn/tensor';
import { runIfMain } from '../run-if-main.js';
import { loadCifar10Records } from './functional-api.js';

const { layers } = keras;

/** The data augmentation stage: random horizontal flips and small rotations. */
export function dataAugmentation(seed = 1337): keras.layers.Layer[] {
  return [
    new layers.RandomFlip({ mode: 'horizontal', seed }),
    new layers.RandomRotation({ factor: 0.1, seed: seed + 1 }),
  ];
}

/** Applies the augmentation layers in turn (training mode). */
export function augment(images: Tensor, augmentation = dataAugmentation()): Tensor {
  let x = images;
  for (const layer of augmentation) x = layer.apply(x, { training: true });
  return x;
}

/** `make_model`: the small Xception-like network. */
export function makeModel(inputShape: number[], numClasses: number): keras.Model {
  const inputs = keras.Input({ shape: inputShape });
  // Entry block
  let x = new layers.Rescaling({ scale: 1.0 / 255 }).apply(inputs);
  x = new layers.Conv2D({ filters: 128, kernelSize: 3, strides: 2, padding: 'same' }).apply(x);
  x = new layers.BatchNormalization().apply(x);
  x = new layers.Activation({ activation: 'relu' }).apply(x);
  let previousBlockActivation = x; // Set aside residual
  for (const size of [256, 512, 728]) {
    x = new layers.Activation({ activation: 'relu' }).apply(x);
    x = new layers.SeparableConv2D({ filters: size, kernelSize: 3, padding: 'same' }).apply(x);
    x = new layers.BatchNormalization().apply(x);
    x = new layers.Activation({ activation: 'relu' }).apply(x);
    x = new layers.SeparableConv2D({ filters: size, kernelSize: 3, padding: 'same' }).apply(x);
    x = new layers.BatchNormalization().apply(x);
    x = new layers.MaxPooling2D({ poolSize: 3, strides: 2, padding: 'same' }).apply(x);
    // Project residual
    const residual = new layers.Conv2D({ filters: size, kernelSize: 1, strides: 2, padding: 'same' }).apply(
      previousBlockActivation,
    );
    x = layers.add([x, residual]); // Add back residual
    previousBlockActivation = x; // Set aside next residual
  }
  x = new layers.SeparableConv2D({ filters: 1024, kernelSize: 3, padding: 'same' }).apply(x);
  x = new layers.BatchNormalization().apply(x);
  x = new layers.Activation({ activation: 'relu' }).apply(x);
  x = new layers.GlobalAveragePooling2D().apply(x);
  const units = numClasses === 2 ? 1 : numClasses;
  x = new layers.Dropout({ rate: 0.25 }).apply(x);
  // We specify activation=None so as to return logits
  const outputs = new layers.Dense({ units, activation: null }).apply(x);
  return new keras.Model(inputs, outputs);
}

/** The CIFAR-10 cats (0) and dogs (1), 0-255 floats as the original's datasets yield. */
export function loadCatsAndDogs(samples = 1000) {
  const { x, y } = loadCifar10Records(samples);
  const labels = y.dataSync();
  const rows = [...labels.keys()].filter((i) => labels[i] === 3 || labels[i] === 5);
  const idx = keras.tensor(Int32Array.from(rows));
  return {
    images: keras.ops.gather(x, idx).mul(255),
    labels: keras.tensor(
      rows.map((i) => (labels[i] === 5 ? 1 : 0)),
      [rows.length, 1],
    ),
  };
}

/** Trains the model; returns it, its history and the inference line for the first image. */
export async function imageClassification(epochs = 25, samples = 1000, verbose: 0 | 2 = 0) {
  const { images, labels } = loadCatsAndDogs(samples);
  const n = images.shape[0];
  const nTrain = Math.round(n * 0.8);
  const part = (t: Tensor, from: number, count: number) =>
    keras.ops.slice(t, [from, ...t.shape.slice(1).map(() => 0)], [count, ...t.shape.slice(1).map(() => -1)]);
  // Apply `data_augmentation` to the training images.
  const trainImages = augment(part(images, 0, nTrain));
  const trainLabels = part(labels, 0, nTrain);
  const valImages = part(images, nTrain, n - nTrain);
  const valLabels = part(labels, nTrain, n - nTrain);

  const model = makeModel([32, 32, 3], 2);
  const checkpointDir = mkdtempSync(join(tmpdir(), 'horn-cats-dogs-'));
  const callbacks = [new keras.callbacks.ModelCheckpoint(join(checkpointDir, 'save_at_{epoch}'))];
  model.compile({
    optimizer: new keras.optimizers.Adam({ learningRate: 3e-4 }),
    loss: new keras.losses.BinaryCrossentropy({ fromLogits: true }),
    metrics: [new keras.metrics.BinaryAccuracy({ name: 'acc' })],
  });
  const history = await model.fit(trainImages, trainLabels, {
    epochs,
    batchSize: 128,
    callbacks,
    validationData: [valImages, valLabels],
    verbose,
  });

  // Run inference on new data
  const predictions = model.predict(part(valImages, 0, 1), { verbose: 0 }) as Tensor;
  const score = keras.ops.sigmoid(predictions).dataSync()[0];
  const line = `This image is ${(100 * (1 - score)).toFixed(2)}% cat and ${(100 * score).toFixed(2)}% dog.`;
  return { model, history, checkpointDir, score, line };
}

async function main(): Promise<void> {
  const { line } = await imageClassification(25, 1000, 2);
  console.log(line);
}

runIfMain(import.meta.url, main);
