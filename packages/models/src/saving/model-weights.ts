import type { Variable } from '@horn/autograd';
import { fmt, shapesEqual, type Tensor, tensor } from '@horn/tensor';
import { ModelFileError } from './errors.js';
import type { DecodedWeight } from './weights-codec.js';

/** A model variable and the saved values that go into it. */
export interface WeightAssignment {
  variable: Variable;
  saved: DecodedWeight;
}

// Keras 2 files may name weights 'dense/kernel:0'.
const baseName = (name: string) => name.replace(/:\d+$/, '');

/**
 * Pairs a model's variables with saved weights: by name when every variable's name is in the file
 * exactly once (`dense/kernel`, as TF.js and Horn name weights; `fileNames`, when given, are tried
 * first: the names the file writes for the variables, see {@link savedWeightNames}), else by order
 * when the counts agree. Shapes must match, and every saved weight must be used (as TF.js' strict
 * loading). Any mismatch throws a ModelFileError naming `source`, before a single value is assigned.
 * @example for (const { variable, saved } of matchWeights(model.weights, decoded, 'model.json')) ...
 */
export function matchWeights(
  variables: readonly Variable[],
  saved: readonly DecodedWeight[],
  source: string,
  fileNames?: readonly string[],
): WeightAssignment[] {
  const byName = new Map(saved.map((w) => [baseName(w.spec.name), w]));
  const fits = (list: string[]) =>
    new Set(list).size === list.length && list.every((n) => byName.has(n)) && saved.length === variables.length;
  const own = variables.map((v) => baseName(v.name));
  const preferred = fileNames?.map(baseName);
  const names = preferred && fits(preferred) ? preferred : own;
  const named = fits(names);
  if (!named && saved.length !== variables.length) {
    const missing = names.filter((n) => !byName.has(n));
    const unexpected = [...byName.keys()].filter((n) => !names.includes(n));
    const hint = variables.length === 0 ? ' (the model has no weights yet: build it, e.g. call it on data, first)' : '';
    throw new ModelFileError(
      `${source}: the saved weights do not fit the model: it has ${variables.length} weights, the file ${saved.length}${hint}` +
        `${missing.length ? `; missing from the file: ${missing.slice(0, 8).join(', ')}` : ''}` +
        `${unexpected.length ? `; not in the model: ${unexpected.slice(0, 8).join(', ')}` : ''}`,
    );
  }
  const pairs = variables.map((variable, i) => ({
    variable,
    saved: named ? (byName.get(names[i]) as DecodedWeight) : saved[i],
  }));
  for (const { variable, saved: w } of pairs) {
    if (!shapesEqual(variable.shape, w.spec.shape)) {
      throw new ModelFileError(
        `${source}: weight '${w.spec.name}' has shape ${fmt(w.spec.shape)} in the file, but the model's '${variable.name}' has shape ${fmt(variable.shape)}`,
      );
    }
    if (w.spec.dtype !== variable.dtype) {
      throw new ModelFileError(
        `${source}: weight '${w.spec.name}' is ${w.spec.dtype} in the file, but the model's '${variable.name}' is ${variable.dtype}`,
      );
    }
  }
  return pairs;
}

/**
 * Assigns matched weights (see {@link matchWeights}).
 * @example assignWeights(matchWeights(model.weights, decoded, source));
 */
export function assignWeights(pairs: readonly WeightAssignment[]): void {
  for (const { variable, saved } of pairs) {
    const value = toTensor(saved);
    variable.assign(value);
    value.dispose();
  }
}

/**
 * A saved weight as a tensor.
 * @example toTensor(decoded[0]).shape // [3, 2]
 */
export function toTensor(saved: DecodedWeight): Tensor {
  return tensor(saved.values, saved.spec.shape, saved.spec.dtype);
}
