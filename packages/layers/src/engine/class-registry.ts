import { ValueError } from '@horn/tensor';
import type { SerializableClass } from './serialized.js';

const custom = new Map<string, SerializableClass>();

/**
 * Registers a class for deserialization under its `className` (a custom layer, initializer,
 * regularizer or constraint). A registered class shadows a built-in one of the same name, as
 * Keras' custom objects do. Returns the class, so it can wrap a class expression.
 * @example
 * class Scale extends Layer { static readonly className = 'Scale'; call(x: Tensor) { return x.mul(2); } }
 * registerClass(Scale);
 */
export function registerClass<T extends SerializableClass>(cls: T): T {
  const name = cls?.className;
  if (typeof name !== 'string' || name === '') {
    throw new ValueError(`registerClass: the class needs a static className string, got ${String(name)}`);
  }
  if (typeof cls.fromConfig !== 'function') {
    throw new ValueError(`registerClass: class '${name}' needs a static fromConfig(config) method`);
  }
  custom.set(name, cls);
  return cls;
}

/**
 * Classes given by name for one deserialization (Keras' `custom_objects`): `{ CustomDense }` maps
 * the saved class name `'CustomDense'` to the class.
 * @example
 * class Scale extends Layer {
 *   static override readonly className = 'Scale';
 *   override call(x: Tensor | Tensor[]) { return (x as Tensor).mul(2); }
 * }
 * const custom: CustomObjects = { Scale };
 * const saved = serializeLayer(new Scale());
 * withCustomObjects(custom, () => deserializeLayer(saved)) instanceof Scale; // true
 */
export type CustomObjects = Readonly<Record<string, SerializableClass>>;

const scopes: CustomObjects[] = [];

/**
 * Runs `fn` with `customObjects` looked up first (Keras' `custom_object_scope`), nested calls
 * included (a wrapper's inner layer, a nested model); `undefined` runs `fn` as is. Throws a
 * ValueError naming the entry that is not a class with a static `fromConfig`.
 * @example withCustomObjects({ CustomDense }, () => deserializeLayer(saved))
 */
export function withCustomObjects<T>(customObjects: CustomObjects | undefined, fn: () => T): T {
  if (customObjects === undefined) return fn();
  if (customObjects === null || typeof customObjects !== 'object' || Array.isArray(customObjects)) {
    throw new ValueError(
      `customObjects: expected an object mapping class names to classes ({ CustomDense }), got ${Array.isArray(customObjects) ? 'an array' : JSON.stringify(customObjects)}`,
    );
  }
  for (const [name, cls] of Object.entries(customObjects)) {
    if (typeof cls !== 'function' || typeof (cls as Partial<SerializableClass>).fromConfig !== 'function') {
      throw new ValueError(
        `customObjects: '${name}' must be a class with a static fromConfig(config) (a Layer subclass), got ${cls === null ? 'null' : typeof cls}`,
      );
    }
  }
  scopes.push(customObjects);
  try {
    return fn();
  } finally {
    scopes.pop();
  }
}

/**
 * The user class with this name, if any: from the innermost `withCustomObjects` scope first, then
 * from `registerClass` (built-ins are looked up by `getRegisteredClass`).
 * @example customClass('Scale') // the class registered with registerClass, or undefined
 */
export function customClass(name: string): SerializableClass | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    if (Object.hasOwn(scopes[i], name)) return scopes[i][name];
  }
  return custom.get(name);
}

/**
 * Removes a class registered with {@link registerClass}; returns whether one was there.
 * @example unregisterClass('Scale')
 */
export function unregisterClass(name: string): boolean {
  return custom.delete(name);
}
