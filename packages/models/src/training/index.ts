export { compile, requireCompiled } from './compile.js';
export type { CompileArgs, LossArg, LossesArg, MetricsArg } from './compile-args.js';
export type { MetricEntry } from './compiled-metrics.js';
export { CompiledState, type Logs } from './compiled-state.js';
export type { ClassWeight, ModelData, SampleWeightData } from './data.js';
export {
  type EvaluateArgs,
  type EvaluateDatasetArgs,
  type EvaluateResult,
  type EvaluateResultArgs,
  evaluate,
  evaluateDataset,
} from './evaluate.js';
export { type FitArgs, fit, type ValidationData } from './fit.js';
export { type FitDatasetArgs, fitDataset } from './fit-dataset.js';
export { type OnBatchArgs, testOnBatch, trainOnBatch } from './on-batch.js';
export { type PredictArgs, type PredictOutput, predict, predictDataset, predictOnBatch } from './predict.js';
export type { Verbosity } from './run-options.js';
export type { BatchIterable, Dataset, DatasetElement } from './sources.js';
export type { SavableModel, TrainableModel } from './trainable-model.js';
