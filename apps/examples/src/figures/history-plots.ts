/** The course's `plt.plot(history.history['loss'])` and accuracy curves, side by side. */
import type * as keras from '@horn/keras';
import { type FigureSpec, linePlot, subplots } from '@horn/plot';

/** What {@link fitQuietly} compiles and fits with. */
export interface QuietFit {
  optimizer: keras.optimizers.Optimizer | string;
  loss: string;
  epochs: number;
  batchSize: number;
  validationData: [keras.ops.Tensor, keras.ops.Tensor];
}

/** Compiles the model (with accuracy) and fits it silently; returns the Keras history's record. */
export async function fitQuietly(
  model: keras.Sequential,
  x: keras.ops.Tensor,
  y: keras.ops.Tensor,
  o: QuietFit,
): Promise<Record<string, number[]>> {
  model.compile({ optimizer: o.optimizer, loss: o.loss, metrics: ['accuracy'] });
  const { epochs, batchSize, validationData } = o;
  return (await model.fit(x, y, { epochs, batchSize, validationData, verbose: 0 })).history;
}

/** Loss and (when recorded) accuracy of a Keras history, training and validation, as a 1 x 2 grid. */
export function historyFigure(history: Record<string, number[]>, title: string, xLabel = 'epoch'): FigureSpec {
  const pair = (key: string, label: string, legend: 'top-right' | 'bottom-right') =>
    linePlot({
      series: [
        { name: key, y: history[key] },
        ...(history[`val_${key}`] ? [{ name: `val_${key}`, y: history[`val_${key}`] }] : []),
      ],
      title: label,
      xLabel,
      yLabel: key,
      width: 320,
      height: 220,
      legend,
    });
  const cells = [pair('loss', 'Loss', 'top-right')];
  if (history.accuracy) cells.push(pair('accuracy', 'Accuracy', 'bottom-right'));
  return subplots(cells, { title, spacing: 40 });
}
