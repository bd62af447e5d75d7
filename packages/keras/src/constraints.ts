/**
 * `keras.constraints`: MaxNorm, MinMaxNorm, NonNeg, UnitNorm, and `get` / `serialize`.
 * @example new keras.layers.Dense({ units: 4, kernelConstraint: new keras.constraints.MaxNorm({ maxValue: 2 }) })
 */
export {
  Constraint,
  getConstraint as get,
  MaxNorm,
  MinMaxNorm,
  NonNeg,
  serializeConstraint as serialize,
  UnitNorm,
} from '@horn/layers';
