import { ValueError } from '@horn/tensor';
import { camelCase, snakeCase } from './keras-case.js';
import {
  CLASS_RENAMES,
  DROPPED_KERAS_KEYS,
  enumValues,
  KEY_RENAMES,
  NAME_KEYS,
  NAME_LIST_KEYS,
  REGULARIZER_REWRITES,
  VALUE_RENAMES,
} from './keras-exceptions.js';

/**
 * A JSON value, as model.json holds.
 * @example
 * const value: JsonValue = fromKerasConfig({ class_name: 'Dense', config: { units: 2, use_bias: true } });
 * // { className: 'Dense', config: { units: 2, useBias: true } }
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON object.
 * @example
 * const config = toKerasConfig({ className: 'Dense', config: { units: 2, useBias: true } }) as JsonObject;
 * config.class_name; // 'Dense'
 */
export type JsonObject = { [key: string]: JsonValue };

/**
 * What a conversion converts: a layer/model config (default) or an optimizer config.
 * @example
 * toKerasConfig({ className: 'Adam', config: { beta1: 0.9, clipNorm: 1 } }, { kind: 'optimizer' });
 * // { class_name: 'Adam', config: { beta_1: 0.9, clipnorm: 1 } }
 * fromKerasConfig({ beta_1: 0.9, clipnorm: 1 }, { kind: 'optimizer' }); // { beta1: 0.9, clipNorm: 1 }
 */
export interface ConvertOptions {
  /** `'optimizer'` applies the optimizer key renames (beta1 <-> beta_1, clipNorm <-> clipnorm, ...). */
  kind?: 'config' | 'optimizer';
}

interface Context {
  /** Key renames that apply to this object's own keys. */
  keys: Map<string, string>;
  /** Strings stay as they are (names). */
  verbatim: boolean;
  /** The class whose config this is (model.json spelling), for value renames. */
  scope: string | null;
  path: string;
}

let enumTables: { toKeras: Map<string, string>; toHorn: Map<string, string> } | null = null;

function enums() {
  if (!enumTables) {
    const values = enumValues();
    enumTables = {
      toKeras: new Map(values.map((v) => [v, snakeCase(v)])),
      toHorn: new Map(values.map((v) => [snakeCase(v), v])),
    };
  }
  return enumTables;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function keyRenames(scope: string, kind: ConvertOptions['kind'], direction: 'toKeras' | 'toHorn'): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of KEY_RENAMES) {
    if (r.scope !== scope && !(kind === 'optimizer' && r.scope === 'optimizer')) continue;
    if (direction === 'toKeras' && !r.readOnly) map.set(r.horn, r.keras);
    if (direction === 'toHorn') {
      // TF.js writes optimizer configs in camelCase, so the camelCase spelling is read too.
      map.set(r.keras, r.horn);
      map.set(camelCase(r.keras), r.horn);
    }
  }
  return map;
}

const plain = (path: string, verbatim = false): Context => ({ keys: new Map(), verbatim, scope: null, path });

/**
 * Horn's camelCase JSON (a model config, `{ className, config }` objects, an optimizer config) as
 * model.json spells it for TF.js 4.x and Keras: snake_case keys, `class_name`, snake_case enum values
 * (`'channels_last'`, `'leaky_relu'`), and the renames of `keras-exceptions.ts`. Names (`name`, the
 * layer names in `inbound_nodes`, `input_layers`, `output_layers`) are kept as they are.
 * @example toKerasConfig({ className: 'Dense', config: { units: 2, useBias: true } })
 * // { class_name: 'Dense', config: { units: 2, use_bias: true } }
 */
export function toKerasConfig(value: unknown, options: ConvertOptions = {}): JsonValue {
  return writeValue(value, { ...plain('$'), keys: keyRenames('', options.kind, 'toKeras') }, options.kind);
}

/**
 * The inverse of {@link toKerasConfig}: model.json's snake_case JSON (written by Horn, TF.js 4.x or
 * Keras) as Horn's camelCase configs, with the class, key and value renames of
 * `keras-exceptions.ts` (TF.js' `LeCunNormal`, `RMSProp`, `Momentum`, `distribution: 'normal'`, ...).
 * @example fromKerasConfig({ class_name: 'Dense', config: { units: 2, use_bias: true } })
 * // { className: 'Dense', config: { units: 2, useBias: true } }
 */
export function fromKerasConfig(value: unknown, options: ConvertOptions = {}): JsonValue {
  return readValue(value, { ...plain('$'), keys: keyRenames('', options.kind, 'toHorn') }, options.kind);
}

