import type { LossIdentifier } from '@horn/losses';
import type { MetricIdentifier } from '@horn/metrics';
import type { OptimizerIdentifier } from '@horn/optimizers';
import { normalizeOptions, ValueError } from '@horn/tensor';
import { ownValue } from '../own-keys.js';

/**
 * One output's loss: an id (`'mse'`, `'sparse_categorical_crossentropy'`), a Loss, a function, or null for none.
 * @example
 * model.compile({ optimizer: 'sgd', loss: 'mse' }); // an id
 * model.compile({ optimizer: 'sgd', loss: new Huber({ delta: 0.5 }) }); // a Loss
 * model.compile({ optimizer: 'sgd', loss: (yTrue, yPred) => sub(yTrue, yPred).abs().mean(-1) }); // a function
 */
export type LossArg = LossIdentifier | null;

/**
 * One loss for every output, one per output (array in output order), or a record keyed by output name.
 * @example
 * // A model with outputs 'p' and 'q': a loss per output by name, null for none.
 * model.compile({ optimizer: 'sgd', loss: { p: 'mse', q: null } });
 * model.compile({ optimizer: 'sgd', loss: ['mse', 'mae'] }); // or in output order
 */
export type LossesArg = LossArg | readonly LossArg[] | Readonly<Record<string, LossArg>>;

/**
 * Metrics: a list (for a multi-output model, applied to every output, as Keras 2 and TF.js), a list of
 * lists (one list per output), or a record keyed by output name (a metric or a list per output).
 * @example
 * model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['mae'] });
 * model.metricsNames; // ['loss', 'mae']
 * // Outputs 'p' and 'q': metrics by output name.
 * twoOutputs.compile({ optimizer: 'sgd', loss: { p: 'mse', q: null }, metrics: { p: ['mae'] } });
 * twoOutputs.metricsNames; // ['loss', 'p_loss', 'p_mae']
 */
export type MetricsArg =
  | readonly (MetricIdentifier | null)[]
  | readonly (readonly MetricIdentifier[] | MetricIdentifier | null)[]
  | Readonly<Record<string, MetricIdentifier | readonly MetricIdentifier[]>>;

/**
 * What `compile` takes (Keras 3 `compile` arguments in camelCase).
 * @example model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
 */
export interface CompileArgs {
  /** An optimizer or its id (`'adam'`, `'sgd'`, ...). Default `'rmsprop'` (Keras). */
  optimizer?: OptimizerIdentifier;
  /** The loss(es); without one, `fit` needs the model to add losses itself (`addLoss`). */
  loss?: LossesArg;
  /** Scales each output's loss in the total: one number per output, or a record by output name. Default 1. */
  lossWeights?: readonly number[] | Readonly<Record<string, number>>;
  /** Metrics evaluated without sample weights; `'accuracy'`/`'acc'` picks the accuracy that fits the loss. */
  metrics?: MetricsArg;
  /** Metrics evaluated with the sample (and class) weights. */
  weightedMetrics?: MetricsArg;
}

const COMPILE_KEYS = ['optimizer', 'loss', 'lossWeights', 'metrics', 'weightedMetrics'];

/**
 * A short description of a value for error messages.
 * @example describeValue([1, 2]) // 'an array of length 2'
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') {
    // A tensor is described by its shape, never by its values (a dataset of MNIST would print 47 MB).
    const t = value as { shape?: unknown; dtype?: unknown };
    if (Array.isArray(t.shape) && typeof t.dtype === 'string') {
      return `a ${t.dtype} ${(value as object).constructor?.name ?? 'Tensor'} of shape [${t.shape.join(', ')}]`;
    }
    return (value as object).constructor?.name ?? 'an object';
  }
  return String(value);
}

/**
 * The compile arguments in camelCase: Keras' snake_case names are renamed (`loss_weights` ->
 * `lossWeights`, `weighted_metrics` -> `weightedMetrics`); an unknown name (`run_eagerly`, a typo)
 * is refused early with the closest valid one and the list of valid ones.
 * @example args = checkCompileKeys({ loss: 'mse', loss_weights: [1] }); // { loss: 'mse', lossWeights: [1] }
 */
export function checkCompileKeys(args: CompileArgs): CompileArgs {
  return normalizeOptions('compile', args, COMPILE_KEYS) as CompileArgs;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype &&
    !('className' in value)
  );
}

