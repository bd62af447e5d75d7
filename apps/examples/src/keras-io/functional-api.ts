/**
 * Port of keras.io `guides/functional_api.py` ("The Functional API", fchollet), section by section:
 * the 3-layer MNIST model (55,050 parameters) trained with RMSprop and evaluated; save and reload;
 * one graph of layers for an encoder (18,672) and an autoencoder (28,241); models called like
 * layers (encoder + decoder chained, an ensemble averaging three models); the ticket model with
 * three inputs and two outputs trained with per-output losses and loss weights; the toy ResNet
 * (223,242) trained one epoch on 1,000 CIFAR-10 images; a shared Embedding; a custom layer.
 * Substituted: MNIST is read from `../shared/data/mnist`; CIFAR-10's training set is not offline,
 * so the toy ResNet trains on the 1,000 CIFAR-10 *test* images in `../shared/data/cifar10` (the guide
 * uses the first 1,000 training images: same count, same recipe). `plot_model` writes SVG (Horn's
 * `keras.utils.plotModel`) where Keras writes PNG; `model.save` writes the TF.js Layers format into a temporary directory instead of a
 * `.keras` file; VGG19 feature extraction is left out (it downloads ImageNet weights).
 * Short mode (tests): `mnistSamples` training images and `epochs`.
 * Run: `node dist/keras-io/functional-api.js`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as keras from '@horn/keras';
import type { Tensor } from '@horn/tensor';
import { sharedDataPath } from '../data/shared-data.js';
import { runIfMain } from '../run-if-main.js';
import { printer, scores } from './scores.js';

const { layers } = keras;

/** The guide's first model: 784 → Dense(64, relu) → Dense(64, relu) → Dense(10), 55,050 parameters. */
export function mnistModel(): keras.Model {
  const inputs = keras.Input({ shape: [784] });
  const dense = new layers.Dense({ units: 64, activation: 'relu' });
  let x = dense.apply(inputs);
  x = new layers.Dense({ units: 64, activation: 'relu' }).apply(x);
  const outputs = new layers.Dense({ units: 10 }).apply(x);
  return new keras.Model({ inputs, outputs, name: 'mnist_model' });
}

/** "Training, evaluation, and inference", then "Save and serialize". */
export async function trainMnistModel(mnistSamples = 60000, epochs = 2, log: (line: string) => void = () => {}) {
  const print = printer(log);
  const model = mnistModel();
  model.summary(undefined, log);
  const plots = mkdtempSync(join(tmpdir(), 'horn-plots-'));
  const plot = await keras.utils.plotModel(model, { toFile: join(plots, 'my_first_model.svg') });
  await keras.utils.plotModel(model, { toFile: join(plots, 'my_first_model_with_shape_info.svg'), showShapes: true });
  const [[trainImages, yTrain], [testImages, yTest]] = await keras.datasets.mnist.loadData({
    path: sharedDataPath('mnist'),
  });
  const n = Math.min(mnistSamples, 60000);
  const nTest = Math.min(mnistSamples, 10000);
  const xTrain = keras.ops.slice(trainImages, [0, 0, 0], [n, -1, -1]).reshape([n, 784]).cast('float32').div(255);
  const xTest = keras.ops.slice(testImages, [0, 0, 0], [nTest, -1, -1]).reshape([nTest, 784]).cast('float32').div(255);

  model.compile({
    loss: new keras.losses.SparseCategoricalCrossentropy({ fromLogits: true }),
    optimizer: new keras.optimizers.RMSprop(),
    metrics: ['accuracy'],
  });
  const history = await model.fit(xTrain, keras.ops.slice(yTrain, [0], [n]), {
    batchSize: 64,
    epochs,
    validationSplit: 0.2,
    verbose: 0,
  });
  const testScores = scores(await model.evaluate(xTest, keras.ops.slice(yTest, [0], [nTest]), { verbose: 0 }));
  print('Test loss:', testScores[0]);
  print('Test accuracy:', testScores[1]);

  // Save and serialize: the architecture, the weights, the training config and the optimizer state.
  const path = join(mkdtempSync(join(tmpdir(), 'horn-functional-')), 'path_to_my_model');
  await model.save(path);
  const reloaded = await keras.models.loadModel(path);
  return { model, reloaded, history, testScores, xTest, plot };
}

