/**
 * Port of keras.io `guides/making_new_layers_and_models_via_subclassing.py` ("Making new layers
 * and models via subclassing", fchollet; the Keras 3 version): the `Linear` layer (weights made in
 * the constructor, then deferred to `build`), the non-trainable `ComputeSum`, the nested
 * `MLPBlock` (6 weights tracked), `add_loss` in `ActivityRegularizationLayer` and the losses an
 * outer layer collects (activity and kernel regularization), those losses in `fit()` with and
 * without a compiled loss, `get_config` / `from_config`, the `training` argument of
 * `CustomDropout`, and the end-to-end variational autoencoder on MNIST (KL divergence via
 * `add_loss`) trained with `fit`.
 * Substituted: MNIST is read from `../shared/data/mnist`. Keras's `ops.*` are Horn's
 * `keras.ops.*`; options are one object (`new Linear({ units: 4, inputDim: 2 })`).
 * Short mode (tests): the first `samples` MNIST images and `epochs`.
 * Run: `node dist/keras-io/subclassing.js` (60,000 images, 2 epochs).
 */
import * as keras from '@horn/keras';
import type { Tensor } from '@horn/tensor';
import { sharedDataPath } from '../data/shared-data.js';
import { runIfMain } from '../run-if-main.js';
import { printer } from './scores.js';

const { layers, ops } = keras;
type LayerConfig = keras.layers.LayerConfig;
type LayerShape = keras.layers.LayerShape;

/** The first `Linear`: its weights are made in the constructor from `inputDim`. */
export class EagerLinear extends keras.Layer<LayerConfig & { units?: number; inputDim?: number }> {
  static override readonly className = 'EagerLinear';
  static override readonly configKeys: readonly string[] = ['units', 'inputDim'];
  readonly w: keras.Variable;
  readonly b: keras.Variable;

  constructor(config: LayerConfig & { units?: number; inputDim?: number } = {}) {
    super(config);
    const { units = 32, inputDim = 32 } = config;
    this.w = this.addWeight('w', [inputDim, units], { initializer: 'randomNormal', trainable: true });
    this.b = this.addWeight('b', [units], { initializer: 'zeros', trainable: true });
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return ops.matmul(inputs as Tensor, this.w).add(this.b);
  }
}

/** `ComputeSum`: a non-trainable weight that accumulates the column sums of its inputs. */
export class ComputeSum extends keras.Layer<LayerConfig & { inputDim: number }> {
  static override readonly className = 'ComputeSum';
  static override readonly configKeys: readonly string[] = ['inputDim'];
  readonly total: keras.Variable;

  constructor(config: LayerConfig & { inputDim: number }) {
    super(config);
    this.total = this.addWeight('total', [config.inputDim], { initializer: 'zeros', trainable: false });
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    this.total.assignAdd(ops.sum(inputs as Tensor, 0));
    return this.total.value;
  }
}

/** The lazy `Linear`: weights in `build(inputShape)`, serializable through `getConfig`. */
export class Linear extends keras.Layer<LayerConfig & { units?: number }> {
  static override readonly className = 'Linear';
  static override readonly configKeys: readonly string[] = ['units'];
  readonly units: number;
  w!: keras.Variable;
  b!: keras.Variable;

  constructor(config: LayerConfig & { units?: number } = {}) {
    super(config);
    this.units = config.units ?? 32;
  }

  override build(inputShape: LayerShape): void {
    this.w = this.addWeight('w', [inputShape.at(-1) as number, this.units], { initializer: 'randomNormal' });
    this.b = this.addWeight('b', [this.units], { initializer: 'randomNormal' });
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return ops.matmul(inputs as Tensor, this.w).add(this.b);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.units };
  }
}
keras.registerClass(Linear);

/** "Layers are recursively composable": three Linear layers in attributes, 6 weights. */
export class MLPBlock extends keras.Layer {
  static override readonly className = 'MLPBlock';
  readonly linear1 = new Linear({ units: 32 });
  readonly linear2 = new Linear({ units: 32 });
  readonly linear3 = new Linear({ units: 1 });

  override call(inputs: Tensor | Tensor[]): Tensor {
    let x = this.linear1.apply(inputs as Tensor);
    x = ops.relu(x);
    x = this.linear2.apply(x);
    x = ops.relu(x);
    return this.linear3.apply(x);
  }
}

/** A layer that creates an activity regularization loss. */
export class ActivityRegularizationLayer extends keras.Layer<LayerConfig & { rate?: number }> {
  static override readonly className = 'ActivityRegularizationLayer';
  static override readonly configKeys: readonly string[] = ['rate'];
  readonly rate: number;

