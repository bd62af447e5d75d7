export { Callback, type CallbackParams, type HookResult, type Logs } from './callback.js';
export { CallbackList, type CallbackListOptions } from './callback-list.js';
export { CSVLogger, type CSVLoggerOptions, pythonFloat } from './csv-logger.js';
export { EarlyStopping, type EarlyStoppingOptions } from './early-stopping.js';
export { formatFilepath } from './format-filepath.js';
export { History } from './history.js';
export { LambdaCallback, type LambdaCallbackHooks } from './lambda-callback.js';
export {
  type EpochSchedule,
  LearningRateScheduler,
  type LearningRateSchedulerOptions,
} from './learning-rate-scheduler.js';
export { ModelCheckpoint, type ModelCheckpointOptions } from './model-checkpoint.js';
export { type MonitorMode, monitorDirection } from './monitor.js';
export { defaultOutputStream, type OutputStream } from './output-stream.js';
export { formatLogValue, formatTimePerUnit, Progbar, type ProgbarOptions } from './progbar.js';
export { ProgbarLogger, type ProgbarLoggerOptions } from './progbar-logger.js';
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './reduce-lr-on-plateau.js';
export { TerminateOnNaN, type TerminateOnNaNOptions } from './terminate-on-nan.js';