/** The convolutional encoder: 28x28x1 image → 16-vector. */
function encoderLayers(input: keras.SymbolicTensor): keras.SymbolicTensor {
  let x = new layers.Conv2D({ filters: 16, kernelSize: 3, activation: 'relu' }).apply(input);
  x = new layers.Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }).apply(x);
  x = new layers.MaxPooling2D({ poolSize: 3 }).apply(x);
  x = new layers.Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }).apply(x);
  x = new layers.Conv2D({ filters: 16, kernelSize: 3, activation: 'relu' }).apply(x);
  return new layers.GlobalMaxPooling2D().apply(x);
}

/** The decoder, strictly symmetrical: 16-vector → 28x28x1. */
function decoderLayers(input: keras.SymbolicTensor): keras.SymbolicTensor {
  let x = new layers.Reshape({ targetShape: [4, 4, 1] }).apply(input);
  x = new layers.Conv2DTranspose({ filters: 16, kernelSize: 3, activation: 'relu' }).apply(x);
  x = new layers.Conv2DTranspose({ filters: 32, kernelSize: 3, activation: 'relu' }).apply(x);
  x = new layers.UpSampling2D({ size: 3 }).apply(x);
  x = new layers.Conv2DTranspose({ filters: 16, kernelSize: 3, activation: 'relu' }).apply(x);
  return new layers.Conv2DTranspose({ filters: 1, kernelSize: 3, activation: 'relu' }).apply(x);
}

/** "Use the same graph of layers to define multiple models". */
export function encoderAndAutoencoder(log: (line: string) => void = () => {}) {
  const encoderInput = keras.Input({ shape: [28, 28, 1], name: 'img' });
  const encoderOutput = encoderLayers(encoderInput);
  const encoder = new keras.Model(encoderInput, encoderOutput, 'encoder');
  encoder.summary(undefined, log);
  const autoencoder = new keras.Model(encoderInput, decoderLayers(encoderOutput), 'autoencoder');
  autoencoder.summary(undefined, log);
  return { encoder, autoencoder };
}

/** "All models are callable, just like layers": chained encoder and decoder models, an ensemble. */
export function callableModels(log: (line: string) => void = () => {}) {
  const encoderInput = keras.Input({ shape: [28, 28, 1], name: 'original_img' });
  const encoder = new keras.Model(encoderInput, encoderLayers(encoderInput), 'encoder');
  encoder.summary(undefined, log);
  const decoderInput = keras.Input({ shape: [16], name: 'encoded_img' });
  const decoder = new keras.Model(decoderInput, decoderLayers(decoderInput), 'decoder');
  decoder.summary(undefined, log);
  const autoencoderInput = keras.Input({ shape: [28, 28, 1], name: 'img' });
  const encodedImg = encoder.apply(autoencoderInput);
  const decodedImg = decoder.apply(encodedImg);
  const autoencoder = new keras.Model(autoencoderInput, decodedImg, 'autoencoder');
  autoencoder.summary(undefined, log);

  const getModel = () => {
    const inputs = keras.Input({ shape: [128] });
    const outputs = new layers.Dense({ units: 1 }).apply(inputs);
    return new keras.Model(inputs, outputs);
  };
  const [model1, model2, model3] = [getModel(), getModel(), getModel()];
  const inputs = keras.Input({ shape: [128] });
  const [y1, y2, y3] = [model1.apply(inputs), model2.apply(inputs), model3.apply(inputs)];
  const outputs = layers.average([y1, y2, y3]);
  const ensembleModel = new keras.Model({ inputs, outputs });
  return { encoder, decoder, autoencoder, ensembleModel, members: [model1, model2, model3] };
}

