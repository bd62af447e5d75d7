import {
  add,
  div,
  elu,
  exp,
  gelu,
  leakyRelu,
  logSoftmax,
  mul,
  relu,
  relu6,
  selu,
  sigmoid,
  softmax,
  softplus,
  softsign,
  swish,
  type Tensor,
  tanh,
  ValueError,
} from '@horn/tensor';
import { canonicalId, lookupId } from '../engine/identifiers.js';

/**
 * An activation function: one tensor in, one tensor out.
 * @example
 * const square: ActivationFn = (x) => x.square();
 * registerActivation('square', square);
 * new Dense({ units: 2, activation: 'square' });
 */
export type ActivationFn = (x: Tensor) => Tensor;

/**
 * The built-in activation ids (camelCase; snake_case is accepted too).
 * @example
 * const name: ActivationName = 'gelu';
 * activations[name](tensor([0])).arraySync(); // [0]
 */
export type ActivationName =
  | 'relu'
  | 'sigmoid'
  | 'tanh'
  | 'softmax'
  | 'linear'
  | 'elu'
  | 'selu'
  | 'softplus'
  | 'softsign'
  | 'gelu'
  | 'swish'
  | 'silu'
  | 'hardSigmoid'
  | 'legacyHardSigmoid'
  | 'hardSwish'
  | 'relu6'
  | 'leakyRelu'
  | 'exponential'
  | 'logSoftmax'
  | 'mish';

/**
 * What `getActivation` resolves: an id, or a function (returned as is).
 * @example
 * new Dense({ units: 2, activation: 'relu' }); // a name
 * new Dense({ units: 2, activation: 'leaky_relu' }); // Keras' snake_case
 * new Dense({ units: 2, activation: (x) => x.clip(0, 6) }); // a function
 */
export type ActivationId = ActivationName | 'hard_sigmoid' | 'leaky_relu' | (string & {}) | ActivationFn;

const builtins: Record<ActivationName, ActivationFn> = {
  relu: (x) => relu(x),
  sigmoid: (x) => sigmoid(x),
  tanh: (x) => tanh(x),
  softmax: (x) => softmax(x, -1),
  linear: (x) => x,
  elu: (x) => elu(x, 1),
  selu: (x) => selu(x),
  softplus: (x) => softplus(x),
  softsign: (x) => softsign(x),
  // Keras 3's default is the exact (erf) form.
  gelu: (x) => gelu(x, false),
  swish: (x) => swish(x),
  silu: (x) => swish(x),
  // Keras 3: relu6(x + 3) / 6 (Keras 2 and TF.js used 0.2x + 0.5).
  hardSigmoid: (x) => div(relu6(add(x, 3)), 6),
  // Keras 2's and TF.js' hard_sigmoid, clip(0.2x + 0.5, 0, 1) = relu6(1.2x + 3) / 6: what a
  // 'hard_sigmoid' in a file written by TF.js or Keras 2 loads as (TF.js' LSTM / GRU default gate).
  // Horn saves it as 'legacy_hard_sigmoid', which Horn reads back and TF.js does not know.
  legacyHardSigmoid: (x) => div(relu6(add(mul(x, 1.2), 3)), 6),
  hardSwish: (x) => mul(x, div(relu6(add(x, 3)), 6)),
  relu6: (x) => relu6(x),
  // Keras 3's activations.leaky_relu default negative_slope is 0.2.
  leakyRelu: (x) => leakyRelu(x, 0.2),
  exponential: (x) => exp(x),
  logSoftmax: (x) => logSoftmax(x, -1),
  mish: (x) => mul(x, tanh(softplus(x))),
};

/**
 * The built-in activations as functions, by camelCase id (Keras' `keras.activations`).
 * @example activations.relu(tensor([-1, 2])).arraySync() // [0, 2]
 */
export const activations: Readonly<Record<ActivationName, ActivationFn>> = Object.freeze({ ...builtins });

const custom = new Map<string, ActivationFn>();

/**
 * Resolves an activation: an id in camelCase or snake_case (`'hardSigmoid'`, `'hard_sigmoid'`),
 * a function (returned as is), or `undefined`/`null` (linear). Unknown ids throw a ValueError
 * listing the valid ones.
 * @example getActivation('relu')(tensor([-1, 2])).arraySync() // [0, 2]
 */
export function getActivation(id: ActivationId | null | undefined): ActivationFn {
  if (id === undefined || id === null) return builtins.linear;
  if (typeof id === 'function') return id;
  if (typeof id === 'string') {
    const registered = [...custom].find(([name]) => canonicalId(name) === canonicalId(id));
    if (registered) return registered[1];
    return lookupId(id, builtins, 'activation', 'getActivation');
  }
  throw new ValueError(`getActivation: expected an id string or a function, got ${JSON.stringify(id)}`);
}

/**
 * The id of an activation (what a layer's `getConfig` stores): the camelCase id of a built-in or a
 * registered function; other functions throw a ValueError asking to register them.
 * @example serializeActivation(getActivation('relu')) // 'relu'
 */
export function serializeActivation(fn: ActivationId | null | undefined): string {
  if (fn === undefined || fn === null) return 'linear';
  if (typeof fn === 'string') {
    getActivation(fn);
    for (const name of [...Object.keys(builtins), ...custom.keys()])
      if (canonicalId(name) === canonicalId(fn)) return name;
    return fn;
  }
  for (const [name, f] of Object.entries(builtins)) if (f === fn) return name;
  for (const [name, f] of custom) if (f === fn) return name;
  throw new ValueError(
    `serializeActivation: the function '${fn.name || 'anonymous'}' is not a known activation; register it with registerActivation(name, fn) to save it`,
  );
}

/**
 * Registers a custom activation under a name, so layers using it can be serialized and rebuilt.
 * @example registerActivation('square', (x) => x.square()); new Dense({ units: 2, activation: 'square' })
 */
export function registerActivation(name: string, fn: ActivationFn): void {
  if (typeof name !== 'string' || name === '')
    throw new ValueError('registerActivation: name must be a non-empty string');
  if (typeof fn !== 'function')
    throw new ValueError(`registerActivation: '${name}' needs a function, got ${typeof fn}`);
  custom.set(name, fn);
}

/**
 * The built-in activation ids.
 * @example activationNames().includes('gelu') // true
 */
export function activationNames(): ActivationName[] {
  return Object.keys(builtins) as ActivationName[];
}

/**
 * Which activation a fused kernel can apply in place of `fn`: `'relu'` or `'linear'` for those
 * built-ins, null for anything else (layers then run the activation as its own op).
 * @example fusedActivationOf(getActivation('relu')) // 'relu'
 */
export function fusedActivationOf(fn: ActivationFn): 'relu' | 'linear' | null {
  if (fn === builtins.relu) return 'relu';
  if (fn === builtins.linear) return 'linear';
  return null;
}
