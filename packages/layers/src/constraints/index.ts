export {
  Constraint,
  MaxNorm,
  type MaxNormConfig,
  MinMaxNorm,
  type MinMaxNormConfig,
  NonNeg,
  UnitNorm,
  type UnitNormConfig,
} from './constraint.js';
export {
  type ConstraintId,
  type ConstraintName,
  constraintClasses,
  getConstraint,
  serializeConstraint,
} from './get-constraint.js';
