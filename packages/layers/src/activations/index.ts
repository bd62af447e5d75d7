export {
  type ActivationFn,
  type ActivationId,
  type ActivationName,
  activationNames,
  activations,
  getActivation,
  registerActivation,
  serializeActivation,
} from './activations.js';
