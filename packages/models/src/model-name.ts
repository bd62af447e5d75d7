import { toSnakeCase, uniqueLayerName } from '@horn/layers';

/**
 * A model's default name (Keras 3): `functional` for `Model` itself (and a functional model of a
 * class named Model), else the snake_case class name, made unique.
 * @example defaultModelName(Model, Model, true) // 'functional', then 'functional_1', ...
 */
export function defaultModelName(cls: { name: string }, base: object, isFunctional: boolean): string {
  if (cls === base || (isFunctional && cls.name === 'Model')) return uniqueLayerName('functional');
  return uniqueLayerName(toSnakeCase(cls.name) || 'model');
}
