import type { Loss } from '@horn/losses';
import { getMetric, type Metric, type MetricIdentifier, resolveAccuracy } from '@horn/metrics';
import { type Tensor, ValueError } from '@horn/tensor';

/**
 * One compiled metric: which output it watches, its log name, and the metric (built on first use).
 * @example
 * model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['mae'] });
 * const [entry]: readonly MetricEntry[] = model.compiled!.metricEntries;
 * entry.name; // 'mae'
 * entry.output; // 0
 */
export interface MetricEntry {
  /** The output index the metric reads. */
  readonly output: number;
  /** Its key in the logs: the metric's name, prefixed `<output>_` for multi-output models, made unique. */
  readonly name: string;
  /** Whether sample (and class) weights reach `updateState` (`weightedMetrics`). */
  readonly weighted: boolean;
  /** The metric; null until the first batch for `'accuracy'` / `'acc'`, whose class depends on the shapes. */
  metric: Metric | null;
  /** The id as given, to resolve `'accuracy'` later. */
  readonly id: MetricIdentifier;
}

const isAccuracyId = (id: MetricIdentifier): id is string =>
  typeof id === 'string' && ['accuracy', 'acc'].includes(id.toLowerCase());

/**
 * Builds the metric entries of a compiled model, named as Keras 3 names them: the string the user
 * wrote (or the metric's name), prefixed by the output name when the model has several outputs;
 * a repeated name gets `_1`, `_2`, ... (unweighted metrics first, then weighted ones).
 * @example buildMetricEntries([['accuracy']], [[]], ['dense']).map((e) => e.name) // ['accuracy']
 */
export function buildMetricEntries(
  metrics: readonly MetricIdentifier[][],
  weightedMetrics: readonly MetricIdentifier[][],
  outputNames: readonly string[],
): MetricEntry[] {
  const counters = new Map<string, number>();
  const entries: MetricEntry[] = [];
  const instances = new Set<Metric>();
  const add = (lists: readonly MetricIdentifier[][], weighted: boolean) => {
    lists.forEach((ids, output) => {
      for (const id of ids) {
        const metric = isAccuracyId(id) ? null : getMetric(id, typeof id === 'string' ? { name: id } : {});
        if (metric !== null && metric === id) {
          if (instances.has(metric)) {
            throw new ValueError(
              `compile: the metric instance '${metric.name}' is listed twice (for two outputs or twice for one); a metric keeps one running state, so pass a string id or one instance per place`,
            );
          }
          instances.add(metric);
        }
        const base = typeof id === 'string' ? id : metric!.name;
        let name = outputNames.length > 1 ? `${outputNames[output]}_${base}` : base;
        const seen = counters.get(name);
        if (seen === undefined) counters.set(name, 1);
        else {
          counters.set(name, seen + 1);
          name = `${name}_${seen}`;
        }
        entries.push({ output, name, weighted, metric, id });
      }
    });
  };
  add(metrics, false);
  add(weightedMetrics, true);
  return entries;
}

/**
 * Resolves the `'accuracy'` entries from the first batch's labels and predictions, with the
 * output's loss: binary, categorical or sparse categorical accuracy, as `resolveAccuracy` decides.
 * @example resolvePendingMetrics(entries, losses, ys, preds);
 */
export function resolvePendingMetrics(
  entries: readonly MetricEntry[],
  losses: readonly (Loss | null)[],
  ys: readonly Tensor[],
  preds: readonly Tensor[],
): void {
  for (const entry of entries) {
    if (entry.metric !== null) continue;
    const i = entry.output;
    entry.metric = resolveAccuracy(losses[i], {
      name: entry.id as string,
      yTrueShape: ys[i].shape,
      yPredShape: preds[i].shape,
    });
  }
}