/** "Models with multiple inputs and outputs": the ticket model, trained on the guide's random data. */
export async function ticketModel(samples = 1280, epochs = 2) {
  const numTags = 12; // Number of unique issue tags
  const numWords = 10000; // Size of vocabulary obtained when preprocessing text data
  const numDepartments = 4; // Number of departments for predictions

  const titleInput = keras.Input({ shape: [null], name: 'title' }); // Variable-length sequence of ints
  const bodyInput = keras.Input({ shape: [null], name: 'body' }); // Variable-length sequence of ints
  const tagsInput = keras.Input({ shape: [numTags], name: 'tags' }); // Binary vectors of size numTags
  // Embed each word in the title / the text into a 64-dimensional vector
  let titleFeatures = new layers.Embedding({ inputDim: numWords, outputDim: 64 }).apply(titleInput);
  let bodyFeatures = new layers.Embedding({ inputDim: numWords, outputDim: 64 }).apply(bodyInput);
  // Reduce the sequences of embedded words into one 128- and one 32-dimensional vector
  titleFeatures = new layers.LSTM({ units: 128 }).apply(titleFeatures);
  bodyFeatures = new layers.LSTM({ units: 32 }).apply(bodyFeatures);
  // Merge all available features into a single large vector via concatenation
  const x = layers.concatenate([titleFeatures, bodyFeatures, tagsInput]);
  const priorityPred = new layers.Dense({ units: 1, name: 'priority' }).apply(x);
  const departmentPred = new layers.Dense({ units: numDepartments, name: 'department' }).apply(x);
  const model = new keras.Model({
    inputs: [titleInput, bodyInput, tagsInput],
    outputs: [priorityPred, departmentPred],
  });

  model.compile({
    optimizer: new keras.optimizers.RMSprop({ learningRate: 1e-3 }),
    loss: [
      new keras.losses.BinaryCrossentropy({ fromLogits: true }),
      new keras.losses.CategoricalCrossentropy({ fromLogits: true }),
    ],
    lossWeights: [1.0, 0.2],
  });
  // Since the output layers have different names, the losses can also be given by name.
  model.compile({
    optimizer: new keras.optimizers.RMSprop({ learningRate: 1e-3 }),
    loss: {
      priority: new keras.losses.BinaryCrossentropy({ fromLogits: true }),
      department: new keras.losses.CategoricalCrossentropy({ fromLogits: true }),
    },
    lossWeights: { priority: 1.0, department: 0.2 },
  });

  // Dummy input and target data (seeded)
  const titleData = keras.random.randint([samples, 10], 0, numWords, { seed: 1 });
  const bodyData = keras.random.randint([samples, 100], 0, numWords, { seed: 2 });
  const tagsData = keras.random.randint([samples, numTags], 0, 2, { seed: 3 }).cast('float32');
  const priorityTargets = keras.random.uniform([samples, 1], { seed: 4 });
  const deptTargets = keras.random.randint([samples, numDepartments], 0, 2, { seed: 5 }).cast('float32');
  const history = await model.fit(
    { title: titleData, body: bodyData, tags: tagsData },
    { priority: priorityTargets, department: deptTargets },
    { epochs, batchSize: 32, verbose: 0 },
  );
  return { model, history };
}

/** Reads CIFAR-10 binary records (1 label byte + 3,072 CHW bytes) as NHWC floats in [0, 1]. */
export function loadCifar10Records(n = 1000): { x: Tensor; y: Tensor } {
  const bytes = readFileSync(sharedDataPath('cifar10/test_batch_first1000.bin'));
  const pixels = new Float32Array(n * 3072);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const record = i * 3073;
    labels[i] = bytes[record];
    for (let c = 0; c < 3; c++) {
      for (let p = 0; p < 1024; p++) pixels[i * 3072 + p * 3 + c] = bytes[record + 1 + c * 1024 + p] / 255;
    }
  }
  return { x: keras.tensor(pixels, [n, 32, 32, 3]), y: keras.tensor(labels, [n]) };
}

/** "A toy ResNet model": 223,242 parameters, one epoch on 1,000 CIFAR-10 images. */
export async function toyResnet(samples = 1000, log: (line: string) => void = () => {}) {
  const inputs = keras.Input({ shape: [32, 32, 3], name: 'img' });
  let x = new layers.Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }).apply(inputs);
  x = new layers.Conv2D({ filters: 64, kernelSize: 3, activation: 'relu' }).apply(x);
  const block1Output = new layers.MaxPooling2D({ poolSize: 3 }).apply(x);

  x = new layers.Conv2D({ filters: 64, kernelSize: 3, activation: 'relu', padding: 'same' }).apply(block1Output);
  x = new layers.Conv2D({ filters: 64, kernelSize: 3, activation: 'relu', padding: 'same' }).apply(x);
  const block2Output = layers.add([x, block1Output]);

  x = new layers.Conv2D({ filters: 64, kernelSize: 3, activation: 'relu', padding: 'same' }).apply(block2Output);
  x = new layers.Conv2D({ filters: 64, kernelSize: 3, activation: 'relu', padding: 'same' }).apply(x);
  const block3Output = layers.add([x, block2Output]);

  x = new layers.Conv2D({ filters: 64, kernelSize: 3, activation: 'relu' }).apply(block3Output);
  x = new layers.GlobalAveragePooling2D().apply(x);
  x = new layers.Dense({ units: 256, activation: 'relu' }).apply(x);
  x = new layers.Dropout({ rate: 0.5 }).apply(x);
  const outputs = new layers.Dense({ units: 10 }).apply(x);
  const model = new keras.Model(inputs, outputs, 'toy_resnet');
  model.summary(undefined, log);

  const { x: xTrain, y: labels } = loadCifar10Records(samples);
  const yTrain = keras.utils.toCategorical(labels, 10);
  model.compile({
    optimizer: new keras.optimizers.RMSprop({ learningRate: 1e-3 }),
    loss: new keras.losses.CategoricalCrossentropy({ fromLogits: true }),
    metrics: ['acc'],
  });
  const history = await model.fit(xTrain, yTrain, { batchSize: 64, epochs: 1, validationSplit: 0.2, verbose: 0 });
  return { model, history, block1Output };
}

