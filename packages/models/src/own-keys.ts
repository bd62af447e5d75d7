/**
 * The value of `record`'s own property `key`, or undefined: a name such as `'toString'` or
 * `'constructor'` (an output, a metric, a loss id) never reaches `Object.prototype`.
 * @example ownValue({}, 'toString') // undefined
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Sets `record[key]` as an own, enumerable property, `'__proto__'` included (a plain assignment
 * would change the prototype instead).
 * @example setOwn(logs, '__proto__', 0.5); Object.keys(logs) // ['__proto__']
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
