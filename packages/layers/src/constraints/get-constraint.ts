import { ValueError } from '@horn/tensor';
import { customClass } from '../engine/class-registry.js';
import { lookupId } from '../engine/identifiers.js';
import { isSerialized, type Serialized } from '../engine/serialized.js';
import { Constraint, MaxNorm, MinMaxNorm, NonNeg, UnitNorm } from './constraint.js';

/**
 * The built-in constraint ids (camelCase; snake_case and class names are accepted too).
 * @example
 * const name: ConstraintName = 'unitNorm';
 * getConstraint(name).apply(tensor([[3], [4]])).arraySync(); // [[0.6], [0.8]]
 */
export type ConstraintName = 'maxNorm' | 'nonNeg' | 'unitNorm' | 'minMaxNorm';

/**
 * What `getConstraint` resolves: an id, an instance, or a `{ className, config }` object.
 * @example
 * new Dense({ units: 3, kernelConstraint: 'nonNeg' }); // a name
 * new Dense({ units: 3, kernelConstraint: new MaxNorm({ maxValue: 2 }) }); // a Constraint
 * new Dense({ units: 3, kernelConstraint: { className: 'MaxNorm', config: { maxValue: 2 } } }); // a saved one
 */
export type ConstraintId = ConstraintName | (string & {}) | Constraint | Serialized;

type ConstraintClass = (new (
  config?: never,
) => Constraint) & {
  readonly className: string;
  fromConfig(config: Record<string, unknown>): unknown;
};

const builtins: Record<ConstraintName, ConstraintClass> = {
  maxNorm: MaxNorm,
  nonNeg: NonNeg,
  unitNorm: UnitNorm,
  minMaxNorm: MinMaxNorm,
};

/**
 * Every built-in constraint class, for the serialization registry.
 * @example constraintClasses().map((c) => c.className) // ['MaxNorm', 'NonNeg', 'UnitNorm', 'MinMaxNorm']
 */
export function constraintClasses(): ConstraintClass[] {
  return Object.values(builtins);
}

/**
 * Resolves a constraint from an id (`'maxNorm'`, `'max_norm'`, `'MaxNorm'`), an instance (returned
 * as is) or a `{ className, config }` object. An unknown id throws a ValueError listing the valid ones.
 * @example getConstraint('non_neg').apply(tensor([-1, 1])).arraySync() // [0, 1]
 */
export function getConstraint(id: ConstraintId): Constraint {
  if (id instanceof Constraint) return id;
  if (typeof id === 'string') return new (lookupId(id, builtins, 'constraint', 'getConstraint'))();
  if (isSerialized(id)) {
    const cls = customClass(id.className) ?? lookupId(id.className, builtins, 'constraint', 'getConstraint');
    const made = cls.fromConfig(id.config ?? {});
    if (!(made instanceof Constraint))
      throw new ValueError(`getConstraint: class '${id.className}' is not a Constraint`);
    return made;
  }
  throw new ValueError(
    `getConstraint: expected an id string, a Constraint or a { className, config } object, got ${JSON.stringify(id)}`,
  );
}

/**
 * The `{ className, config }` form of a constraint.
 * @example serializeConstraint(new MaxNorm()) // { className: 'MaxNorm', config: { maxValue: 2, axis: 0 } }
 */
export function serializeConstraint(c: Constraint): Serialized {
  return { className: c.className, config: c.getConfig() };
}
