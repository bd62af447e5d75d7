import { ValueError } from '@horn/tensor';
import { customClass } from '../engine/class-registry.js';
import { lookupId } from '../engine/identifiers.js';
import { isSerialized, type Serialized } from '../engine/serialized.js';
import { L1, L1L2, L2, Regularizer } from './regularizer.js';

/**
 * The built-in regularizer ids (camelCase; snake_case and class names are accepted too).
 * @example
 * const name: RegularizerName = 'l1';
 * getRegularizer(name).apply(tensor([1, -2])).arraySync(); // 0.03: 0.01 * (1 + 2)
 */
export type RegularizerName = 'l1' | 'l2' | 'l1l2';

/**
 * What `getRegularizer` resolves: an id, an instance, or a `{ className, config }` object.
 * @example
 * new Dense({ units: 3, kernelRegularizer: 'l2' }); // a name (factor 0.01)
 * new Dense({ units: 3, kernelRegularizer: new L1L2({ l1: 0.01, l2: 0.001 }) }); // a Regularizer
 * new Dense({ units: 3, kernelRegularizer: { className: 'L2', config: { l2: 0.1 } } }); // a saved one
 */
export type RegularizerId = RegularizerName | 'l1_l2' | (string & {}) | Regularizer | Serialized;

type RegularizerClass = (new (
  config?: never,
) => Regularizer) & {
  readonly className: string;
  fromConfig(config: Record<string, unknown>): unknown;
};

const builtins: Record<RegularizerName, RegularizerClass> = { l1: L1, l2: L2, l1l2: L1L2 };

/**
 * Every built-in regularizer class, for the serialization registry.
 * @example regularizerClasses().map((c) => c.className) // ['L1', 'L2', 'L1L2']
 */
export function regularizerClasses(): RegularizerClass[] {
  return Object.values(builtins);
}

/**
 * Resolves a regularizer from an id (`'l2'`, `'l1_l2'`, `'L1L2'`), an instance (returned as is) or a
 * `{ className, config }` object. An unknown id throws a ValueError listing the valid ones.
 * @example getRegularizer('l2').apply(tensor([1, 2, 3])).arraySync() // 0.14
 */
export function getRegularizer(id: RegularizerId): Regularizer {
  if (id instanceof Regularizer) return id;
  if (typeof id === 'string') return new (lookupId(id, builtins, 'regularizer', 'getRegularizer'))();
  if (isSerialized(id)) {
    const cls = customClass(id.className) ?? lookupId(id.className, builtins, 'regularizer', 'getRegularizer');
    const made = cls.fromConfig(id.config ?? {});
    if (!(made instanceof Regularizer))
      throw new ValueError(`getRegularizer: class '${id.className}' is not a Regularizer`);
    return made;
  }
  throw new ValueError(
    `getRegularizer: expected an id string, a Regularizer or a { className, config } object, got ${JSON.stringify(id)}`,
  );
}

/**
 * The `{ className, config }` form of a regularizer.
 * @example serializeRegularizer(new L2({ l2: 0.1 })) // { className: 'L2', config: { l2: 0.1 } }
 */
export function serializeRegularizer(r: Regularizer): Serialized {
  return { className: r.className, config: r.getConfig() };
}
