import { ValueError } from '@horn/tensor';
import { Adadelta } from './adadelta.js';
import { Adagrad } from './adagrad.js';
import { Adam } from './adam.js';
import { Adamax } from './adamax.js';
import { AdamW } from './adamw.js';
import { describeValue } from './check-options.js';
import { Nadam } from './nadam.js';
import { Optimizer } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import { isSerialized, type Serialized } from './serialized.js';
import { SGD } from './sgd.js';

/**
 * A string id, an optimizer, or `{ className, config }`.
 * @example
 * getOptimizer('adam').className; // 'Adam'
 * getOptimizer({ className: 'SGD', config: { learningRate: 0.5 } }).getConfig().learningRate; // 0.5
 * getOptimizer(new SGD()).className; // 'SGD': an optimizer passes through
 */
export type OptimizerIdentifier = string | Optimizer | Serialized;

type OptimizerClass = { readonly className: string; fromConfig(config: never): Optimizer };

const OPTIMIZERS: Readonly<Record<string, OptimizerClass>> = {
  sgd: SGD,
  rmsprop: RMSprop,
  adam: Adam,
  adamw: AdamW,
  adagrad: Adagrad,
  adadelta: Adadelta,
  adamax: Adamax,
  nadam: Nadam,
};

/**
 * The string ids `getOptimizer` accepts (case-insensitive).
 * @example
 * optimizerIds; // ['sgd', 'rmsprop', 'adam', 'adamw', 'adagrad', 'adadelta', 'adamax', 'nadam']
 */
export const optimizerIds: readonly string[] = Object.keys(OPTIMIZERS);

function lookup(id: string, what: string): OptimizerClass {
  const key = id.toLowerCase().replaceAll('_', '');
  // Own keys only: 'constructor' or '__proto__' must not reach Object.prototype.
  const cls = Object.hasOwn(OPTIMIZERS, key) ? OPTIMIZERS[key] : undefined;
  if (!cls) {
    throw new ValueError(
      `getOptimizer: unknown optimizer ${what} '${id}'; valid ids: ${optimizerIds.map((k) => `'${k}'`).join(', ')}`,
    );
  }
  return cls;
}

/**
 * Resolves an optimizer: a string id ('adam', 'sgd', 'rmsprop', 'adagrad', 'adadelta', 'adamax',
 * 'nadam', 'adamw'; case-insensitive, so Keras class names work too) gives a new optimizer with
 * Keras defaults; an optimizer passes through; `{ className, config }` is deserialized.
 * @example getOptimizer('Adam').getConfig().learningRate // 0.001
 */
export function getOptimizer(identifier: OptimizerIdentifier): Optimizer {
  if (identifier instanceof Optimizer) return identifier;
  if (typeof identifier === 'string') return lookup(identifier, 'id').fromConfig({} as never);
  if (isSerialized(identifier))
    return lookup(identifier.className, 'class name').fromConfig((identifier.config ?? {}) as never);
  throw new ValueError(
    `getOptimizer: expected a string id, an Optimizer or { className, config }, got ${describeValue(identifier)}; valid ids: ${optimizerIds.map((k) => `'${k}'`).join(', ')}`,
  );
}

/**
 * An optimizer as `{ className, config }` (camelCase config; no state: see `getWeights`).
 * @example serializeOptimizer(new SGD({ momentum: 0.9 })).config.momentum // 0.9
 */
export function serializeOptimizer(optimizer: Optimizer): Serialized {
  if (!(optimizer instanceof Optimizer)) {
    throw new ValueError(`serializeOptimizer: expected an Optimizer, got ${describeValue(optimizer)}`);
  }
  return { className: optimizer.className, config: optimizer.getConfig() };
}
