import { ValueError } from '@horn/tensor';
import type { Constraint } from '../constraints/constraint.js';
import { type ConstraintId, getConstraint, serializeConstraint } from '../constraints/get-constraint.js';
import { getInitializer, type InitializerId, serializeInitializer } from '../initializers/get-initializer.js';
import type { Initializer } from '../initializers/initializer.js';
import { getRegularizer, type RegularizerId, serializeRegularizer } from '../regularizers/get-regularizer.js';
import type { Regularizer } from '../regularizers/regularizer.js';

/** How one weight of a recurrent layer is made and kept: initializer, regularizer, constraint. */
export interface WeightOptions {
  readonly initializer: Initializer;
  readonly regularizer: Regularizer | null;
  readonly constraint: Constraint | null;
}

/**
 * Resolves a weight's initializer (with its default), regularizer and constraint options.
 * @example weightOptions(undefined, 'l2', null, 'orthogonal').initializer.className // 'Orthogonal'
 */
export function weightOptions(
  initializer: InitializerId | undefined,
  regularizer: RegularizerId | null | undefined,
  constraint: ConstraintId | null | undefined,
  fallback: InitializerId,
): WeightOptions {
  return {
    initializer: getInitializer(initializer ?? fallback),
    regularizer: regularizer ? getRegularizer(regularizer) : null,
    constraint: constraint ? getConstraint(constraint) : null,
  };
}

/**
 * The config entries of a weight: `${prefix}Initializer`, `${prefix}Regularizer`, `${prefix}Constraint`.
 * @example serializeWeightOptions('kernel', options) // { kernelInitializer: {...}, kernelRegularizer: null, ... }
 */
export function serializeWeightOptions(prefix: string, options: WeightOptions): Record<string, unknown> {
  return {
    [`${prefix}Initializer`]: serializeInitializer(options.initializer),
    [`${prefix}Regularizer`]: options.regularizer ? serializeRegularizer(options.regularizer) : null,
    [`${prefix}Constraint`]: options.constraint ? serializeConstraint(options.constraint) : null,
  };
}

/**
 * An optional fraction in [0, 1] (a dropout rate), default 0, or a ValueError naming the option.
 * @example fractionOption(undefined, 'dropout', 'LSTM') // 0
 */
export function fractionOption(value: unknown, option: string, owner: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new ValueError(`${owner}: ${option} must be a number in [0, 1], got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Keras' `implementation` of LSTM and GRU (1: many small products, 2: fewer large ones): a
 * computation choice with the same numbers, which TF.js writes in configs. 1 or 2 is accepted
 * (and changes nothing here); another value is a ValueError.
 * @example checkImplementation(2, "LSTM 'lstm'") // no error
 */
export function checkImplementation(value: unknown, owner: string): void {
  if (value === undefined || value === null || value === 1 || value === 2) return;
  throw new ValueError(
    `${owner}: implementation must be 1 or 2 (both give the same numbers), got ${JSON.stringify(value)}`,
  );
}
