/**
 * `keras.callbacks`: History, ProgbarLogger, EarlyStopping, ModelCheckpoint, ReduceLROnPlateau,
 * LearningRateScheduler, TerminateOnNaN, CSVLogger, LambdaCallback, and the Callback base.
 * @example await model.fit(x, y, { callbacks: [new keras.callbacks.EarlyStopping({ patience: 3 })] })
 */
export {
  Callback,
  CallbackList,
  CSVLogger,
  EarlyStopping,
  History,
  LambdaCallback,
  LearningRateScheduler,
  ModelCheckpoint,
  ProgbarLogger,
  ReduceLROnPlateau,
  TerminateOnNaN,
} from '@horn/models';
