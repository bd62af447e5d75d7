import type { Variable } from '@horn/autograd';
import { Layer } from '@horn/layers';

/**
 * The layers a subclassed model holds in its own properties (a layer, or an array of layers,
 * nested up to three deep), in assignment order, each once; the model itself is skipped.
 * @example
 * class M extends Model { d1 = new Dense({ units: 2 }); blocks = [new Dense({ units: 2 })]; }
 * trackedLayers(new M()).length; // 2
 */
export function trackedLayers(owner: object): Layer[] {
  const found: Layer[] = [];
  const seen = new Set<unknown>([owner]);
  const visit = (value: unknown, depth: number): void => {
    if (value instanceof Layer) {
      if (!seen.has(value)) {
        seen.add(value);
        found.push(value);
      }
    } else if (Array.isArray(value) && depth < 3 && !seen.has(value)) {
      seen.add(value);
      for (const v of value) visit(v, depth + 1);
    }
  };
  for (const value of Object.values(owner)) visit(value, 0);
  return found;
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
