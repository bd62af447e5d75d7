import { ValueError } from '../errors.js';

/**
 * Keras' snake_case spelling of an option name in Horn's camelCase, one to one:
 * `kernel_initializer` -> `kernelInitializer`, `beta_1` -> `beta1`, `global_clipnorm` -> `globalClipnorm`.
 * A name without an inner underscore is returned as it is.
 * @example snakeToCamel('kernel_initializer') // 'kernelInitializer'
 */
export function snakeToCamel(key: string): string {
  return key.replace(/(?<=[A-Za-z0-9])_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The option names a class and its ancestors declare: each class's own static `configKeys`, from
 * `cls` up to and including `base`. Null when `cls` declares no `configKeys` of its own (a user's
 * subclass with custom options): then the options cannot be checked, only normalized.
 * @example
 * class Base { static readonly configKeys = ['name']; }
 * class Child extends Base { static override readonly configKeys = ['units']; }
 * configKeysOf(Child, Base); // ['units', 'name']
 */
export function configKeysOf(cls: object, base: object): string[] | null {
  if (!Object.hasOwn(cls, 'configKeys')) return null;
  const keys: string[] = [];
  for (let c: object | null = cls; c !== null; c = Object.getPrototypeOf(c)) {
    if (Object.hasOwn(c, 'configKeys')) {
      const own = (c as { configKeys: unknown }).configKeys;
      if (Array.isArray(own)) for (const k of own) if (typeof k === 'string' && !keys.includes(k)) keys.push(k);
    }
    if (c === base) break;
  }
  return keys;
}

/**
 * Options in Horn's camelCase: each Keras snake_case key is renamed one to one (`use_bias` ->
 * `useBias`, or through `aliases` for Keras names that are one word: `{ clipnorm: 'clipNorm' }`),
 * options whose value is `undefined` are dropped (they count as absent), and giving both spellings
 * of one option is an error. When `allowed` is known, an unknown key is refused with a ValueError
 * that names it, the class, the closest valid option and every valid one. A fresh object is
 * returned; `given` is not changed.
 * @example
 * normalizeOptions('Dense', { units: 2, use_bias: false }, ['units', 'useBias']); // { units: 2, useBias: false }
 * normalizeOptions('Dense', { unit: 2 }, ['units']); // ValueError: Dense: unknown option 'unit' (did you mean 'units'?) ...
 */
export function normalizeOptions(
  owner: string,
  given: object | null | undefined,
  allowed: readonly string[] | null,
  aliases: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  if (given === undefined || given === null) return {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    const what = Array.isArray(given) ? 'an array' : `${typeof given} ${JSON.stringify(given)}`;
    throw new ValueError(
      `${owner}: expected an options object ({ ... }), got ${what}; Keras' positional arguments are options by name here`,
    );
  }
  const out: Record<string, unknown> = {};
  const spelledAs: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const name = Object.hasOwn(aliases, key) ? aliases[key] : snakeToCamel(key);
    if (Object.hasOwn(spelledAs, name)) {
      throw new ValueError(
        `${owner}: option '${name}' is given twice, as '${spelledAs[name]}' and as '${key}'; give one spelling`,
      );
    }
    if (allowed !== null && !allowed.includes(name)) {
      const renamed = name === key ? '' : ` (read as '${name}')`;
      const closest = closestName(name, allowed);
      const hint = closest ? ` (did you mean '${closest}'?)` : '';
      const valid = allowed.length > 0 ? allowed.map((k) => `'${k}'`).join(', ') : 'none';
      throw new ValueError(`${owner}: unknown option '${key}'${renamed}${hint}; valid options are ${valid}`);
    }
    spelledAs[name] = key;
    out[name] = value;
  }
  return out;
}

/** The valid name closest to `name` by edit distance (case-insensitive), or null when none is close. */
function closestName(name: string, valid: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of valid) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
