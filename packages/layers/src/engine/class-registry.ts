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
 * The user-registered class with this name, if any (built-ins are looked up by
 * `getRegisteredClass`).
 * @example customClass('Scale') // the class registered with registerClass, or undefined
 */
export function customClass(name: string): SerializableClass | undefined {
  return custom.get(name);
}

/**
 * Removes a class registered with {@link registerClass}; returns whether one was there.
 * @example unregisterClass('Scale')
 */
export function unregisterClass(name: string): boolean {
  return custom.delete(name);
}
