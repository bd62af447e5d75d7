import { describe, expect, test } from 'vitest';
import { Dense, deserializeLayer, getActivation, getConstraint, getInitializer, getRegularizer } from './index.js';

// Hostile and careless inputs to layers and their registries (issue 14).
const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('lookups by name use own keys only', () => {
  test.each(PROTOTYPE_NAMES)(
    "'%s' is an unknown activation, initializer, regularizer, constraint and layer",
    (name) => {
      expect(() => getActivation(name as never)).toThrow(new RegExp(`unknown activation '${name}'`));
      expect(() => getInitializer(name as never)).toThrow(new RegExp(`unknown initializer '${name}'`));
      expect(() => getRegularizer(name as never)).toThrow(new RegExp(`unknown regularizer '${name}'`));
      expect(() => getConstraint(name as never)).toThrow(new RegExp(`unknown constraint '${name}'`));
      expect(() => deserializeLayer({ className: name, config: {} } as never)).toThrow(new RegExp(`'${name}'`));
      expect(() => new Dense({ units: 2, activation: name as never })).toThrow(
        new RegExp(`unknown activation '${name}'`),
      );
    },
  );
});

describe('errors print the value as given', () => {
  test.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    ['2', "'2'"],
    [2.5, '2.5'],
  ])('Dense({ units: %s })', (units, shown) => {
    expect(() => new Dense({ units: units as never })).toThrow(`Dense: units must be a positive integer, got ${shown}`);
  });
});
