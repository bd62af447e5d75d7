import { cast, type DType, DTypeError, isNumericDType, type Tensor } from '@horn/tensor';
import { layerLabel, type NamedLayer } from './input-checks.js';
import { SymbolicTensor } from './symbolic.js';

/**
 * The dtypes a layer takes: a list (an input of another numeric dtype is cast to the first
 * numeric one listed; a string input not listed is refused), or `'any'` (inputs pass as they are).
 * The default, for a layer that declares none, is `['float32']`: numeric inputs are cast to
 * float32 and strings are refused, as Keras casts inputs to a layer's compute dtype.
 * @example class Lookup extends Layer { readonly inputDTypes: InputDTypes = ['string', 'int32']; }
 */
export type InputDTypes = readonly DType[] | 'any';

/**
 * What a layer may declare about dtypes (structurally, so any layer can opt in):
 * `inputDTypes` (what `apply` keeps) and `computeOutputDType` (the dtype of its symbolic outputs;
 * default float32). A functional model takes the dtypes of its `Input`s and gives those of its outputs.
 * @example
 * const dense: DTypeAware = new Dense({ units: 1 });
 * acceptedInputDTypes(dense, 0); // ['float32']
 */
export interface DTypeAware extends NamedLayer {
  readonly inputDTypes?: InputDTypes;
  computeOutputDType?(inputDTypes: DType[]): DType | DType[];
  readonly inputs?: unknown;
  readonly outputs?: unknown;
}

const DEFAULT: InputDTypes = ['float32'];

/**
 * The dtypes input `index` of a layer takes: its declared `inputDTypes`, else (a functional model)
 * the dtype of its `Input` there (a subclassed model: any), else `['float32']`.
 * @example acceptedInputDTypes(new Dense({ units: 1 }), 0) // ['float32']
 */
export function acceptedInputDTypes(layer: DTypeAware, index: number): InputDTypes {
  if (layer.inputDTypes !== undefined) return layer.inputDTypes;
  const inputs = layer.inputs;
  if (!Array.isArray(inputs)) return DEFAULT;
  // A model: a functional one takes its Inputs' dtypes; a subclassed one (no inputs) takes any.
  return inputs[index] instanceof SymbolicTensor ? [inputs[index].dtype] : 'any';
}

/**
 * The dtype input `index` (of dtype `dtype`) goes into the layer with, or a DTypeError naming the
 * layer, the input and the dtypes it takes.
 * @example inputDTypeFor(dense, 'int32', 0, 'the input') // 'float32'
 */
export function inputDTypeFor(layer: DTypeAware, dtype: DType, index: number, what: string): DType {
  const accepted = acceptedInputDTypes(layer, index);
  if (accepted === 'any' || accepted.includes(dtype)) return dtype;
  const numeric = accepted.find(isNumericDType);
  if (dtype !== 'string' && numeric !== undefined) return numeric;
  throw new DTypeError(
    `${layerLabel(layer)}: ${what} has dtype '${dtype}', but this layer takes ${accepted.map((d) => `'${d}'`).join(' or ')} inputs${dtype === 'string' ? ' (string inputs go into preprocessing layers such as StringLookup, TextVectorization or Hashing)' : ''}`,
  );
}

/**
 * An eager input converted to the dtype the layer takes (the tensor itself when it already has it).
 * @example eagerInputDType(dense, tensor([[1]], [1, 1], 'int32'), 0, 'the input').dtype // 'float32'
 */
export function eagerInputDType(layer: DTypeAware, t: Tensor, index: number, what: string): Tensor {
  const dtype = inputDTypeFor(layer, t.dtype, index, what);
  return dtype === t.dtype ? t : cast(t, dtype);
}

/**
 * The dtype of output `index` of a symbolic call on `inputs` (checking that the layer takes their
 * dtypes): what the layer's `computeOutputDType` says, a functional model's output dtype, else float32.
 * @example symbolicOutputDType(dense, [Input({ shape: [3] })], 0) // 'float32'
 */
export function symbolicOutputDType(layer: DTypeAware, inputs: readonly SymbolicTensor[], index: number): DType {
  const dtypes = inputs.map((t, i) =>
    inputDTypeFor(layer, t.dtype, i, inputs.length > 1 ? `inputs[${i}]` : 'the input'),
  );
  if (layer.computeOutputDType) {
    const out = layer.computeOutputDType(dtypes);
    return Array.isArray(out) ? out[index] : out;
  }
  const outputs = layer.outputs;
  if (Array.isArray(outputs) && outputs[index] instanceof SymbolicTensor) return outputs[index].dtype;
  return 'float32';
}
