import { ValueError } from '@horn/tensor';
import { builtinAliases, builtinClasses } from './builtins.js';
import { customClass } from './class-registry.js';
import type { SerializableClass } from './serialized.js';

export { registerClass, unregisterClass } from './class-registry.js';

let builtins: Map<string, SerializableClass> | null = null;

function builtinMap(): Map<string, SerializableClass> {
  if (!builtins) {
    builtins = new Map();
    for (const cls of builtinClasses()) builtins.set(cls.className, cls);
    for (const [alias, cls] of Object.entries(builtinAliases())) builtins.set(alias, cls);
  }
  return builtins;
}

/**
 * The class registered under a Keras class name: a class registered with `registerClass` first,
 * then the built-in layers, initializers, regularizers and constraints. Throws a ValueError naming
 * the unknown class.
 * @example getRegisteredClass('Dense') === Dense // true
 */
export function getRegisteredClass(className: string): SerializableClass {
  const cls = customClass(className) ?? builtinMap().get(className);
  if (!cls) {
    throw new ValueError(
      `getRegisteredClass: unknown class '${className}'; register custom classes with registerClass(cls), or pass them in customObjects`,
    );
  }
  return cls;
}

/**
 * Every built-in class name the registry knows (layers, initializers, regularizers, constraints).
 * @example registeredClassNames().includes('BatchNormalization') // true
 */
export function registeredClassNames(): string[] {
  return [...builtinMap().keys()];
}
