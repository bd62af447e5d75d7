import type { Variable } from '@horn/autograd';

/** What tracking needs of a layer: it is found by `isLayer`, and its own sub-layers by `subLayers`. */
interface TrackedLayer {
  readonly subLayers: readonly TrackedLayer[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The layers an object holds in its own properties (Keras' `_layers`): a layer, an array of layers
 * or a plain object of layers, nested to any depth, in assignment order, each once; the owner is
 * not its own sub-layer and cycles are safe. A layer found is not searched further (its own
 * sub-layers are its business). Layers given in the constructor options (`this.config`) count too;
 * a wrapper that copies its template layer (Bidirectional) overrides `subLayers` instead.
 * @example
 * class Block extends Layer { d1 = new Dense({ units: 2 }); more = { d2: new Dense({ units: 2 }) }; }
 * trackedLayers(new Block(), (v) => v instanceof Layer).length; // 2
 */
export function trackedLayers<L>(owner: object, isLayer: (value: unknown) => value is L): L[] {
  const found: L[] = [];
  const seen = new Set<unknown>([owner]);
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (isLayer(value)) found.push(value);
    else if (Array.isArray(value)) for (const v of value) visit(v);
    else if (isPlainObject(value)) for (const v of Object.values(value)) visit(v);
  };
  for (const value of Object.values(owner)) visit(value);
  return found;
}

/**
 * Every layer below `owner`, depth first in Keras' `_flatten_layers` order (each once, the owner
 * excluded, cycles safe).
 * @example flattenLayers(model).length // the model's layers and theirs, recursively
 */
export function flattenLayers<L extends TrackedLayer>(owner: L): L[] {
  const out: L[] = [];
  const seen = new Set<TrackedLayer>([owner]);
  const stack = [...owner.subLayers].reverse() as L[];
  while (stack.length > 0) {
    const layer = stack.pop() as L;
    if (seen.has(layer)) continue;
    seen.add(layer);
    out.push(layer);
    stack.push(...([...layer.subLayers].reverse() as L[]));
  }
  return out;
}

/**
 * Concatenates lists of variables, keeping each variable once (first occurrence), as Keras
 * deduplicates the weights of shared layers.
 * @example uniqueVariables([[a, b], [b, c]]) // [a, b, c]
 */
export function uniqueVariables(lists: readonly (readonly Variable[])[]): Variable[] {
  const seen = new Set<Variable>();
  const out: Variable[] = [];
  for (const list of lists) {
    for (const v of list) {
      if (!seen.has(v)) {
        seen.add(v);
        out.push(v);
      }
    }
  }
  return out;
}
