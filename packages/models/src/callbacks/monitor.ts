import { ValueError } from '@horn/tensor';
import { ownValue } from '../own-keys.js';
import type { Logs } from './callback.js';

/**
 * Whether a monitored value should go down (`'min'`), up (`'max'`), or be guessed from its name.
 * @example
 * const mode: MonitorMode = 'auto';
 * monitorDirection('EarlyStopping', 'val_accuracy', mode); // 'max'
 * monitorDirection('EarlyStopping', 'val_loss', mode); // 'min'
 * new EarlyStopping({ monitor: 'val_auc', mode: 'max', patience: 3 });
 */
export type MonitorMode = 'auto' | 'min' | 'max';

// Metrics that improve upwards; anything else (losses, errors) improves downwards.
const UPWARD = /acc|auc|precision|recall|f1|fbeta|r2|fmeasure|iou/;

/**
 * The direction of a monitored quantity: `mode` when `'min'` or `'max'`; with `'auto'`, `'max'`
 * for accuracies and other scores (`accuracy`, `acc`, `auc`, `precision`, `recall`, `f1_score`,
 * `r2_score`, with or without `val_`), `'min'` for losses and errors (Keras' rule, extended to
 * Keras 3's metric directions).
 * @example monitorDirection('EarlyStopping', 'val_accuracy', 'auto') // 'max'
 */
export function monitorDirection(owner: string, monitor: string, mode: MonitorMode): 'min' | 'max' {
  if (typeof monitor !== 'string' || monitor === '') {
    throw new ValueError(`${owner}: monitor must be a metric name such as 'val_loss', got ${String(monitor)}`);
  }
  if (mode === 'min' || mode === 'max') return mode;
  if (mode !== 'auto') {
    throw new ValueError(`${owner}: mode must be 'auto', 'min' or 'max', got ${JSON.stringify(mode)}`);
  }
  const name = monitor.replace(/^val_/, '');
  if (name === 'loss' || name.endsWith('_loss')) return 'min';
  return UPWARD.test(name) ? 'max' : 'min';
}

/**
 * The monitored value from the logs, or undefined with a warning that lists what the logs have
 * (as Keras warns, rather than failing).
 * @example monitorValue('EarlyStopping', 'val_loss', logs)
 */
export function monitorValue(owner: string, monitor: string, logs: Logs | undefined): number | undefined {
  const value = logs === undefined ? undefined : ownValue(logs, monitor);
  if (value === undefined) {
    console.warn(
      `${owner}: conditioned on metric '${monitor}', which is not available; available metrics are: ${Object.keys(logs ?? {}).join(', ')}`,
    );
  }
  return value;
}

/**
 * Checks a non-negative finite number option.
 * @example checkNonNegative('ReduceLROnPlateau', 'minLr', 0) // 0
 */
export function checkNonNegative(owner: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ValueError(`${owner}: ${name} must be a non-negative number, got ${String(value)}`);
  }
  return value;
}

/**
 * Checks a finite number option.
 * @example checkFinite('EarlyStopping', 'baseline', 0.5) // 0.5
 */
export function checkFinite(owner: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${owner}: ${name} must be a finite number, got ${String(value)}`);
  }
  return value;
}

/**
 * Checks a non-negative integer option (patience, cooldown, ...).
 * @example checkCount('EarlyStopping', 'patience', 3) // 3
 */
export function checkCount(owner: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ValueError(`${owner}: ${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}
