/**
 * The figures of the course's chapter 3 (starting with neural networks), on the breast-cancer set:
 * the loss curves without and with standardization (3.1), a network that overfits a small training
 * set — training loss falling while the validation loss turns up (3.2), the weights without
 * regularization and with L1 and L2 (3.3), and the scores of 10-fold cross-validation (3.4).
 * Run: `node dist/figures/chapter3.js [dir]`.
 */
import * as keras from '@horn/keras';
import { barChart, linePlot } from '@horn/plot';
import { crossValidate, StandardScaler } from '@horn/preprocessing';
import { slice } from '@horn/tensor';
import { trainLogisticUnit } from '../chapters/scaling-regularization.js';
import { type FigureRunOptions, type FigureWriter, runFiguresIfMain } from './figure-writer.js';
import { breastCancerSplit, logisticCurves } from './logistic-curves.js';

/** Draws chapter 3's figures. */
export async function chapter3Figures(writer: FigureWriter, options: FigureRunOptions = {}): Promise<void> {
  const fast = options.fast ?? false;
  const { raw, scaled } = breastCancerSplit();

  // 3.1: the same logistic unit and learning rate on raw and on standardized features.
  const epochs = fast ? 20 : 60;
  const rawCurves = logisticCurves(raw[0], raw[1], raw[2], raw[3], { epochs, learningRate: 1e-4 });
  const scaledCurves = logisticCurves(scaled[0], scaled[1], scaled[2], scaled[3], { epochs, learningRate: 1e-4 });
  const fastScaled = logisticCurves(scaled[0], scaled[1], scaled[2], scaled[3], { epochs, learningRate: 0.1 });
  await writer.write(
    'ch3-scaling-loss',
    '3.1',
    linePlot({
      series: [
        { name: 'raw features, α = 1e-4', y: rawCurves.loss },
        { name: 'standardized, α = 1e-4', y: scaledCurves.loss },
        { name: 'standardized, α = 0.1', y: fastScaled.loss },
      ],
      yScale: 'log',
      points: false,
      title: 'Training loss without and with standardization (breast cancer)',
      xLabel: 'epoch',
      yLabel: 'loss (log scale)',
    }),
    { raw: rawCurves.loss, scaled: scaledCurves.loss, scaledFast: fastScaled.loss },
  );

  // 3.2: a network with far more weights than a 60-sample training set needs.
  keras.setSeed(42);
  const small = [slice(scaled[0], [0, 0], [60, -1]), slice(scaled[1], [0], [60])];
  const net = new keras.Sequential([
    keras.Input({ shape: [30] }),
    new keras.layers.Dense({ units: 64, activation: 'relu' }),
    new keras.layers.Dense({ units: 64, activation: 'relu' }),
    new keras.layers.Dense({ units: 1, activation: 'sigmoid' }),
  ]);
  net.compile({ optimizer: new keras.optimizers.Adam({ learningRate: 0.01 }), loss: 'binary_crossentropy' });
  const history = await net.fit(small[0], small[1], {
    epochs: fast ? 30 : 80,
    batchSize: 20,
    validationData: [scaled[2], scaled[3]],
    verbose: 0,
  });
  const loss = history.history.loss;
  const valLoss = history.history.val_loss;
  const best = valLoss.indexOf(Math.min(...valLoss)) + 1;
  await writer.write(
    'ch3-overfitting',
    '3.2',
    linePlot({
      series: [
        { name: 'train_loss (60 samples)', y: loss },
        { name: 'val_loss (91 samples)', y: valLoss },
      ],
      points: false,
      title: `Overfitting: validation loss is lowest at epoch ${best}, then rises`,
      xLabel: 'epoch',
      yLabel: 'loss',
    }),
    { loss, valLoss, bestEpoch: best },
  );

  // 3.3: weights of the standardized unit, plain, with L1 (α = 0.01) and with L2 (α = 0.1).
  const plain = logisticCurves(scaled[0], scaled[1], scaled[2], scaled[3], { epochs: 100, learningRate: 0.1 });
  const l1 = logisticCurves(scaled[0], scaled[1], scaled[2], scaled[3], { epochs: 100, learningRate: 0.1, l1: 0.01 });
  const l2 = logisticCurves(scaled[0], scaled[1], scaled[2], scaled[3], { epochs: 100, learningRate: 0.1, l2: 0.1 });
  await writer.write(
    'ch3-l1-l2-weights',
    '3.3',
    barChart({
      categories: plain.w.map((_, i) => i + 1),
      series: [
        { name: 'no regularization', values: plain.w },
        { name: 'L1, α = 0.01', values: l1.w },
        { name: 'L2, α = 0.1', values: l2.w },
      ],
      width: 720,
      title: 'Weights of the logistic unit (30 features, 100 epochs)',
      xLabel: 'feature',
      yLabel: 'w',
    }),
    { plain: plain.w, l1: l1.w, l2: l2.w },
  );

  // 3.4: 10-fold cross-validation of the standardized unit.
  const folds = await crossValidate(
    (xt, yt, xv, yv) => {
      const s = new StandardScaler().fit(xt);
      return trainLogisticUnit(s.transform(xt), yt).accuracy(s.transform(xv), yv);
    },
    keras.ops.concat([raw[0], raw[2]], 0),
    keras.ops.concat([raw[1], raw[3]], 0),
    { k: 10 },
  );
  await writer.write(
    'ch3-cross-validation',
    '3.4',
    barChart({
      categories: folds.scores.map((_, i) => `fold ${i + 1}`),
      series: [{ name: 'accuracy', values: folds.scores }],
      yDomain: [0.8, 1.04],
      labelDigits: 3,
      width: 560,
      title: `10-fold cross-validation: mean accuracy ${folds.mean.toFixed(3)}`,
      yLabel: 'validation accuracy',
    }),
    { scores: folds.scores, mean: folds.mean },
  );
}

runFiguresIfMain(import.meta.url, chapter3Figures);