  constructor(config: LayerConfig & { rate?: number } = {}) {
    super(config);
    this.rate = config.rate ?? 1e-2;
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    this.addLoss(ops.mean(inputs as Tensor).mul(this.rate));
    return inputs as Tensor;
  }
}

/** Collects the loss of its inner layer. */
export class OuterLayer extends keras.Layer {
  static override readonly className = 'OuterLayer';
  readonly activityReg = new ActivityRegularizationLayer({ rate: 1e-2 });

  override call(inputs: Tensor | Tensor[]): Tensor {
    return this.activityReg.apply(inputs as Tensor);
  }
}

/** Collects the kernel regularization loss of its inner Dense. */
export class OuterLayerWithKernelRegularizer extends keras.Layer {
  static override readonly className = 'OuterLayerWithKernelRegularizer';
  readonly dense = new layers.Dense({ units: 32, kernelRegularizer: keras.regularizers.l2(1e-3) });

  override call(inputs: Tensor | Tensor[]): Tensor {
    return this.dense.apply(inputs as Tensor);
  }
}

/** "Privileged training argument": drops only in training mode. */
export class CustomDropout extends keras.Layer<LayerConfig & { rate: number; seed?: number }> {
  static override readonly className = 'CustomDropout';
  static override readonly configKeys: readonly string[] = ['rate', 'seed'];
  readonly rate: number;
  private readonly seedGenerator: keras.random.SeedGenerator;

  constructor(config: LayerConfig & { rate: number; seed?: number }) {
    super(config);
    this.rate = config.rate;
    this.seedGenerator = new keras.random.SeedGenerator(config.seed ?? 1337);
  }

  override call(inputs: Tensor | Tensor[], options: keras.layers.CallOptions = {}): Tensor {
    if (options.training) return keras.random.dropout(inputs as Tensor, this.rate, { seed: this.seedGenerator });
    return inputs as Tensor;
  }
}

/** Uses (z_mean, z_log_var) to sample z, the vector encoding a digit. */
export class Sampling extends keras.Layer {
  static override readonly className = 'Sampling';
  private readonly seedGenerator = new keras.random.SeedGenerator(1337);

  override call(inputs: Tensor | Tensor[]): Tensor {
    const [zMean, zLogVar] = inputs as Tensor[];
    const [batch, dim] = zMean.shape;
    const epsilon = keras.random.normal([batch, dim], { seed: this.seedGenerator });
    return zMean.add(ops.exp(zLogVar.mul(0.5)).mul(epsilon));
  }
}

/** Maps MNIST digits to a triplet (z_mean, z_log_var, z). */
export class Encoder extends keras.Layer<LayerConfig & { latentDim?: number; intermediateDim?: number }> {
  static override readonly className = 'Encoder';
  static override readonly configKeys: readonly string[] = ['latentDim', 'intermediateDim'];
  readonly denseProj: keras.layers.Dense;
  readonly denseMean: keras.layers.Dense;
  readonly denseLogVar: keras.layers.Dense;
  readonly sampling = new Sampling();

  constructor(config: LayerConfig & { latentDim?: number; intermediateDim?: number } = {}) {
    super({ name: 'encoder', ...config });
    const { latentDim = 32, intermediateDim = 64 } = config;
    this.denseProj = new layers.Dense({ units: intermediateDim, activation: 'relu' });
    this.denseMean = new layers.Dense({ units: latentDim });
    this.denseLogVar = new layers.Dense({ units: latentDim });
  }

  override call(inputs: Tensor | Tensor[]): Tensor[] {
    const x = this.denseProj.apply(inputs as Tensor);
    const zMean = this.denseMean.apply(x);
    const zLogVar = this.denseLogVar.apply(x);
    const z = this.sampling.apply([zMean, zLogVar]);
    return [zMean, zLogVar, z];
  }
}

/** Converts z, the encoded digit vector, back into a readable digit. */
export class Decoder extends keras.Layer<LayerConfig & { originalDim: number; intermediateDim?: number }> {
  static override readonly className = 'Decoder';
  static override readonly configKeys: readonly string[] = ['originalDim', 'intermediateDim'];
  readonly denseProj: keras.layers.Dense;
  readonly denseOutput: keras.layers.Dense;

  constructor(config: LayerConfig & { originalDim: number; intermediateDim?: number }) {
    super({ name: 'decoder', ...config });
    this.denseProj = new layers.Dense({ units: config.intermediateDim ?? 64, activation: 'relu' });
    this.denseOutput = new layers.Dense({ units: config.originalDim, activation: 'sigmoid' });
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return this.denseOutput.apply(this.denseProj.apply(inputs as Tensor));
  }
}

/** Combines the encoder and decoder into an end-to-end model for training. */
export class VariationalAutoEncoder extends keras.Model {
  readonly originalDim: number;
  readonly encoder: Encoder;
  readonly decoder: Decoder;

