import { SymbolicTensor } from '@horn/layers';
import { ValueError } from '@horn/tensor';

/** A model's inputs or outputs as given: one symbolic tensor, a list, or a record keyed by name. */
export type GraphEnds = SymbolicTensor | readonly SymbolicTensor[] | Readonly<Record<string, SymbolicTensor>>;

/**
 * The tensors of a model's inputs or outputs, in order, and their keys when given as a record.
 * A record is ordered by its sorted keys, as Keras 3 flattens a dict (so a list of losses, and
 * `model.outputs`, follow the same order as in Keras). A record that is empty or holds anything
 * but symbolic tensors is a ValueError naming the key.
 * @example graphEnds('functional', 'outputs', { b: y2, a: y1 }) // { tensors: [y1, y2], keys: ['a', 'b'] }
 */
export function graphEnds(
  owner: string,
  what: 'inputs' | 'outputs',
  value: GraphEnds | unknown,
): { tensors: unknown; keys: string[] | null } {
  // Anything but a plain record (a tensor, a list, an eager Tensor given by mistake) is checked by mapGraph.
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof SymbolicTensor) {
    return { tensors: value, keys: null };
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return { tensors: value, keys: null };
  const record = value as Readonly<Record<string, unknown>>;
  const keys = Object.keys(record).sort();
  if (keys.length === 0) throw new ValueError(`${owner}: ${what} is an empty record; give at least one tensor`);
  for (const key of keys) {
    const t = record[key];
    if (!(t instanceof SymbolicTensor)) {
      const got = t === null ? 'null' : t === undefined ? 'undefined' : ((t as object).constructor?.name ?? typeof t);
      throw new ValueError(
        `${owner}: ${what}['${key}'] must be a SymbolicTensor (from Input() or layer.apply(symbolic)), got ${got}`,
      );
    }
  }
  return { tensors: keys.map((k) => record[k]), keys };
}