/** "Shared layers": one Embedding encodes two text inputs. */
export function sharedEmbedding() {
  // Embedding for 1000 unique words mapped to 128-dimensional vectors
  const sharedEmbedding = new layers.Embedding({ inputDim: 1000, outputDim: 128 });
  const textInputA = keras.Input({ shape: [null], dtype: 'int32' });
  const textInputB = keras.Input({ shape: [null], dtype: 'int32' });
  const encodedInputA = sharedEmbedding.apply(textInputA);
  const encodedInputB = sharedEmbedding.apply(textInputB);
  return { sharedEmbedding, encodedInputA, encodedInputB };
}

/** "Extend the API using custom layers": a basic Dense, serializable through `getConfig`. */
export class CustomDense extends keras.Layer<keras.layers.LayerConfig & { units?: number }> {
  static override readonly className = 'CustomDense';
  static override readonly configKeys: readonly string[] = ['units'];
  readonly units: number;
  w!: keras.Variable;
  b!: keras.Variable;

  constructor(config: keras.layers.LayerConfig & { units?: number } = {}) {
    super(config);
    this.units = config.units ?? 32;
  }

  override build(inputShape: keras.layers.LayerShape): void {
    this.w = this.addWeight('w', [inputShape.at(-1) as number, this.units], {
      initializer: 'randomNormal',
      trainable: true,
    });
    this.b = this.addWeight('b', [this.units], { initializer: 'randomNormal', trainable: true });
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return keras.ops.matmul(inputs as Tensor, this.w).add(this.b);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.units };
  }
}

/** The custom layer in a functional model (its output shape inferred by running `call`), rebuilt from its config. */
export function customLayerModel() {
  const inputs = keras.Input({ shape: [4] });
  const outputs = new CustomDense({ units: 10 }).apply(inputs);
  const model = new keras.Model(inputs, outputs);
  const config = model.getConfig();
  const newModel = keras.Model.fromConfig(config, { CustomDense });
  return { model, outputs, newModel };
}

/** "Mix-and-match API styles": a custom RNN layer written with Dense sub-layers, used in a functional model. */
export class CustomRNN extends keras.Layer {
  static override readonly className = 'CustomRNN';
  readonly units = 32;
  readonly projection1 = new layers.Dense({ units: 32, activation: 'tanh' });
  readonly projection2 = new layers.Dense({ units: 32, activation: 'tanh' });
  readonly classifier = new layers.Dense({ units: 1 });

  override call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    const outputs: Tensor[] = [];
    let state = keras.ops.zeros([x.shape[0], this.units]);
    for (let t = 0; t < x.shape[1]; t++) {
      const xt = keras.ops.slice(x, [0, t, 0], [-1, 1, -1]).reshape([x.shape[0], x.shape[2]]);
      const h = this.projection1.apply(xt);
      const y = h.add(this.projection2.apply(state));
      state = y;
      outputs.push(y);
    }
    const features = keras.ops.stack(outputs, 1);
    return this.classifier.apply(features);
  }
}

/** The static batch size is given with `batchShape`, since `call` makes the zero state from it. */
export function mixAndMatch() {
  const [batchSize, timesteps, inputDim] = [16, 10, 5];
  const inputs = keras.Input({ batchShape: [batchSize, timesteps, inputDim] });
  const x = new layers.Conv1D({ filters: 32, kernelSize: 3 }).apply(inputs);
  const rnn = new CustomRNN();
  const outputs = rnn.apply(x);
  const model = new keras.Model(inputs, outputs);
  const eager = new CustomRNN().apply(keras.ops.zeros([1, 10, 5]));
  return { model, rnn, outputs, eager };
}

async function main(): Promise<void> {
  const { testScores } = await trainMnistModel(60000, 2, console.log);
  console.log(`mnist_model test accuracy: ${testScores[1]}`);
  encoderAndAutoencoder(console.log);
  callableModels(console.log);
  const { history } = await ticketModel();
  console.log(`ticket model loss per epoch: ${history.history.loss.join(', ')}`);
  const resnet = await toyResnet(1000, console.log);
  console.log(`toy_resnet val_acc: ${resnet.history.history.val_acc}`);
}

runIfMain(import.meta.url, main);
