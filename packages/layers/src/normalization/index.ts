export { BatchNormalization, type BatchNormalizationConfig } from './batch-normalization.js';
export { LayerNormalization, type LayerNormalizationConfig } from './layer-normalization.js';
