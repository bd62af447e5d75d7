import { getKerasMask } from '@horn/layers';
import type { Loss } from '@horn/losses';
import { Mean, type Metric } from '@horn/metrics';
import type { Optimizer } from '@horn/optimizers';
import { add, mul, type Tensor, tidy, ValueError } from '@horn/tensor';
import { setOwn } from '../own-keys.js';
import type { CompileArgs } from './compile-args.js';
import { type MetricEntry, resolvePendingMetrics } from './compiled-metrics.js';
import { metricWeights } from './masked-weights.js';

/**
 * Training logs: metric name to value (`loss`, `accuracy`, `val_loss`, ...).
 * @example
 * const log = new LambdaCallback({ onEpochEnd: (epoch, logs?: Logs) => console.log(epoch, logs?.loss, logs?.mae) });
 * await model.fit(x, y, { epochs: 2, verbose: 0, callbacks: [log] }); // model compiled with metrics: ['mae']
 */
export type Logs = Record<string, number>;

/** One batch, standardized: labels, predictions and sample weights per output. */
export interface BatchOutputs {
  ys: readonly Tensor[];
  preds: readonly Tensor[];
  sampleWeights: readonly (Tensor | null)[];
  /** The masks the predictions carry (Keras' mask on `y_pred`), one per output; read from `preds` when absent. */
  masks?: readonly (Tensor | null)[];
}

function predMask(batch: BatchOutputs, i: number): Tensor | null {
  return batch.masks ? (batch.masks[i] ?? null) : getKerasMask(batch.preds[i]);
}

/** The total loss of a batch and each output's own loss (before `lossWeights`; null without a loss). */
export interface BatchLoss {
  total: Tensor;
  perOutput: (Tensor | null)[];
}

/**
 * What `compile` stores on a model (`model.compiled`): the optimizer, one loss and loss weight per
 * output, the loss trackers and the compiled metrics, with their Keras log names. It computes a
 * batch's loss and keeps the running metrics of an epoch.
 * @example
 * model.compile({ optimizer: 'adam', loss: 'mse', metrics: ['mae'] });
 * model.compiled!.metricsNames // ['loss', 'mae']
 */
export class CompiledState {
  /** The running mean of the total loss, weighted by batch size (Keras' loss tracker). */
  readonly lossTracker = new Mean({ name: 'loss' });
  /** For multi-output models, one tracker `<output>_loss` per output that has a loss. */
  readonly outputLossTrackers: (Mean | null)[];

  constructor(
    /** The optimizer `fit` updates the weights with. */
    readonly optimizer: Optimizer,
    /** One loss per output (null: that output has no loss). */
    readonly losses: readonly (Loss | null)[],
    /** One weight per output, scaling its loss in the total. */
    readonly lossWeights: readonly number[],
    /** The compiled metrics, in log order. */
    readonly metricEntries: readonly MetricEntry[],
    /** The output names, in output order. */
    readonly outputNames: readonly string[],
    /** The arguments `compile` was called with (for saving the training config). */
    readonly args: Readonly<CompileArgs>,
    /** Whether `compile` made the optimizer (from an id): a later `compile` then disposes its state. */
    readonly ownsOptimizer = false,
  ) {
    const multi = outputNames.length > 1;
    this.outputLossTrackers = losses.map((l, i) => (multi && l ? new Mean({ name: `${outputNames[i]}_loss` }) : null));
  }

  /** Log names in Keras' `metrics_names` order: `loss`, the per-output losses, then the metrics. */
  get metricsNames(): string[] {
    const outputs = this.outputLossTrackers.flatMap((t) => (t ? [t.name] : []));
    return ['loss', ...outputs, ...this.metricEntries.map((e) => e.name)];
  }

  /** Every metric object: the loss tracker(s), then the compiled metrics built so far. */
  get metrics(): Metric[] {
    const trackers = this.outputLossTrackers.filter((t): t is Mean => t !== null);
    const built = this.metricEntries.flatMap((e) => (e.metric ? [e.metric] : []));
    return [this.lossTracker, ...trackers, ...built];
  }

  /** Clears every running metric (at the start of each epoch and evaluation). */
  resetState(): void {
    for (const m of this.metrics) m.resetState();
  }

  /**
   * The batch loss: the sum over outputs of `lossWeight * loss(y, pred, sampleWeight, mask)` (the
   * mask the prediction carries, as Keras 3), plus the model's own losses (regularization,
   * `addLoss`). Throws when there is nothing to minimize.
   */
  computeLoss(batch: BatchOutputs, extraLosses: readonly Tensor[]): BatchLoss {
    // Keras 3: a mask on the predictions (a sequence model's padded steps) leaves those steps out.
    const perOutput = this.losses.map((loss, i) =>
      loss ? loss.apply(batch.ys[i], batch.preds[i], batch.sampleWeights[i], predMask(batch, i)) : null,
    );
    const terms: Tensor[] = [];
    perOutput.forEach((l, i) => {
      if (l) terms.push(this.lossWeights[i] === 1 ? l : mul(l, this.lossWeights[i]));
    });
    for (const extra of extraLosses) terms.push(extra.rank === 0 ? extra : extra.sum());
    if (terms.length === 0) {
      throw new ValueError(
        'fit: no loss to compute; provide a `loss` argument in compile(), or add losses in the model (addLoss)',
      );
    }
    const total = terms.reduce((a, b) => add(a, b));
    return { total, perOutput };
  }

  /**
   * Accumulates one batch: the loss trackers (weighted by the batch size, as Keras) and the
   * metrics (`weightedMetrics` also get the sample weights; the mean metrics also the mask the
   * prediction carries, as Keras 3's MeanMetricWrapper). Resolves `'accuracy'` on first use.
   */
  updateState(batch: BatchOutputs, loss: BatchLoss, batchSize: number): void {
    resolvePendingMetrics(this.metricEntries, this.losses, batch.ys, batch.preds);
    tidy(() => {
      this.lossTracker.updateState(loss.total, batchSize);
      loss.perOutput.forEach((l, i) => {
        if (l) this.outputLossTrackers[i]?.updateState(l, batchSize);
      });
      for (const e of this.metricEntries) {
        const i = e.output;
        const weights = e.weighted ? batch.sampleWeights[i] : null;
        e.metric!.updateState(batch.ys[i], batch.preds[i], metricWeights(e.metric!, weights, predMask(batch, i)));
      }
    });
  }

  /** The running values, keys sorted as Keras logs them. */
  results(): Logs {
    const pairs: [string, Metric][] = [['loss', this.lossTracker]];
    this.outputLossTrackers.forEach((t) => {
      if (t) pairs.push([t.name, t]);
    });
    for (const e of this.metricEntries) if (e.metric) pairs.push([e.name, e.metric]);
    return sortedLogs(
      pairs.map(([name, m]): [string, number] => {
        const r = m.result();
        const value = r.dataSync()[0];
        r.dispose();
        return [name, value];
      }),
    );
  }
}

/**
 * Logs from name/value pairs with the keys in sorted order (Keras sorts the logs it hands to
 * callbacks, so the progress bar shows `accuracy` before `loss`).
 * @example Object.keys(sortedLogs([['loss', 1], ['accuracy', 0.5]])) // ['accuracy', 'loss']
 */
export function sortedLogs(pairs: Iterable<[string, number]>): Logs {
  const list = [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const logs: Logs = {};
  for (const [k, v] of list) setOwn(logs, k, v);
  return logs;
}