  constructor(originalDim: number, intermediateDim = 64, latentDim = 32, name = 'autoencoder') {
    super({ name });
    this.originalDim = originalDim;
    this.encoder = new Encoder({ latentDim, intermediateDim });
    this.decoder = new Decoder({ originalDim, intermediateDim });
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    const [zMean, zLogVar, z] = this.encoder.apply(inputs as Tensor) as unknown as Tensor[];
    const reconstructed = this.decoder.apply(z);
    // Add KL divergence regularization loss.
    const klLoss = ops.mean(zLogVar.sub(ops.square(zMean)).sub(ops.exp(zLogVar)).add(1)).mul(-0.5);
    this.addLoss(klLoss);
    return reconstructed;
  }
}

/** The guide's layer demos, in order; returns what it prints. */
export async function layerDemos(log: (line: string) => void = () => {}) {
  const print = printer(log);
  let x = ops.ones([2, 2]);
  const linearLayer = new EagerLinear({ units: 4, inputDim: 2 });
  const y = linearLayer.apply(x);
  print(y.toString());

  x = ops.ones([2, 2]);
  const mySum = new ComputeSum({ inputDim: 2 });
  const sums = [mySum.apply(x).arraySync(), mySum.apply(x).arraySync()];
  print(sums[0], sums[1]);
  print('weights:', mySum.weights.length);
  print('non-trainable weights:', mySum.nonTrainableWeights.length);
  print('trainable_weights:', mySum.trainableWeights);

  const lazy = new Linear({ units: 32 });
  lazy.apply(x); // The layer's weights are created the first time it is called

  const mlp = new MLPBlock();
  mlp.apply(ops.ones([3, 64])); // The first call to the `mlp` will create the weights
  print('weights:', mlp.weights.length);
  print('trainable weights:', mlp.trainableWeights.length);

  const outer = new OuterLayer();
  const lossCounts = [outer.losses.length]; // No losses yet since the layer has never been called
  outer.apply(ops.zeros([1, 1]));
  lossCounts.push(outer.losses.length); // We created one loss value
  outer.apply(ops.zeros([1, 1]));
  lossCounts.push(outer.losses.length); // `layer.losses` gets reset at the start of each call

  const withRegularizer = new OuterLayerWithKernelRegularizer();
  withRegularizer.apply(ops.zeros([1, 1]));
  // This is `1e-3 * sum(layer.dense.kernel ** 2)`, created by the `kernel_regularizer` above.
  print(withRegularizer.losses.map((l) => l.toString()).join(', '));

  // These losses work with fit(): added to the compiled loss, or the only loss.
  const inputs = keras.Input({ shape: [3] });
  const outputs = new ActivityRegularizationLayer().apply(inputs);
  const model = new keras.Model({ inputs, outputs });
  model.compile({ optimizer: 'adam', loss: 'mse' });
  const fitWithLoss = await model.fit(
    keras.random.uniform([2, 3], { seed: 1 }),
    keras.random.uniform([2, 3], { seed: 2 }),
    {
      verbose: 0,
    },
  );
  model.compile({ optimizer: 'adam' });
  const fitAddLossOnly = await model.fit(
    keras.random.uniform([2, 3], { seed: 3 }),
    keras.random.uniform([2, 3], { seed: 4 }),
    {
      verbose: 0,
    },
  );

  const layer = new Linear({ units: 64 });
  const config = layer.getConfig();
  print(JSON.stringify(config));
  const newLayer = Linear.fromConfig(config) as Linear;

  return { y, linearLayer, sums, mySum, mlp, lossCounts, withRegularizer, fitWithLoss, fitAddLossOnly, newLayer };
}

/** "Putting it all together": the VAE trained with `fit` on MNIST. */
export async function trainVae(samples = 60000, epochs = 2, verbose: 0 | 2 = 0) {
  const [[trainImages]] = await keras.datasets.mnist.loadData({ path: sharedDataPath('mnist') });
  const n = Math.min(samples, 60000);
  const xTrain = ops.slice(trainImages, [0, 0, 0], [n, -1, -1]).reshape([n, 784]).cast('float32').div(255);

  const originalDim = 784;
  const vae = new VariationalAutoEncoder(originalDim, 64, 32);
  const optimizer = new keras.optimizers.Adam({ learningRate: 1e-3 });
  vae.compile({ optimizer, loss: new keras.losses.MeanSquaredError() });
  const history = await vae.fit(xTrain, xTrain, { epochs, batchSize: 64, verbose });
  return { vae, history };
}

async function main(): Promise<void> {
  await layerDemos(console.log);
  const { history } = await trainVae(60000, 2, 2);
  console.log(`VAE loss per epoch: ${history.history.loss.join(', ')}`);
}

runIfMain(import.meta.url, main);
