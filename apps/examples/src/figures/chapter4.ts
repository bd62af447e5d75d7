/**
 * The figures of the course's chapter 4 (multi-layer networks): batch, stochastic and mini-batch
 * gradient descent on the same logistic unit (4.2, 4.4), the training and validation loss of the
 * two-layer network (4.3), and, for the multi-class network (4.5), softmax against plain shares of
 * the course's sigmoid outputs and the learning curves on Fashion-MNIST.
 * Run: `node dist/figures/chapter4.js [dir]`.
 */
import * as keras from '@horn/keras';
import { barChart, linePlot, subplots } from '@horn/plot';
import { slice } from '@horn/tensor';
import { loadFashionSubset } from '../chapters/convolution-network.js';
import { softmaxChapter } from '../chapters/softmax.js';
import { type FigureRunOptions, type FigureWriter, runFiguresIfMain } from './figure-writer.js';
import { fitQuietly, historyFigure } from './history-plots.js';
import { breastCancerSplit, logisticCurves } from './logistic-curves.js';

/** Draws chapter 4's figures. */
export async function chapter4Figures(writer: FigureWriter, options: FigureRunOptions = {}): Promise<void> {
  const fast = options.fast ?? false;
  const { scaled } = breastCancerSplit();
  const [x, y, xVal, yVal] = scaled;

  // 4.2 / 4.4: one update per epoch, per sample, per 32 samples.
  const epochs = fast ? 8 : 30;
  const run = (batchSize: number | undefined) =>
    logisticCurves(x, y, xVal, yVal, { epochs, learningRate: 0.1, batchSize });
  const batch = run(undefined);
  const sgd = run(1);
  const mini = run(32);
  await writer.write(
    'ch4-batch-sgd-minibatch',
    '4.4',
    linePlot({
      series: [
        { name: `batch (${x.shape[0]} samples per update)`, y: batch.valLoss },
        { name: 'stochastic (1 per update)', y: sgd.valLoss },
        { name: 'mini-batch (32 per update)', y: mini.valLoss },
      ],
      title: 'Validation loss of the logistic unit, α = 0.1',
      xLabel: 'epoch',
      yLabel: 'val_loss',
    }),
    { batch: batch.valLoss, sgd: sgd.valLoss, mini: mini.valLoss },
  );

  // 4.3: the two-layer network (10 sigmoid units, then 1), trained by SGD.
  keras.setSeed(42);
  const dual = new keras.Sequential([
    keras.Input({ shape: [30] }),
    new keras.layers.Dense({ units: 10, activation: 'sigmoid' }),
    new keras.layers.Dense({ units: 1, activation: 'sigmoid' }),
  ]);
  const dualHistory = await fitQuietly(dual, x, y, {
    optimizer: new keras.optimizers.SGD({ learningRate: 0.1 }),
    loss: 'binary_crossentropy',
    epochs: fast ? 10 : 60,
    batchSize: 32,
    validationData: [xVal, yVal],
  });
  await writer.write(
    'ch4-two-layer-network',
    '4.3',
    historyFigure(dualHistory, 'Two-layer network on breast cancer (Dense 10 sigmoid → Dense 1 sigmoid, SGD 0.1)'),
    { loss: dualHistory.loss, val_loss: dualHistory.val_loss },
  );

  // 4.5: softmax of the logits behind the course's sigmoid outputs, against plain shares.
  const c = softmaxChapter();
  const v = (key: string) => Array.from(c[key].dataSync());
  const classes = ['car', 'plane', 'rocket'];
  const pair = (yHat: string, soft: string, share: string) =>
    barChart({
      categories: classes,
      series: [
        { name: 'ŷ / sum(ŷ)', values: v(share) },
        { name: 'softmax(z)', values: v(soft) },
      ],
      labelDigits: 3,
      yDomain: [0, 1],
      title: `sigmoid outputs ŷ = ${yHat}`,
      yLabel: 'share',
      width: 300,
      height: 220,
    });
  await writer.write(
    'ch4-softmax',
    '4.5',
    subplots(
      [
        pair('[0.9, 0.8, 0.7]', 'softmax(z)', 'ŷ / sum(ŷ)'),
        pair('[0.5, 0.2, 0.1]', 'softmax(z) second', 'ŷ / sum(ŷ) second'),
      ],
      {
        title: 'Softmax makes the first place clearer than plain shares',
        spacing: 40,
      },
    ),
    {
      softmax: v('softmax(z)'),
      share: v('ŷ / sum(ŷ)'),
      softmax2: v('softmax(z) second'),
      share2: v('ŷ / sum(ŷ) second'),
    },
  );

  // 4.5: the multi-class network (100 units) on 1,600 Fashion-MNIST images, 400 held out.
  const fashion = loadFashionSubset();
  const flat = keras.ops.reshape(fashion.x, [-1, 784]);
  const n = fast ? 400 : 1600;
  const fx = slice(flat, [0, 0], [n, -1]);
  const fy = slice(fashion.y, [0, 0], [n, -1]);
  const vx = slice(flat, [1600, 0], [400, -1]);
  const vy = slice(fashion.y, [1600, 0], [400, -1]);
  keras.setSeed(42);
  const multi = new keras.Sequential([
    keras.Input({ shape: [784] }),
    new keras.layers.Dense({ units: 100, activation: 'sigmoid' }),
    new keras.layers.Dense({ units: 10, activation: 'softmax' }),
  ]);
  const multiHistory = await fitQuietly(multi, fx, fy, {
    optimizer: new keras.optimizers.Adam({ learningRate: 1e-3 }),
    loss: 'categorical_crossentropy',
    epochs: fast ? 5 : 40,
    batchSize: 32,
    validationData: [vx, vy],
  });
  await writer.write(
    'ch4-multiclass-network',
    '4.5',
    historyFigure(multiHistory, 'Multi-class network on Fashion-MNIST (Dense 100 sigmoid → Dense 10 softmax)'),
    { accuracy: multiHistory.accuracy, val_accuracy: multiHistory.val_accuracy },
  );
}

runFiguresIfMain(import.meta.url, chapter4Figures);
