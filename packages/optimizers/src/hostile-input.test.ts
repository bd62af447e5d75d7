import { describe, expect, test } from 'vitest';
import { deserializeSchedule, getOptimizer } from './index.js';

// Names that Object.prototype holds must be unknown ids, not reach its properties (issue 14).
const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('lookups by name use own keys only', () => {
  test.each(PROTOTYPE_NAMES)("getOptimizer('%s') and { className: '%s' } are unknown optimizers", (name) => {
    expect(() => getOptimizer(name)).toThrow(
      new RegExp(`getOptimizer: unknown optimizer id '${name}'; valid ids: 'sgd', 'rmsprop', 'adam'`),
    );
    expect(() => getOptimizer({ className: name, config: {} })).toThrow(
      new RegExp(`getOptimizer: unknown optimizer class name '${name}'; valid ids: 'sgd'`),
    );
  });

  test.each(PROTOTYPE_NAMES)("deserializeSchedule({ className: '%s' }) is an unknown schedule", (name) => {
    expect(() => deserializeSchedule({ className: name, config: {} })).toThrow(
      new RegExp(`deserializeSchedule: unknown schedule '${name}'; valid class names: 'ExponentialDecay'`),
    );
  });
});
