/**
 * A Transformer encoder block built from public layers, as in the keras.io example "Text
 * classification with Transformer" (Nandan, Keras 3): `TransformerBlock` (MultiHeadAttention self-
 * attention, Dropout, a residual `Add`, LayerNormalization, a two-Dense feed-forward network, a
 * second residual and normalization) and `TokenAndPositionEmbedding` (a token Embedding plus a
 * position Embedding), and `transformerClassifier`, the example's model: embedding -> block ->
 * GlobalAveragePooling1D -> Dropout -> Dense(relu) -> Dropout -> Dense(softmax).
 * Run: `node dist/chapters/transformer-block.js` (a seeded synthetic task: is the marker token in
 * the first half of the sequence? Pooled embeddings alone cannot tell; the block can).
 */
import * as keras from '@horn/keras';
import { add, Random, range, type Tensor, tensor } from '@horn/tensor';
import { scores } from '../keras-io/scores.js';
import { runIfMain } from '../run-if-main.js';

const { layers } = keras;
type LayerConfig = keras.layers.LayerConfig;
type CallOptions = keras.layers.CallOptions;

/** Options of {@link TransformerBlock}. */
export interface TransformerBlockConfig extends LayerConfig {
  /** The width of the tokens (the input's last dimension). */
  embedDim: number;
  numHeads: number;
  /** The hidden width of the feed-forward network. */
  ffDim: number;
  /** Dropout after the attention and after the feed-forward network. Default 0.1. */
  rate?: number;
}

/**
 * One Transformer encoder block: `x1 = LayerNorm(x + Dropout(MHA(x, x)))`,
 * `out = LayerNorm(x1 + Dropout(Dense(Dense(x1, relu))))`, `[batch, steps, embedDim]` in and out.
 * @example new TransformerBlock({ embedDim: 32, numHeads: 2, ffDim: 32 }).apply(ones([2, 10, 32])).shape // [2, 10, 32]
 */
export class TransformerBlock extends keras.Layer<TransformerBlockConfig> {
  static override readonly className = 'TransformerBlock';
  static override readonly configKeys: readonly string[] = ['embedDim', 'numHeads', 'ffDim', 'rate'];
  readonly att: keras.layers.MultiHeadAttention;
  readonly ffn1: keras.layers.Dense;
  readonly ffn2: keras.layers.Dense;
  readonly add1 = new layers.Add();
  readonly add2 = new layers.Add();
  readonly layernorm1 = new layers.LayerNormalization({ epsilon: 1e-6 });
  readonly layernorm2 = new layers.LayerNormalization({ epsilon: 1e-6 });
  readonly dropout1: keras.layers.Dropout;
  readonly dropout2: keras.layers.Dropout;

  constructor(config: TransformerBlockConfig) {
    super(config);
    const { embedDim, numHeads, ffDim, rate = 0.1 } = this.config;
    this.att = new layers.MultiHeadAttention({ numHeads, keyDim: embedDim });
    this.ffn1 = new layers.Dense({ units: ffDim, activation: 'relu' });
    this.ffn2 = new layers.Dense({ units: embedDim });
    this.dropout1 = new layers.Dropout({ rate });
    this.dropout2 = new layers.Dropout({ rate });
  }

  override call(inputs: Tensor | Tensor[], { training }: CallOptions): Tensor {
    const x = inputs as Tensor;
    const attention = this.dropout1.apply(this.att.apply([x, x], { training }), { training });
    const out1 = this.layernorm1.apply(this.add1.apply([x, attention]));
    const ffn = this.dropout2.apply(this.ffn2.apply(this.ffn1.apply(out1)), { training });
    return this.layernorm2.apply(this.add2.apply([out1, ffn]));
  }

  override getConfig(): Record<string, unknown> {
    const { embedDim, numHeads, ffDim, rate = 0.1 } = this.config;
    return { ...super.getConfig(), embedDim, numHeads, ffDim, rate };
  }
}
keras.registerClass(TransformerBlock);

/** Options of {@link TokenAndPositionEmbedding}. */
export interface TokenAndPositionEmbeddingConfig extends LayerConfig {
  /** The sequence length (the number of positions). */
  maxlen: number;
  vocabSize: number;
  embedDim: number;
}

/**
 * Token ids `[batch, maxlen]` to `token embedding + position embedding`, `[batch, maxlen, embedDim]`.
 * @example new TokenAndPositionEmbedding({ maxlen: 4, vocabSize: 10, embedDim: 8 }).apply(tensor([[1, 2, 3, 4]])).shape // [1, 4, 8]
 */
export class TokenAndPositionEmbedding extends keras.Layer<TokenAndPositionEmbeddingConfig> {
  static override readonly className = 'TokenAndPositionEmbedding';
  static override readonly configKeys: readonly string[] = ['maxlen', 'vocabSize', 'embedDim'];
  readonly tokenEmb: keras.layers.Embedding;
  readonly posEmb: keras.layers.Embedding;

