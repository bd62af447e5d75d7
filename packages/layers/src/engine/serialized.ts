/**
 * The JSON form of a configurable object (a layer, initializer, regularizer or constraint): its
 * Keras class name and its camelCase config.
 * @example const s: Serialized = { className: 'GlorotUniform', config: { seed: null } };
 */
export interface Serialized {
  className: string;
  config: Record<string, unknown>;
}

/**
 * Whether a value looks like a {@link Serialized} object.
 * @example isSerialized({ className: 'Zeros', config: {} }) // true
 */
export function isSerialized(value: unknown): value is Serialized {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.className === 'string' && (v.config === undefined || (typeof v.config === 'object' && v.config !== null))
  );
}

/**
 * A class that can be rebuilt from its config: it carries its Keras class name and `fromConfig`.
 * @example const cls: SerializableClass = Dense;
 */
export interface SerializableClass {
  readonly className: string;
  fromConfig(config: Record<string, unknown>): unknown;
}
