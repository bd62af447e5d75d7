import type { Variable } from '@horn/autograd';
import { Dense, Input, Layer, type LayerConfig } from '@horn/layers';
import {
  add,
  exp,
  matmul,
  mean,
  mul,
  ones,
  randomNormal,
  randomUniform,
  relu,
  ShapeError,
  setSeed,
  square,
  sub,
  type Tensor,
} from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model, summaryLines } from './index.js';

// Custom layers in models, after keras.io's "Making new layers and models via subclassing" guide.
// Keras numbers: Keras 3.15.1, jax backend, running the same code.

class Linear extends Layer {
  static override readonly className: string = 'Linear';
  w!: Variable;
  b!: Variable;
  constructor(readonly units = 32) {
    super();
  }
  override build(inputShape: (number | null)[]): void {
    this.w = this.addWeight('w', [inputShape.at(-1) as number, this.units], { initializer: 'randomNormal' });
    this.b = this.addWeight('b', [this.units], { initializer: 'zeros' });
  }
  override call(x: Tensor): Tensor {
    return add(matmul(x, this.w), this.b);
  }
}

class MLPBlock extends Layer {
  static override readonly className: string = 'MLPBlock';
  linear1 = new Linear(32);
  linear2 = new Linear(32);
  linear3 = new Linear(1);
  override call(x: Tensor): Tensor {
    return this.linear3.apply(relu(this.linear2.apply(relu(this.linear1.apply(x)))));
  }
}

interface CustomDenseConfig extends LayerConfig {
  units: number;
}

class CustomDense extends Layer<CustomDenseConfig> {
  static override readonly className: string = 'CustomDense';
  static override readonly configKeys: readonly string[] = ['units'];
  kernel!: Variable;
  bias!: Variable;
  override build(inputShape: (number | null)[]): void {
    this.kernel = this.addWeight('kernel', [inputShape.at(-1) as number, this.config.units]);
    this.bias = this.addWeight('bias', [this.config.units], { initializer: 'zeros' });
  }
  override call(x: Tensor): Tensor {
    return add(matmul(x, this.kernel), this.bias);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.config.units };
  }
}

class Sampling extends Layer {
  static override readonly className: string = 'Sampling';
  override call([zMean, zLogVar]: Tensor[]): Tensor {
    return add(zMean, mul(exp(mul(zLogVar, 0.5)), randomNormal(zMean.shape)));
  }
}

class Encoder extends Layer {
  static override readonly className: string = 'Encoder';
  denseProj = new Dense({ units: 4, activation: 'relu' });
  denseMean = new Dense({ units: 2 });
  denseLogVar = new Dense({ units: 2 });
  sampling = new Sampling();
  override call(x: Tensor): Tensor[] {
    const h = this.denseProj.apply(x);
    const zMean = this.denseMean.apply(h);
    const zLogVar = this.denseLogVar.apply(h);
    return [zMean, zLogVar, this.sampling.apply([zMean, zLogVar])];
  }
}

class Decoder extends Layer {
  static override readonly className: string = 'Decoder';
  denseProj = new Dense({ units: 4, activation: 'relu' });
  denseOutput = new Dense({ units: 8, activation: 'sigmoid' });
  override call(z: Tensor): Tensor {
    return this.denseOutput.apply(this.denseProj.apply(z));
  }
}

/** The guide's VariationalAutoEncoder, with original_dim 8, intermediate_dim 4, latent_dim 2. */
class VariationalAutoEncoder extends Model {
  encoder = new Encoder();
  decoder = new Decoder();
  override call(x: Tensor): Tensor {
    const [zMean, zLogVar, z] = this.encoder.apply(x) as unknown as Tensor[];
    const reconstructed = this.decoder.apply(z);
    const kl = mul(mean(add(sub(sub(zLogVar, square(zMean)), exp(zLogVar)), 1)), -0.5);
    this.addLoss(kl);
    return reconstructed;
  }
}

