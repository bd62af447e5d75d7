/**
 * TF.js' generic `toSnakeCase` (tfjs-layers `generic_utils`), which Keras' JSON keys follow:
 * `kernelSize` -> `kernel_size`, `batchInputShape` -> `batch_input_shape`, `l2` -> `l2`. Names
 * with a rule of their own are in `keras-exceptions.ts`.
 * @example snakeCase('dilationRate') // 'dilation_rate'
 */
export function snakeCase(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * TF.js' generic `toCamelCase`: each run of underscores is dropped and the next character upper
 * cased (`kernel_size` -> `kernelSize`, `beta_1` -> `beta1`); names without an underscore are
 * returned unchanged.
 * @example camelCase('batch_input_shape') // 'batchInputShape'
 */
export function camelCase(name: string): string {
  if (name.length <= 1 || !name.includes('_')) return name;
  return name.replace(/_+(\w|$)/g, (_match, next: string) => next.toUpperCase());
}
