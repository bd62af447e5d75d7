/**
 * A value as it was given, for "got …" in error messages: numbers as JavaScript prints them
 * (`NaN`, `Infinity`, `-0`), strings quoted (`'2'`, so `['2']` is not mistaken for `[2]`),
 * `10n`, `undefined`, `null`, arrays and plain objects element by element (NaN stays NaN, where
 * `JSON.stringify` prints null), class instances and functions by kind. Long output is cut at
 * `maxLength` characters; nesting deeper than 4 levels prints `…`.
 * @example formatValue([NaN, '2', Infinity]) // "[NaN, '2', Infinity]"
 */
export function formatValue(value: unknown, maxLength = 120): string {
  const text = format(value, 0);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function format(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return `'${value}'`;
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'function':
      return value.name ? `a function '${value.name}'` : 'a function';
    case 'symbol':
      return value.toString();
    case 'undefined':
    case 'boolean':
      return String(value);
  }
  if (value === null) return 'null';
  if (depth >= 4) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, 20).map((v) => format(v, depth + 1));
    return `[${items.join(', ')}${value.length > 20 ? `, … (${value.length} items)` : ''}]`;
  }
  if (ArrayBuffer.isView(value))
    return `a ${value.constructor.name} of ${(value as { length?: number }).length ?? value.byteLength}`;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as object).constructor?.name;
    return name ? `a ${name}` : 'an object';
  }
  const entries = Object.entries(value as object).slice(0, 20);
  return `{ ${entries.map(([k, v]) => `${k}: ${format(v, depth + 1)}`).join(', ')} }`.replace('{  }', '{}');
}
