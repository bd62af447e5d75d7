import type { GradientSpec } from '../registry.js';
import { arithmeticGradients, zeroGradients } from './arithmetic.js';
import { convGradients } from './conv.js';
import { linalgGradients } from './linalg.js';
import { recurrentGradients } from './recurrent.js';
import { reduceGradients } from './reduce.js';
import { shapeGradients } from './shape.js';
import { unaryGradients } from './unary.js';

/** Every gradient Horn ships, registered lazily on the first gradient lookup. */
export function builtinGradients(): GradientSpec[] {
  return [
    ...arithmeticGradients,
    ...zeroGradients,
    ...unaryGradients,
    ...reduceGradients,
    ...shapeGradients,
    ...linalgGradients,
    ...convGradients,
    ...recurrentGradients,
  ];
}

/**
 * Kernels with float inputs and outputs that have no gradient, and why. Kernels whose outputs are
 * int32 or bool (comparisons, ArgMax, IsNan, casts to int) need none: no gradient flows through
 * them, as TensorFlow returns None.
 */
export const builtinNonDifferentiable: Record<string, string> = {
  MaxPoolGrad: 'second derivatives of max pooling are not implemented',
  LSTMCellGrad: 'second derivatives of the fused LSTM cell are not implemented',
};

/** Gradients registered but never reached from an op, so the check table cannot exercise them. */
export const untestedGradients: Record<string, string> = {
  Cast: 'float-to-float casts return their input without running a kernel',
  OneHot: 'its only input is int32 indices, which never receive a gradient',
};

/**
 * Every cpu kernel without a gradient, and why: integer or boolean outputs carry no gradient
 * (as TensorFlow's None).
 */
export const documentedNonDifferentiable: Record<string, string> = {
  ...builtinNonDifferentiable,
  Equal: 'boolean output',
  NotEqual: 'boolean output',
  Greater: 'boolean output',
  GreaterEqual: 'boolean output',
  Less: 'boolean output',
  LessEqual: 'boolean output',
  LogicalAnd: 'boolean output',
  LogicalOr: 'boolean output',
  LogicalNot: 'boolean output',
  IsNan: 'boolean output',
  IsFinite: 'boolean output',
  All: 'boolean output',
  Any: 'boolean output',
  ArgMax: 'int32 indices',
  ArgMin: 'int32 indices',
};