function writeValue(value: unknown, ctx: Context, kind: ConvertOptions['kind']): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return ctx.verbatim ? value : (enums().toKeras.get(value) ?? value);
  if (Array.isArray(value)) return value.map((v, i) => writeValue(v, { ...ctx, path: `${ctx.path}[${i}]` }, kind));
  if (!isPlainObject(value)) {
    throw new ValueError(
      `toKerasConfig: ${ctx.path} is not JSON data (got ${typeof value === 'function' ? 'a function' : (value.constructor?.name ?? typeof value)}); configs must hold plain values`,
    );
  }
  if (typeof value.className === 'string' && isPlainObject(value.config)) return writeClassObject(value, ctx, kind);
  return writeObject(value, ctx);
}

function writeClassObject(value: Record<string, unknown>, ctx: Context, kind: ConvertOptions['kind']): JsonObject {
  const {
    className: hornClass,
    config: hornConfig,
    ...rest
  } = value as {
    className: string;
    config: Record<string, unknown>;
  };
  const rewritten = REGULARIZER_REWRITES.toKeras(hornClass, hornConfig);
  const kerasClass =
    CLASS_RENAMES.find((r) => r.horn === rewritten.className && !r.readOnly)?.keras ?? rewritten.className;
  const configCtx: Context = {
    keys: keyRenames(kerasClass, kind, 'toKeras'),
    verbatim: false,
    scope: kerasClass,
    path: `${ctx.path}.config`,
  };
  return {
    class_name: kerasClass,
    config: writeObject(rewritten.config, configCtx),
    ...writeObject(rest, plain(ctx.path)),
  };
}

function writeObject(value: Record<string, unknown>, ctx: Context): JsonObject {
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const kerasKey = ctx.keys.get(key) ?? snakeCase(key);
    const path = `${ctx.path}.${key}`;
    if (NAME_KEYS.includes(key) && typeof v === 'string') out[kerasKey] = v;
    else out[kerasKey] = writeValue(v, plain(path, NAME_LIST_KEYS.includes(key) || ctx.verbatim), undefined);
  }
  return out;
}

function readValue(value: unknown, ctx: Context, kind: ConvertOptions['kind']): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return ctx.verbatim ? value : (enums().toHorn.get(value) ?? value);
  if (Array.isArray(value)) return value.map((v, i) => readValue(v, { ...ctx, path: `${ctx.path}[${i}]` }, kind));
  if (!isPlainObject(value)) throw new ValueError(`fromKerasConfig: ${ctx.path} is not JSON data`);
  if (typeof value.class_name === 'string' && isPlainObject(value.config)) return readClassObject(value, ctx, kind);
  return readObject(value, ctx);
}

function readClassObject(value: Record<string, unknown>, ctx: Context, kind: ConvertOptions['kind']): JsonObject {
  const {
    class_name: kerasClass,
    config,
    ...others
  } = value as {
    class_name: string;
    config: Record<string, unknown>;
  };
  const rest: Record<string, unknown> = others;
  for (const key of DROPPED_KERAS_KEYS) delete rest[key];
  const configCtx: Context = {
    keys: keyRenames(kerasClass, kind, 'toHorn'),
    verbatim: false,
    scope: kerasClass,
    path: `${ctx.path}.config`,
  };
  const hornConfig = readObject(config, configCtx) as Record<string, unknown>;
  const hornClass = CLASS_RENAMES.find((r) => r.keras === kerasClass)?.horn ?? kerasClass;
  const rewritten = REGULARIZER_REWRITES.fromKeras(hornClass, hornConfig);
  return {
    className: rewritten.className,
    config: rewritten.config as JsonObject,
    ...readObject(rest, plain(ctx.path)),
  };
}

function readObject(value: Record<string, unknown>, ctx: Context): JsonObject {
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    const hornKey = ctx.keys.get(key) ?? camelCase(key);
    const path = `${ctx.path}.${key}`;
    const renamed = VALUE_RENAMES.find((r) => r.scope === ctx.scope && r.key === hornKey && r.keras === v);
    if (renamed) out[hornKey] = renamed.horn;
    else if (NAME_KEYS.includes(hornKey) && typeof v === 'string') out[hornKey] = v;
    else if (hornKey === 'dtype' && isPlainObject(v)) out[hornKey] = dtypePolicyName(v, path);
    else out[hornKey] = readValue(v, plain(path, NAME_LIST_KEYS.includes(hornKey) || ctx.verbatim), undefined);
  }
  return out;
}

// Keras 3 writes dtype as a DTypePolicy object: { class_name: 'DTypePolicy', config: { name: 'float32' } }.
function dtypePolicyName(value: Record<string, unknown>, path: string): string {
  const config = value.config as Record<string, unknown> | undefined;
  if (isPlainObject(config) && typeof config.name === 'string') return config.name;
  throw new ValueError(`fromKerasConfig: ${path} is a dtype object without config.name: ${JSON.stringify(value)}`);
}
