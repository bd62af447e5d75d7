export {
  type CheckGradientsOptions,
  checkGradients,
  type GradientCheckReport,
  type InputGradientCheck,
} from './check-gradients.js';
export { type CustomGradResult, customGrad, stopGradient } from './custom-grad.js';
export { grad, grads, valueAndGrad, valueAndGrads } from './functional.js';
export type { TapeNode } from './node.js';
export { reduceTo } from './reduce-to.js';
export {
  type GradientSpec,
  getGradient,
  hasGradient,
  type InputGradient,
  NotDifferentiableError,
  registeredGradients,
  registerGradient,
  registerNonDifferentiable,
} from './registry.js';
export { consumeGradients, LEAK_WARNING_STEPS, resetLeakWatch } from './step-scope.js';
export { type GradientOptions, GradientTape, type GradientTapeOptions, type Sources } from './tape.js';
export { Variable, type VariableOptions, variable } from './variable.js';
