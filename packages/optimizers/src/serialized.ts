/**
 * A JSON value, as a config holds.
 * @example
 * const config: { [key: string]: ConfigValue } = { initialLearningRate: 0.1, staircase: false, boundaries: [100, 200] };
 */
export type ConfigValue =
  | number
  | string
  | boolean
  | null
  | readonly ConfigValue[]
  | { readonly [key: string]: ConfigValue };

/**
 * An object as it is saved: its Keras class name and its config (camelCase keys).
 * @example
 * const saved: Serialized = { className: 'ExponentialDecay', config: { initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 } };
 */
export type Serialized = {
  className: string;
  config: { readonly [key: string]: ConfigValue };
};

/**
 * Whether a value looks like a {@link Serialized} object (`{ className, config }`).
 * @example isSerialized({ className: 'Adam', config: {} }) // true
 */
export function isSerialized(value: unknown): value is Serialized {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { className?: unknown; config?: unknown };
  return (
    typeof v.className === 'string' && (v.config === undefined || (v.config !== null && typeof v.config === 'object'))
  );
}
