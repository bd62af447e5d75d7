export {
  type CustomObjects,
  customClass,
  registerClass,
  unregisterClass,
  withCustomObjects,
} from './class-registry.js';
export { type DataFormat, normalizeDataFormat } from './data-format.js';
export { canonicalId, enumOption, lookupId } from './identifiers.js';
export {
  assertInputRank,
  fmtShape,
  lastDimension,
  layerLabel,
  type NamedLayer,
  normalizeTuple,
  type RankRequirement,
} from './input-checks.js';
export {
  acceptedInputDTypes,
  type DTypeAware,
  eagerInputDType,
  type InputDTypes,
  inputDTypeFor,
  symbolicOutputDType,
} from './input-dtypes.js';
export { Input, type InputConfig, type InputDType, InputLayer, type InputLayerConfig } from './input-layer.js';
export { checkInputSpec, type InputSpec } from './input-spec.js';
export { getKerasMask, setKerasMask } from './keras-mask.js';
export {
  type AddWeightOptions,
  type CallOptions,
  Layer,
  type LayerConfig,
  type LayerMask,
  type LayerShape,
} from './layer.js';
export { LayerWeight } from './layer-weight.js';
export { type MaskedShape, type MaskingLayer, overridesComputeMask, symbolicOutputMasks } from './masking.js';
export { resetLayerNames, toSnakeCase, uniqueLayerName } from './naming.js';
export { getRegisteredClass, registeredClassNames } from './registry.js';
export { deserializeLayer, serializeLayer } from './serialize-layer.js';
export { isSerialized, type SerializableClass, type Serialized } from './serialized.js';
export { Node, type NodeArgs, SymbolicTensor } from './symbolic.js';
export { flattenLayers, trackedLayers } from './tracking.js';
export { chargeWeightBudget, recordBudgetedWeight, withWeightBudget } from './weight-budget.js';
