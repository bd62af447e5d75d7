/**
 * Port of keras.io `examples/vision/mnist_convnet.py` ("Simple MNIST convnet", fchollet): two
 * Conv2D + MaxPooling2D blocks, Flatten, Dropout(0.5), Dense(10, softmax); categorical
 * cross-entropy, Adam, batch size 128, 15 epochs, validation_split 0.1; prints the test loss and
 * accuracy. The model has 34,826 parameters, as in the guide's `summary()`.
 * Substituted: `keras.datasets.mnist.load_data()` downloads; this port reads the same four IDX
 * files from `../shared/data/mnist` (the `path` option). `keras.utils.to_categorical` is
 * `keras.utils.toCategorical` in Horn. Short mode (tests): the first `trainSamples`
 * training and `testSamples` test images and `epochs` epochs.
 * Run: `node dist/keras-io/mnist-convnet.js` (the full recipe: 60,000 images, 15 epochs).
 */
import * as keras from '@horn/keras';
import type { Tensor } from '@horn/tensor';
import { sharedDataPath } from '../data/shared-data.js';
import { runIfMain } from '../run-if-main.js';
import { printer, scores } from './scores.js';

/** Options of the port: the guide's recipe by default, fewer samples and epochs in short mode. */
export interface MnistConvnetOptions {
  trainSamples?: number;
  testSamples?: number;
  epochs?: number;
  log?: (line: string) => void;
}

/** The guide's model: 34,826 parameters. */
export function mnistConvnetModel(numClasses = 10, inputShape = [28, 28, 1]): keras.Sequential {
  return new keras.Sequential([
    keras.Input({ shape: inputShape }),
    new keras.layers.Conv2D({ filters: 32, kernelSize: [3, 3], activation: 'relu' }),
    new keras.layers.MaxPooling2D({ poolSize: [2, 2] }),
    new keras.layers.Conv2D({ filters: 64, kernelSize: [3, 3], activation: 'relu' }),
    new keras.layers.MaxPooling2D({ poolSize: [2, 2] }),
    new keras.layers.Flatten(),
    new keras.layers.Dropout({ rate: 0.5 }),
    new keras.layers.Dense({ units: numClasses, activation: 'softmax' }),
  ]);
}

/** Runs the guide; returns the model, the history and the test [loss, accuracy]. */
export async function mnistConvnet(options: MnistConvnetOptions = {}) {
  const { trainSamples = 60000, testSamples = 10000, epochs = 15, log = () => {} } = options;
  const print = printer(log);
  // Model / data parameters
  const numClasses = 10;
  const inputShape = [28, 28, 1];

  // Load the data and split it between train and test sets
  let [[xTrain, yTrain], [xTest, yTest]]: Tensor[][] = await keras.datasets.mnist.loadData({
    path: sharedDataPath('mnist'),
  });
  [xTrain, yTrain] = [
    keras.ops.slice(xTrain, [0, 0, 0], [trainSamples, -1, -1]),
    keras.ops.slice(yTrain, [0], [trainSamples]),
  ];
  [xTest, yTest] = [
    keras.ops.slice(xTest, [0, 0, 0], [testSamples, -1, -1]),
    keras.ops.slice(yTest, [0], [testSamples]),
  ];

  // Scale images to the [0, 1] range
  xTrain = xTrain.cast('float32').div(255);
  xTest = xTest.cast('float32').div(255);
  // Make sure images have shape (28, 28, 1)
  xTrain = keras.ops.expandDims(xTrain, -1);
  xTest = keras.ops.expandDims(xTest, -1);
  print('x_train shape:', xTrain.shape);
  print(xTrain.shape[0], 'train samples');
  print(xTest.shape[0], 'test samples');

  // convert class vectors to binary class matrices
  yTrain = keras.utils.toCategorical(yTrain, numClasses);
  yTest = keras.utils.toCategorical(yTest, numClasses);

  const model = mnistConvnetModel(numClasses, inputShape);
  model.summary(undefined, log);

  const batchSize = 128;
  model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  const history = await model.fit(xTrain, yTrain, {
    batchSize,
    epochs,
    validationSplit: 0.1,
    verbose: options.log ? 2 : 0,
  });

  const score = scores(await model.evaluate(xTest, yTest, { verbose: 0 }));
  print('Test loss:', score[0]);
  print('Test accuracy:', score[1]);
  return { model, history, score };
}

runIfMain(import.meta.url, () => mnistConvnet({ log: console.log }));