/** Keys of a per-output record that are not output names. */
function checkRecordKeys(what: string, record: Readonly<Record<string, unknown>>, outputNames: readonly string[]) {
  for (const key of Object.keys(record)) {
    if (!outputNames.includes(key)) {
      throw new ValueError(
        `compile: ${what} has key '${key}', which is not an output of the model; outputs are ${outputNames.map((n) => `'${n}'`).join(', ')}`,
      );
    }
  }
}

/**
 * One loss id per output, from `loss` as given.
 * @example lossesPerOutput({ b: 'mae' }, ['a', 'b']) // [null, 'mae']
 */
export function lossesPerOutput(loss: LossesArg | undefined, outputNames: readonly string[]): LossArg[] {
  const n = outputNames.length;
  if (loss === undefined || loss === null) return new Array<LossArg>(n).fill(null);
  if (Array.isArray(loss)) {
    if (loss.length !== n) {
      throw new ValueError(
        `compile: loss is a list of ${loss.length} losses, but the model has ${n} output(s) (${outputNames.join(', ')}); pass one loss per output, or a single loss for all`,
      );
    }
    return [...loss];
  }
  if (isRecord(loss)) {
    checkRecordKeys('loss', loss, outputNames);
    return outputNames.map((name) => (ownValue(loss, name) as LossArg | undefined) ?? null);
  }
  return new Array<LossArg>(n).fill(loss as LossArg);
}

/**
 * One weight per output, from `lossWeights` as given.
 * @example lossWeightsPerOutput({ b: 0.5 }, ['a', 'b']) // [1, 0.5]
 */
export function lossWeightsPerOutput(
  weights: CompileArgs['lossWeights'] | undefined,
  outputNames: readonly string[],
): number[] {
  const n = outputNames.length;
  let list: unknown[];
  if (weights === undefined || weights === null) return new Array<number>(n).fill(1);
  if (Array.isArray(weights)) {
    if (weights.length !== n) {
      throw new ValueError(`compile: lossWeights has ${weights.length} entries, but the model has ${n} output(s)`);
    }
    list = [...weights];
  } else if (isRecord(weights)) {
    checkRecordKeys('lossWeights', weights, outputNames);
    list = outputNames.map((name) => ownValue(weights, name) ?? 1);
  } else {
    throw new ValueError(
      `compile: lossWeights must be a list or a record of numbers by output name, got ${describeValue(weights)}`,
    );
  }
  return list.map((w, i) => {
    if (typeof w !== 'number' || !Number.isFinite(w)) {
      throw new ValueError(`compile: lossWeights for output '${outputNames[i]}' must be a finite number, got ${w}`);
    }
    return w;
  });
}

/**
 * One list of metric ids per output, from `metrics` (or `weightedMetrics`) as given.
 * @example metricsPerOutput(['mae'], ['a', 'b'], 'metrics') // [['mae'], ['mae']]
 */
export function metricsPerOutput(
  metrics: MetricsArg | undefined,
  outputNames: readonly string[],
  argName: string,
): MetricIdentifier[][] {
  const n = outputNames.length;
  if (metrics === undefined || metrics === null) return outputNames.map(() => []);
  if (Array.isArray(metrics)) {
    const nested = metrics.some((m) => Array.isArray(m) || m === null);
    if (!nested || n === 1) {
      const flat = (metrics as unknown[]).flat().filter((m) => m !== null) as MetricIdentifier[];
      return outputNames.map(() => [...flat]);
    }
    if (metrics.length !== n) {
      throw new ValueError(
        `compile: ${argName} is a list of ${metrics.length} per-output lists, but the model has ${n} outputs (${outputNames.join(', ')})`,
      );
    }
    return metrics.map((m) => (m === null ? [] : Array.isArray(m) ? [...m] : [m as MetricIdentifier]));
  }
  if (isRecord(metrics)) {
    checkRecordKeys(argName, metrics, outputNames);
    return outputNames.map((name) => {
      const m = ownValue(metrics, name) as MetricIdentifier | readonly MetricIdentifier[] | undefined;
      return m === undefined || m === null ? [] : Array.isArray(m) ? [...m] : [m as MetricIdentifier];
    });
  }
  throw new ValueError(
    `compile: ${argName} must be a list of metrics, a list of lists (one per output) or a record by output name, got ${describeValue(metrics)}`,
  );
}
