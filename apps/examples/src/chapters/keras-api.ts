/**
 * The course's chapter 5, the Keras API, with @horn/keras: the Sequential model, the functional
 * API (shared layers, skip connections, several outputs), training and evaluation with callbacks,
 * a custom layer and a subclassed model, saving and loading in the TF.js Layers format, and
 * preprocessing layers. Each section is a function the tests run; the docs show the regions.
 * Run: `node dist/chapters/keras-api.js`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as keras from '@horn/keras';
import type { Tensor } from '@horn/tensor';
import { sharedDataPath } from '../data/shared-data.js';
import { runIfMain } from '../run-if-main.js';

// #region sequential
/** 5.2: a plain stack of layers; it builds at once because it starts with an Input. */
export function sequentialModel(): keras.Sequential {
  const model = new keras.Sequential([
    keras.Input({ shape: [28, 28, 1] }),
    new keras.layers.Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }),
    new keras.layers.MaxPooling2D({ poolSize: 2 }),
    new keras.layers.Flatten(),
    new keras.layers.Dense({ units: 10, activation: 'softmax' }),
  ]);
  model.add(new keras.layers.Dropout({ rate: 0.5 })); // add and pop, as in Keras
  model.pop();
  return model;
}
// #endregion sequential

// #region functional
/** 5.3: a graph with two inputs, a shared layer, a skip connection and two outputs. */
export function functionalModel(): keras.Model {
  const image = keras.Input({ shape: [784], name: 'image' });
  const meta = keras.Input({ shape: [4], name: 'meta' });
  const shared = new keras.layers.Dense({ units: 32, activation: 'relu', name: 'shared' });
  const hidden = shared.apply(image);
  const skip = new keras.layers.Concatenate().apply([image, hidden]);
  const merged = new keras.layers.Concatenate().apply([skip, meta]);
  const digit = new keras.layers.Dense({ units: 10, activation: 'softmax', name: 'digit' }).apply(merged);
  const even = new keras.layers.Dense({ units: 1, activation: 'sigmoid', name: 'even' }).apply(hidden);
  return new keras.Model({ inputs: [image, meta], outputs: [digit, even], name: 'two_heads' });
}
// #endregion functional

// #region training
/** 5.4: compile, fit with validation and callbacks, evaluate, predict. */
export async function trainAndEvaluate(
  trainSize = 3000,
): Promise<{ history: keras.callbacks.History; accuracy: number }> {
  const [[xTrain, yTrain], [xTest, yTest]] = await keras.datasets.mnist.loadData({ path: sharedDataPath('mnist') });
  const prepare = (x: Tensor, n: number) =>
    keras.ops.slice(x, [0, 0, 0], [n, -1, -1]).reshape([n, 28, 28, 1]).cast('float32').div(255);
  const model = sequentialModel();
  model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
  const history = await model.fit(prepare(xTrain, trainSize), keras.ops.slice(yTrain, [0], [trainSize]), {
    epochs: 3,
    batchSize: 64,
    validationSplit: 0.1,
    verbose: 0,
    callbacks: [new keras.callbacks.EarlyStopping({ monitor: 'val_loss', patience: 2, restoreBestWeights: true })],
  });
  const [, accuracy] = (await model.evaluate(prepare(xTest, 1000), keras.ops.slice(yTest, [0], [1000]), {
    verbose: 0,
  })) as number[];
  return { history, accuracy };
}
// #endregion training

// #region custom
/** 5.5: Keras's `Linear` layer: weights in build(), the math in call(), options in getConfig(). */
export class Linear extends keras.Layer<keras.layers.LayerConfig & { units?: number }> {
  static override readonly className = 'Linear';
  private w!: keras.Variable;
  private b!: keras.Variable;

  override build(inputShape: keras.layers.LayerShape): void {
    const units = this.config.units ?? 32;
    this.w = this.addWeight('w', [inputShape.at(-1) as number, units], { initializer: 'randomNormal' });
    this.b = this.addWeight('b', [units], { initializer: 'zeros' });
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return keras.ops.matmul(inputs as Tensor, this.w).add(this.b);
  }

  override computeOutputShape(inputShape: keras.layers.LayerShape): keras.layers.LayerShape {
    return [...inputShape.slice(0, -1), this.config.units ?? 32];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.config.units ?? 32 };
  }
}
keras.registerClass(Linear);

/** A subclassed model: layers held in properties are tracked, call() is the forward pass. */
export class MyModel extends keras.Model {
  dense1 = new Linear({ units: 16 });
  dense2 = new keras.layers.Dense({ units: 3, activation: 'softmax' });

  override call(inputs: Tensor | Tensor[], options: { training?: boolean } = {}): Tensor {
    return this.dense2.apply(keras.ops.relu(this.dense1.apply(inputs as Tensor, options) as Tensor), options) as Tensor;
  }
}
// #endregion custom

// #region saving
/** 5.6: save in the TF.js Layers format (atomic), load it back, predict the same. */
export async function saveAndLoad(model: keras.Model, input: Tensor): Promise<{ before: Tensor; after: Tensor }> {
  const path = join(mkdtempSync(join(tmpdir(), 'horn-')), 'model');
  await model.save(path); // model.json + group1-shard1of1.bin
  const again = await keras.models.loadModel(path);
  return {
    before: model.predict(input, { verbose: 0 }) as Tensor,
    after: again.predict(input, { verbose: 0 }) as Tensor,
  };
}
// #endregion saving

// #region preprocessing
/** 5.7: preprocessing inside the model: Normalization learns mean and variance with adapt(). */
export function preprocessingLayers(): { normalized: Tensor; rescaled: Tensor } {
  const normalization = new keras.layers.Normalization();
  normalization.adapt(
    keras.tensor([
      [1, 10],
      [3, 30],
      [5, 50],
    ]),
  );
  const rescaling = new keras.layers.Rescaling({ scale: 1 / 255 });
  return {
    normalized: normalization.apply(
      keras.tensor([
        [3, 30],
        [5, 50],
      ]),
    ) as Tensor,
    rescaled: rescaling.apply(keras.tensor([[0, 255]])) as Tensor,
  };
}
// #endregion preprocessing

/**
 * Runs the program as `node dist/chapters/keras-api.js` does and returns its headline values
 * (the `run all` harness checks them).
 * @example (await run()).testAccuracy // 0.878 on 1,000 MNIST test images
 */
export async function run(_options = { short: false }): Promise<{ testAccuracy: number }> {
  sequentialModel().summary();
  functionalModel().summary();
  const { history, accuracy } = await trainAndEvaluate();
  console.log(`val_accuracy per epoch: ${history.history.val_accuracy.map((v) => v.toFixed(4)).join(', ')}`);
  console.log(`test accuracy on 1,000 images: ${accuracy.toFixed(4)}`);
  const { normalized } = preprocessingLayers();
  console.log(`Normalization after adapt: ${normalized.toString()}`);
  return { testAccuracy: accuracy };
}

runIfMain(import.meta.url, () => run());
