/**
 * `keras.activations`: the activation functions by name, and `get` / `serialize` for ids.
 * @example keras.activations.relu(tensor([-1, 2])) // [0, 2]
 */
import { type ActivationFn, activations } from '@horn/layers';

export {
  type ActivationFn,
  type ActivationId,
  activationNames,
  getActivation as get,
  registerActivation as register,
  serializeActivation as serialize,
} from '@horn/layers';

// One const per name (not a destructuring) so that each carries its own TSDoc.
/**
 * `max(x, 0)`, elementwise.
 * @example keras.activations.relu(tensor([-1, 2])) // [0, 2]
 */
export const relu: ActivationFn = activations.relu;
/**
 * `1 / (1 + exp(-x))`, elementwise.
 * @example keras.activations.sigmoid(tensor([0])) // [0.5]
 */
export const sigmoid: ActivationFn = activations.sigmoid;
/**
 * The hyperbolic tangent, elementwise.
 * @example keras.activations.tanh(tensor([0])) // [0]
 */
export const tanh: ActivationFn = activations.tanh;
/**
 * `exp(x) / sum(exp(x))` over the last axis.
 * @example keras.activations.softmax(tensor([[1, 2, 3]])) // [[0.090, 0.245, 0.665]]
 */
export const softmax: ActivationFn = activations.softmax;
/**
 * The identity: returns its input.
 * @example keras.activations.linear(tensor([-1, 2])) // [-1, 2]
 */
export const linear: ActivationFn = activations.linear;
/**
 * `x` for `x > 0`, `exp(x) - 1` otherwise (alpha 1).
 * @example keras.activations.elu(tensor([-1, 2])) // [-0.632, 2]
 */
export const elu: ActivationFn = activations.elu;
/**
 * Scaled ELU with Keras's constants (scale 1.0507, alpha 1.6733).
 * @example keras.activations.selu(tensor([0, 1])) // [0, 1.0507]
 */
export const selu: ActivationFn = activations.selu;
/**
 * `log(1 + exp(x))`, elementwise.
 * @example keras.activations.softplus(tensor([0])) // [0.693]
 */
export const softplus: ActivationFn = activations.softplus;
/**
 * `x / (1 + |x|)`, elementwise.
 * @example keras.activations.softsign(tensor([1])) // [0.5]
 */
export const softsign: ActivationFn = activations.softsign;
/**
 * The Gaussian error linear unit, `x · Φ(x)`.
 * @example keras.activations.gelu(tensor([0, 1]))
 */
export const gelu: ActivationFn = activations.gelu;
/**
 * `x · sigmoid(x)` (also called SiLU).
 * @example keras.activations.swish(tensor([0])) // [0]
 */
export const swish: ActivationFn = activations.swish;
/**
 * A piecewise-linear sigmoid (Keras 3: `relu6(x + 3) / 6`).
 * @example keras.activations.hardSigmoid(tensor([0])) // [0.5]
 */
export const hardSigmoid: ActivationFn = activations.hardSigmoid;
/**
 * `min(max(x, 0), 6)`, elementwise.
 * @example keras.activations.relu6(tensor([-1, 8])) // [0, 6]
 */
export const relu6: ActivationFn = activations.relu6;
/**
 * `x` for `x > 0`, `0.2 · x` otherwise (Keras 3's default slope).
 * @example keras.activations.leakyRelu(tensor([-1, 2])) // [-0.2, 2]
 */
export const leakyRelu: ActivationFn = activations.leakyRelu;
