import { ValueError } from '@horn/tensor';

/**
 * A required positive integer option (filters, depthMultiplier, ...), or a ValueError naming the
 * layer, the option and the value given.
 * @example positiveInteger(32, 'filters', "Conv2D 'conv2d'") // 32
 */
export function positiveInteger(value: unknown, option: string, label: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ValueError(`${label}: ${option} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * An optional boolean option with its default, or a ValueError naming the layer and option.
 * @example booleanOption(undefined, true, 'useBias', "Conv2D 'conv2d'") // true
 */
export function booleanOption(value: unknown, fallback: boolean, option: string, label: string): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    throw new ValueError(`${label}: ${option} must be a boolean, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * An optional finite number option with its default, or a ValueError naming the layer and option.
 * @example finiteNumber(undefined, 0, 'offset', "Rescaling 'rescaling'") // 0
 */
export function finiteNumber(value: unknown, fallback: number, option: string, label: string): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${label}: ${option} must be a finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * An optional seed: a finite number, or undefined/null for the global stream (setSeed).
 * @example seedOption(42, "RandomFlip 'random_flip'") // 42
 */
export function seedOption(value: unknown, label: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${label}: seed must be a finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}
