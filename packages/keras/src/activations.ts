/**
 * `keras.activations`: the activation functions by name, and `get` / `serialize` for ids.
 * @example keras.activations.relu(tensor([-1, 2])) // [0, 2]
 */
import { activations } from '@horn/layers';

export {
  type ActivationFn,
  type ActivationId,
  activationNames,
  getActivation as get,
  registerActivation as register,
  serializeActivation as serialize,
} from '@horn/layers';

export const {
  relu,
  sigmoid,
  tanh,
  softmax,
  linear,
  elu,
  selu,
  softplus,
  softsign,
  gelu,
  swish,
  hardSigmoid,
  relu6,
  leakyRelu,
} = activations;
