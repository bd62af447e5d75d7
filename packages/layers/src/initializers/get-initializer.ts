import { ValueError } from '@horn/tensor';
import { customClass } from '../engine/class-registry.js';
import { lookupId } from '../engine/identifiers.js';
import { isSerialized, type Serialized } from '../engine/serialized.js';
import { Constant, Identity, Ones, Zeros } from './constant-initializers.js';
import { Initializer } from './initializer.js';
import { Orthogonal } from './orthogonal.js';
import { RandomNormal, RandomUniform, TruncatedNormal } from './random-initializers.js';
import {
  GlorotNormal,
  GlorotUniform,
  HeNormal,
  HeUniform,
  LecunNormal,
  LecunUniform,
  VarianceScaling,
} from './variance-scaling.js';

/**
 * The built-in initializer ids (camelCase; snake_case and class names are accepted too).
 * @example
 * const name: InitializerName = 'ones';
 * getInitializer(name).apply([2]).arraySync(); // [1, 1]
 */
export type InitializerName =
  | 'zeros'
  | 'ones'
  | 'constant'
  | 'randomNormal'
  | 'randomUniform'
  | 'truncatedNormal'
  | 'glorotUniform'
  | 'glorotNormal'
  | 'heNormal'
  | 'heUniform'
  | 'lecunNormal'
  | 'lecunUniform'
  | 'orthogonal'
  | 'identity'
  | 'varianceScaling';

/**
 * What `getInitializer` resolves: an id, an instance, or a `{ className, config }` object.
 * @example
 * new Dense({ units: 2, kernelInitializer: 'heNormal' }); // a name
 * new Dense({ units: 2, kernelInitializer: 'he_normal' }); // Keras' snake_case
 * new Dense({ units: 2, kernelInitializer: new HeNormal({ seed: 1 }) }); // an Initializer
 * new Dense({ units: 2, kernelInitializer: { className: 'Constant', config: { value: 0.5 } } }); // a saved one
 */
export type InitializerId = InitializerName | (string & {}) | Initializer | Serialized;

type InitializerClass = (new (
  config?: never,
) => Initializer) & {
  readonly className: string;
  fromConfig(config: Record<string, unknown>): unknown;
};

const builtins: Record<InitializerName, InitializerClass> = {
  zeros: Zeros,
  ones: Ones,
  constant: Constant,
  randomNormal: RandomNormal,
  randomUniform: RandomUniform,
  truncatedNormal: TruncatedNormal,
  glorotUniform: GlorotUniform,
  glorotNormal: GlorotNormal,
  heNormal: HeNormal,
  heUniform: HeUniform,
  lecunNormal: LecunNormal,
  lecunUniform: LecunUniform,
  orthogonal: Orthogonal,
  identity: Identity,
  varianceScaling: VarianceScaling,
};

/**
 * Every built-in initializer class, for the serialization registry.
 * @example initializerClasses().map((c) => c.className) // ['Zeros', 'Ones', ...]
 */
export function initializerClasses(): InitializerClass[] {
  return Object.values(builtins);
}

/**
 * Resolves an initializer from an id (`'glorotUniform'`, `'glorot_uniform'`, `'GlorotUniform'`),
 * an instance (returned as is) or a `{ className, config }` object (built-in or registered with
 * `registerClass`). An unknown id throws a ValueError listing the valid ones.
 * @example getInitializer('he_normal').apply([4, 4])
 */
export function getInitializer(id: InitializerId): Initializer {
  if (id instanceof Initializer) return id;
  if (typeof id === 'string') return new (lookupId(id, builtins, 'initializer', 'getInitializer'))();
  if (isSerialized(id)) {
    const custom = customClass(id.className);
    const cls = custom ?? lookupId(id.className, builtins, 'initializer', 'getInitializer');
    const made = cls.fromConfig(id.config ?? {});
    if (!(made instanceof Initializer)) {
      throw new ValueError(`getInitializer: class '${id.className}' is not an Initializer`);
    }
    return made;
  }
  throw new ValueError(
    `getInitializer: expected an id string, an Initializer or a { className, config } object, got ${JSON.stringify(id)}`,
  );
}

/**
 * The `{ className, config }` form of an initializer, which `getInitializer` turns back into one.
 * @example serializeInitializer(new HeNormal({ seed: 1 })) // { className: 'HeNormal', config: { seed: 1 } }
 */
export function serializeInitializer(init: Initializer): Serialized {
  return { className: init.className, config: init.getConfig() };
}
