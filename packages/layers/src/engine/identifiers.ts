import { ValueError } from '@horn/tensor';

/**
 * The form string ids are compared in: no underscores, dashes or spaces, lower case, so
 * `'glorot_uniform'`, `'glorotUniform'` and `'GlorotUniform'` are the same id.
 * @example canonicalId('glorot_uniform') === canonicalId('GlorotUniform') // true
 */
export function canonicalId(id: string): string {
  return id.replace(/[_\s-]/g, '').toLowerCase();
}

/**
 * Looks a string id up in a table keyed by camelCase ids, accepting camelCase, snake_case and
 * class-name spellings; an unknown id throws a ValueError that lists the valid ones.
 * @example lookupId('he_normal', { heNormal: 1 }, 'initializer', 'getInitializer') // 1
 */
export function lookupId<T>(id: string, table: Readonly<Record<string, T>>, what: string, caller: string): T {
  const wanted = canonicalId(id);
  for (const [key, value] of Object.entries(table)) if (canonicalId(key) === wanted) return value;
  throw new ValueError(
    `${caller}: unknown ${what} '${id}'; valid ids are ${Object.keys(table).join(', ')} (camelCase or snake_case)`,
  );
}

/**
 * Reads a string option that takes one of a few camelCase values, also accepting snake_case;
 * returns the camelCase value or throws a ValueError naming the option and the valid values.
 * @example enumOption('channels_last', ['channelsLast', 'channelsFirst'], 'dataFormat', 'Flatten') // 'channelsLast'
 */
export function enumOption<T extends string>(value: unknown, valid: readonly T[], option: string, caller: string): T {
  if (typeof value === 'string') {
    const wanted = canonicalId(value);
    const found = valid.find((v) => canonicalId(v) === wanted);
    if (found) return found;
  }
  throw new ValueError(
    `${caller}: ${option} must be one of ${valid.map((v) => `'${v}'`).join(', ')}, got ${JSON.stringify(value)}`,
  );
}
