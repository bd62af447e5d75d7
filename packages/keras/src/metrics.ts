/**
 * `keras.metrics`: stateful metric classes, metric functions, and `get`.
 * @example const auc = new keras.metrics.AUC(); auc.updateState(yTrue, yPred); auc.result();
 */
export * from '@horn/metrics';
export { getMetric as get } from '@horn/metrics';
