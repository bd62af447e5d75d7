export * from './callbacks/index.js';
export { Model, type ModelArgs, type ModelNameOrOptions } from './model.js';
export { resetModelStates } from './reset-states.js';
export * from './saving/index.js';
export { Sequential, type SequentialArgs } from './sequential.js';
export {
  printSummary,
  readableMemorySize,
  type SummaryOptions,
  type SummaryPositions,
  summaryLines,
} from './summary.js';
export {
  type FunctionalConfig,
  functionalConfig,
  functionalFromConfig,
  type LayerEntry,
  type NodeRef,
} from './topology/functional-config.js';
export { type ModelGraph, mapGraph } from './topology/graph.js';
export { deserializeModelOrLayer, registerModelClass } from './topology/model-classes.js';
export * from './training/index.js';
export { type ModelToSvgOptions, modelToSvg, type PlotModelOptions, plotModel } from './visualization/plot-model.js';