  constructor(config: TokenAndPositionEmbeddingConfig) {
    super(config);
    const { maxlen, vocabSize, embedDim } = this.config;
    this.tokenEmb = new layers.Embedding({ inputDim: vocabSize, outputDim: embedDim });
    this.posEmb = new layers.Embedding({ inputDim: maxlen, outputDim: embedDim });
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    const positions = this.posEmb.apply(range(0, x.shape[x.rank - 1], 1, 'int32'));
    return add(this.tokenEmb.apply(x), positions);
  }

  override getConfig(): Record<string, unknown> {
    const { maxlen, vocabSize, embedDim } = this.config;
    return { ...super.getConfig(), maxlen, vocabSize, embedDim };
  }
}
keras.registerClass(TokenAndPositionEmbedding);

/** Sizes of {@link transformerClassifier}. */
export interface TransformerClassifierOptions {
  maxlen: number;
  vocabSize: number;
  embedDim: number;
  numHeads: number;
  ffDim: number;
  /** The number of classes. Default 2. */
  classes?: number;
  /** The width of the Dense layer before the output. Default 20 (as the keras.io example). */
  hidden?: number;
}

/**
 * The keras.io example's classifier: token ids `[batch, maxlen]` in, class probabilities out.
 * @example transformerClassifier({ maxlen: 200, vocabSize: 20000, embedDim: 32, numHeads: 2, ffDim: 32 })
 */
export function transformerClassifier(o: TransformerClassifierOptions): keras.Model {
  const inputs = keras.Input({ shape: [o.maxlen] });
  let x = new TokenAndPositionEmbedding({ maxlen: o.maxlen, vocabSize: o.vocabSize, embedDim: o.embedDim }).apply(
    inputs,
  );
  x = new TransformerBlock({ embedDim: o.embedDim, numHeads: o.numHeads, ffDim: o.ffDim }).apply(x);
  x = new layers.GlobalAveragePooling1D().apply(x);
  x = new layers.Dropout({ rate: 0.1 }).apply(x);
  x = new layers.Dense({ units: o.hidden ?? 20, activation: 'relu' }).apply(x);
  x = new layers.Dropout({ rate: 0.1 }).apply(x);
  const outputs = new layers.Dense({ units: o.classes ?? 2, activation: 'softmax' }).apply(x);
  return new keras.Model({ inputs, outputs, name: 'transformer_classifier' });
}

/** The synthetic task: token ids and 0/1 labels. */
export interface MarkerTask {
  x: Tensor;
  y: Tensor;
}

/**
 * `n` seeded sequences of `maxlen` tokens from 2..vocabSize-1, each holding the marker token 1
 * once, labelled 1 when the marker sits in the first half. Every other token is uniform at every
 * position, so only where the marker is tells the class.
 * @example markerTask(256, 8, 12, 1).y.shape // [256]
 */
export function markerTask(n: number, maxlen: number, vocabSize: number, seed: number): MarkerTask {
  const rng = new Random(seed);
  const ids: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rng.next() * maxlen);
    for (let t = 0; t < maxlen; t++) ids.push(t === at ? 1 : 2 + Math.floor(rng.next() * (vocabSize - 2)));
    labels.push(at < maxlen / 2 ? 1 : 0);
  }
  return { x: tensor(ids, [n, maxlen], 'int32'), y: tensor(labels, [n], 'int32') };
}

/** What {@link transformerDemo} reports: the loss per epoch and the held-out accuracy. */
export interface TransformerDemo {
  loss: number[];
  testAccuracy: number;
}

/**
 * Trains {@link transformerClassifier} on {@link markerTask} (seeded) and evaluates it on fresh sequences.
 * @example (await transformerDemo()).testAccuracy // well above 0.5
 */
export async function transformerDemo({
  samples = 512,
  epochs = 12,
  verbose = 0 as 0 | 1 | 2,
  learningRate = 0.003,
  seed = 7,
} = {}): Promise<TransformerDemo> {
  keras.setSeed(seed);
  const maxlen = 8;
  const vocabSize = 12;
  const model = transformerClassifier({ maxlen, vocabSize, embedDim: 16, numHeads: 2, ffDim: 16 });
  model.compile({
    optimizer: new keras.optimizers.Adam({ learningRate }),
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
  });
  const train = markerTask(samples, maxlen, vocabSize, 1);
  const test = markerTask(256, maxlen, vocabSize, 2);
  const history = await model.fit(train.x, train.y, { batchSize: 32, epochs, verbose });
  const [, accuracy] = scores(await model.evaluate(test.x, test.y, { verbose: 0 }));
  return { loss: history.history.loss as number[], testAccuracy: accuracy };
}

/**
 * Runs the program as `node dist/chapters/transformer-block.js` does and returns its headline values
 * (the `run all` harness checks them).
 * @example (await run()).testAccuracy // 1
 */
export async function run(_options = { short: false }): Promise<{ firstLoss: number; testAccuracy: number }> {
  const { loss, testAccuracy } = await transformerDemo({ verbose: 2 });
  console.log(
    `loss ${loss[0].toFixed(4)} -> ${loss.at(-1)?.toFixed(4)}, held-out accuracy ${testAccuracy.toFixed(3)} (chance 0.5)`,
  );
  return { firstLoss: loss[0], testAccuracy };
}

runIfMain(import.meta.url, () => run());
