import type { Layer } from '@horn/layers';
import { ValueError } from '@horn/tensor';

/**
 * A model's layer by name, or by index in `layers` (`model.getLayer`). Throws a ValueError naming
 * `owner` and listing the layer names when there is no such layer.
 * @example findLayer("Model 'mnist'", model.layers, 'dense_1')
 */
export function findLayer(owner: string, layers: readonly Layer[], nameOrIndex: string | number): Layer {
  if (typeof nameOrIndex === 'number') {
    if (!Number.isInteger(nameOrIndex) || nameOrIndex < 0 || nameOrIndex >= layers.length) {
      throw new ValueError(
        `${owner}: getLayer(${nameOrIndex}): index out of range; the model has ${layers.length} layers (0..${layers.length - 1})`,
      );
    }
    return layers[nameOrIndex];
  }
  if (typeof nameOrIndex !== 'string') {
    throw new ValueError(`${owner}: getLayer expects a name or an index, got ${typeof nameOrIndex}`);
  }
  const found = layers.find((l) => l.name === nameOrIndex);
  if (!found) {
    throw new ValueError(
      `${owner}: no layer named '${nameOrIndex}'; the layers are: ${layers.map((l) => `'${l.name}'`).join(', ') || '(none)'}`,
    );
  }
  return found;
}
