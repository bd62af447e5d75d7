import type { Constraint } from '../constraints/constraint.js';
import { type ConstraintId, getConstraint, serializeConstraint } from '../constraints/get-constraint.js';
import { getInitializer, type InitializerId, serializeInitializer } from '../initializers/get-initializer.js';
import type { Initializer } from '../initializers/initializer.js';
import { getRegularizer, type RegularizerId, serializeRegularizer } from '../regularizers/get-regularizer.js';
import type { Regularizer } from '../regularizers/regularizer.js';

/** A weight's initializer, regularizer and constraint, resolved from their ids at construction. */
export interface WeightSpec {
  initializer: Initializer;
  regularizer: Regularizer | null;
  constraint: Constraint | null;
}

/**
 * Resolves the options of one weight (unknown ids throw at construction, listing the valid ones).
 * @example weightSpec(config.kernelInitializer, 'glorotUniform', config.kernelRegularizer, config.kernelConstraint)
 */
export function weightSpec(
  initializer: InitializerId | null | undefined,
  fallback: InitializerId,
  regularizer: RegularizerId | null | undefined,
  constraint: ConstraintId | null | undefined,
): WeightSpec {
  return {
    initializer: getInitializer(initializer ?? fallback),
    regularizer: regularizer ? getRegularizer(regularizer) : null,
    constraint: constraint ? getConstraint(constraint) : null,
  };
}

/**
 * The config entries of one weight, named as Keras names them (`kernelInitializer`,
 * `kernelRegularizer`, `kernelConstraint` for prefix 'kernel').
 * @example serializeWeightSpec('bias', spec) // { biasInitializer: { className: 'Zeros', config: {} }, ... }
 */
export function serializeWeightSpec(prefix: string, spec: WeightSpec): Record<string, unknown> {
  return {
    [`${prefix}Initializer`]: serializeInitializer(spec.initializer),
    [`${prefix}Regularizer`]: spec.regularizer ? serializeRegularizer(spec.regularizer) : null,
    [`${prefix}Constraint`]: spec.constraint ? serializeConstraint(spec.constraint) : null,
  };
}
