import { ValueError } from '@horn/tensor';

/**
 * Checks that an option is a finite number within `[min, max]` (or `[min, max)` with
 * `maxExclusive`), and returns it. The message names the class, the option and the value.
 * @example checkNumber('Adam', 'beta1', 0.9, { min: 0, max: 1, maxExclusive: true }) // 0.9
 */
export function checkNumber(
  owner: string,
  option: string,
  value: unknown,
  range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean } = {},
): number {
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false } = range;
  const below = minExclusive ? (value as number) <= min : (value as number) < min;
  const above = maxExclusive ? (value as number) >= max : (value as number) > max;
  if (typeof value !== 'number' || !Number.isFinite(value) || below || above) {
    const lo = min === -Infinity ? '(-inf' : `${minExclusive ? '(' : '['}${min}`;
    const hi = max === Infinity ? 'inf)' : `${max}${maxExclusive ? ')' : ']'}`;
    throw new ValueError(`${owner}: ${option} must be a number in ${lo}, ${hi}, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Checks that an option is a boolean, and returns it.
 * @example checkBoolean('SGD', 'nesterov', true) // true
 */
export function checkBoolean(owner: string, option: string, value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw new ValueError(`${owner}: ${option} must be a boolean, got ${describeValue(value)}`);
  return value;
}

/**
 * A short description of any value for an error message.
 * @example describeValue('x') // "'x'"
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  return value.constructor?.name && value.constructor.name !== 'Object' ? `a ${value.constructor.name}` : 'an object';
}
