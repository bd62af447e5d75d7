import type { KerasOptions } from '@horn/tensor';
import { ValueError } from '@horn/tensor';
import { requireCompiled } from './compile.js';
import {
  type ClassWeight,
  classWeightsToSampleWeights,
  countSamples,
  type ModelData,
  OwnedTensors,
  type SampleWeightData,
  standardizeData,
  standardizeSampleWeights,
  standardizeTargets,
} from './data.js';
import { flattenLogs } from './evaluate.js';
import { checkOptionKeys } from './run-options.js';
import { type StepData, testStep, trainStep } from './train-step.js';
import type { TrainableModel } from './trainable-model.js';

/**
 * Options of {@link trainOnBatch} and {@link testOnBatch}.
 * @example
 * model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['mae'] });
 * model.trainOnBatch([[1, 2]], [[1]], { sampleWeight: [2], resetMetrics: true }); // [8, 2]: the loss is weighted, mae is not
 */
export interface OnBatchArgs {
  /** Per-sample weights of the batch. */
  sampleWeight?: SampleWeightData;
  /** Class index to loss weight (trainOnBatch, single output). */
  classWeight?: ClassWeight;
  /**
   * Reset the metrics first, so the result is this batch's alone (Keras 2 and TF.js). Default true;
   * false accumulates across calls, as Keras 3.
   */
  resetMetrics?: boolean;
}

function batchData(
  op: string,
  model: TrainableModel,
  x: ModelData,
  y: ModelData | null | undefined,
  args: KerasOptions<OnBatchArgs>,
  owned: OwnedTensors,
): StepData {
  const xs = standardizeData(op, 'x', x, model.inputNames, owned);
  const ys = standardizeTargets(op, y, model, owned);
  let sampleWeights = standardizeSampleWeights(op, args.sampleWeight, model.outputNames, owned);
  if (args.classWeight) {
    if (args.sampleWeight !== undefined)
      throw new ValueError(`${op}: classWeight and sampleWeight cannot be used together`);
    if (ys.length !== 1)
      throw new ValueError(`${op}: classWeight is only supported for models with a single output and y`);
    sampleWeights = [owned.own(classWeightsToSampleWeights(op, ys[0], args.classWeight))];
  }
  countSamples(op, [
    ['x', xs],
    ['y', ys],
    ['sampleWeight', sampleWeights],
  ]);
  return { xs, ys, sampleWeights };
}

function runOnBatch(
  op: string,
  step: typeof trainStep,
  model: TrainableModel,
  x: ModelData,
  y: ModelData | null | undefined,
  args: KerasOptions<OnBatchArgs>,
): number | number[] {
  args = checkOptionKeys(
    op,
    args,
    op === 'trainOnBatch' ? ['sampleWeight', 'classWeight', 'resetMetrics'] : ['sampleWeight', 'resetMetrics'],
  );
  const compiled = requireCompiled(model, op);
  const owned = new OwnedTensors();
  try {
    const data = batchData(op, model, x, y, args, owned);
    if (args.resetMetrics ?? true) compiled.resetState();
    step(op, model, compiled, data);
    return flattenLogs(compiled, compiled.results());
  } finally {
    owned.dispose();
  }
}

/**
 * One gradient update on one batch, as Keras' `train_on_batch`: returns the loss, or
 * `[loss, ...metrics]` in `metricsNames` order (the values before the update).
 * @example const [loss, acc] = trainOnBatch(model, xBatch, yBatch) as number[];
 */
export function trainOnBatch(
  model: TrainableModel,
  x: ModelData,
  y?: ModelData | null,
  args: KerasOptions<OnBatchArgs> = {},
): number | number[] {
  return runOnBatch('trainOnBatch', trainStep, model, x, y, args);
}

/**
 * The loss (and metrics) of one batch without updating, as Keras' `test_on_batch`.
 * @example const loss = testOnBatch(model, xBatch, yBatch) as number;
 */
export function testOnBatch(
  model: TrainableModel,
  x: ModelData,
  y?: ModelData | null,
  args: KerasOptions<OnBatchArgs> = {},
): number | number[] {
  return runOnBatch('testOnBatch', testStep, model, x, y, args);
}