describe('custom layers inside models', () => {
  test('a VAE (a subclassed Model of subclassed Layers) has its weights and trains', () => {
    setSeed(11);
    const vae = new VariationalAutoEncoder();
    const x = randomUniform([16, 8], { seed: 3 });
    vae.apply(x);
    // Keras (same classes in Python): 10 trainable weights, 108 parameters: encoder 8*4+4 + 2*(4*2+2) = 56, decoder 2*4+4 + 4*8+8 = 52.
    expect(vae.trainableWeights.length).toBe(10);
    expect(vae.countParams()).toBe(108);
    expect(vae.losses.length).toBe(1);
    vae.compile({ optimizer: { className: 'SGD', config: { learningRate: 0.5 } }, loss: 'mse' });
    const losses = Array.from({ length: 8 }, () => vae.trainOnBatch(x, x) as number);
    expect(new Set(losses).size).toBe(losses.length);
    expect(losses.at(-1)).toBeLessThan(losses[0]);
    const lines = summaryLines(vae, { lineLength: 80 });
    expect(lines).toContain(' Trainable params: 108 (432.00 B)');
    // Keras prints '?' as the output shape of a subclassed model's custom layer (no computeOutputShape).
    expect(lines.find((l) => l.includes('encoder (Encoder)'))).toMatch(/│ \?\s+│\s+56 │$/);
    expect(lines.find((l) => l.includes('decoder (Decoder)'))).toMatch(/│\s+52 │$/);
  });

  test('fit trains a VAE it has not called yet: the loss falls epoch by epoch', async () => {
    setSeed(12);
    const vae = new VariationalAutoEncoder();
    const x = randomUniform([32, 8], { seed: 4 });
    vae.compile({ optimizer: { className: 'SGD', config: { learningRate: 0.5 } }, loss: 'mse' });
    const history = await vae.fit(x, x, { epochs: 4, batchSize: 8, verbose: 0, shuffle: false });
    const loss = history.history.loss as number[];
    expect(vae.trainableWeights.length).toBe(10);
    expect(loss.at(-1)).toBeLessThan(loss[0]);
  });

  test("summary() of a model holding a custom block counts the block's parameters (Keras: 3,169)", () => {
    const x = Input({ shape: [64] });
    const model = new Model({ inputs: x, outputs: new MLPBlock({ name: 'mlp_block' } as never).apply(x) });
    const lines = summaryLines(model, { lineLength: 80 });
    const row = lines.find((l) => l.includes('mlp_block (MLPBlock)'));
    expect(row).toMatch(/\(None, 1\)\s+│\s+3,169/);
    expect(lines).toContain(' Total params: 3,169 (12.38 KB)');
  });

  test('CustomDense(10) on Input([4]): [null, 10] symbolically, in summary, and from predict', () => {
    const x = Input({ shape: [4] });
    const y = new CustomDense({ units: 10, name: 'custom_dense' }).apply(x);
    expect(y.shape).toEqual([null, 10]);
    const model = new Model({ inputs: x, outputs: y });
    const lines = summaryLines(model, { lineLength: 80 });
    // Keras: custom_dense (CustomDense) │ (None, 10) │ 50; Total params: 50 (200.00 B)
    expect(lines.find((l) => l.includes('custom_dense (CustomDense)'))).toMatch(/\(None, 10\)\s+│\s+50 /);
    expect(lines).toContain(' Total params: 50 (200.00 B)');
    expect((model.predict(ones([3, 4]), { verbose: 0 }) as Tensor).shape).toEqual([3, 10]);
  });

  test('a layer whose computeOutputShape disagrees with its call is refused at predict time', () => {
    class Liar extends CustomDense {
      static override readonly className: string = 'Liar';
      override computeOutputShape(s: (number | null)[]): (number | null)[] {
        return s;
      }
    }
    const x = Input({ shape: [4] });
    const model = new Model({ inputs: x, outputs: new Liar({ units: 10, name: 'liar' }).apply(x) });
    expect(() => model.predict(ones([2, 4]), { verbose: 0 })).toThrow(ShapeError);
    expect(() => model.predict(ones([2, 4]), { verbose: 0 })).toThrow(
      "Liar 'liar': call() returned shape [2, 10], but its symbolic call in the model gave [null, 4]",
    );
  });

  test('a subclassed model called on an Input infers its output shape by running call', () => {
    class Head extends Model {
      dense = new Dense({ units: 3 });
      override call(x: Tensor): Tensor {
        return this.dense.apply(x);
      }
    }
    const head = new Head();
    expect(head.apply(Input({ shape: [5] })).shape).toEqual([null, 3]);
    expect(head.computeOutputShape([null, 5])).toEqual([null, 3]);
    expect(head.weights.map((w) => w.shape)).toEqual([[5, 3], [3]]);
  });
});
