const counters = new Map<string, number>();

/**
 * Keras' `to_snake_case` for class names: `Dense` -> `dense`, `BatchNormalization` ->
 * `batch_normalization`, `Conv2D` -> `conv2d`, `LeakyReLU` -> `leaky_re_lu`.
 * @example toSnakeCase('MaxPooling2D') // 'max_pooling2d'
 */
export function toSnakeCase(name: string): string {
  return name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * A name unique per prefix, as Keras numbers layers: `dense`, `dense_1`, `dense_2`, ...
 * @example uniqueLayerName('dense') // 'dense' the first time, then 'dense_1'
 */
export function uniqueLayerName(prefix: string): string {
  const n = counters.get(prefix) ?? 0;
  counters.set(prefix, n + 1);
  return n === 0 ? prefix : `${prefix}_${n}`;
}

/**
 * Restarts the automatic layer names (`dense`, `dense_1`, ...), as Keras' `clear_session()` does.
 * @example resetLayerNames(); new Dense({ units: 1 }).name // 'dense'
 */
export function resetLayerNames(): void {
  counters.clear();
}
