import { getLoss, type Loss } from '@horn/losses';
import { getOptimizer, Optimizer } from '@horn/optimizers';
import type { KerasOptions } from '@horn/tensor';
import { ValueError } from '@horn/tensor';
import {
  type CompileArgs,
  checkCompileKeys,
  describeValue,
  lossesPerOutput,
  lossWeightsPerOutput,
  metricsPerOutput,
} from './compile-args.js';
import { buildMetricEntries } from './compiled-metrics.js';
import { CompiledState } from './compiled-state.js';
import type { TrainableModel } from './trainable-model.js';

/**
 * Configures a model for training, as Keras' `model.compile`: resolves the optimizer (default
 * `'rmsprop'`, as Keras), one loss per output (a single loss applies to every output; an array or a
 * record by output name gives one each), the loss weights, and the metrics with their Keras log
 * names (`'accuracy'`/`'acc'` become binary, categorical or sparse categorical accuracy from the
 * loss and the shapes at the first batch). Stores the result in `model.compiled` and returns it.
 * Compiling again keeps the weights; an optimizer the previous `compile` made from an id is disposed.
 * String ids accept camelCase and snake_case.
 * @example
 * compile(model, { optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
 * model.compiled!.metricsNames // ['loss', 'accuracy']
 */
export function compile(model: TrainableModel, args: KerasOptions<CompileArgs> = {}): CompiledState {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    const keras =
      typeof args === 'string'
        ? ` (Keras' positional compile(optimizer, loss, ...) is compile({ optimizer: ${describeValue(args)}, loss, ... }) here)`
        : '';
    throw new ValueError(`compile: expected an options object, got ${describeValue(args)}${keras}`);
  }
  args = checkCompileKeys(args);
  const outputNames = [...model.outputNames];
  if (outputNames.length === 0) {
    throw new ValueError(
      `compile: model '${model.name}' has no outputs yet; build it first (give it an Input, or call it on data)`,
    );
  }
  const optimizer = getOptimizer(args.optimizer ?? 'rmsprop');
  const losses = lossesPerOutput(args.loss, outputNames).map((id, i): Loss | null => {
    if (id === null || id === undefined) return null;
    try {
      return getLoss(id);
    } catch (e) {
      if (outputNames.length === 1 || !(e instanceof ValueError)) throw e;
      throw new ValueError(`compile: loss for output '${outputNames[i]}': ${e.message}`);
    }
  });
  const lossWeights = lossWeightsPerOutput(args.lossWeights, outputNames);
  const entries = buildMetricEntries(
    metricsPerOutput(args.metrics, outputNames, 'metrics'),
    metricsPerOutput(args.weightedMetrics, outputNames, 'weightedMetrics'),
    outputNames,
  );
  const owns = !(args.optimizer instanceof Optimizer);
  const compiled = new CompiledState(optimizer, losses, lossWeights, entries, outputNames, { ...args }, owns);
  // Recompiling drops the previous optimizer; its slot variables go too when compile made it.
  const previous = model.compiled;
  if (previous?.ownsOptimizer && previous.optimizer !== optimizer) previous.optimizer.dispose();
  model.compiled = compiled;
  return compiled;
}

/**
 * The compiled state of a model, or a clear error naming what was called before `compile`.
 * @example const { optimizer } = requireCompiled(model, 'fit');
 */
export function requireCompiled(model: TrainableModel, what: string): CompiledState {
  const compiled = model.compiled;
  if (!compiled) {
    throw new ValueError(
      `${what}: model '${model.name}' must be compiled first; call model.compile({ optimizer, loss, metrics })`,
    );
  }
  return compiled;
}
