export type { FillMode } from './affine-transform.js';
export {
  CategoryEncoding,
  type CategoryEncodingCallOptions,
  type CategoryEncodingConfig,
} from './category-encoding.js';
export { CenterCrop, type CenterCropConfig } from './center-crop.js';
export { Discretization, type DiscretizationConfig } from './discretization.js';
export type { CategoricalOutputMode } from './encoding/encode-categorical.js';
export { farmhashFingerprint64 } from './hashing/farmhash64.js';
export { Hashing, type HashingConfig } from './hashing/hashing.js';
export { siphash24 } from './hashing/siphash24.js';
export * from './lookup/index.js';
export { Normalization, type NormalizationConfig } from './normalization.js';
export { type RandomAffineConfig, RandomAffineLayer } from './random-affine-layer.js';
export { type FlipMode, RandomFlip, type RandomFlipConfig } from './random-flip.js';
export { RandomRotation, type RandomRotationConfig } from './random-rotation.js';
export { RandomTranslation, type RandomTranslationConfig } from './random-translation.js';
export { RandomZoom, type RandomZoomConfig } from './random-zoom.js';
export { Rescaling, type RescalingConfig } from './rescaling.js';
export type { ResizeInterpolation } from './resize-images.js';
export { Resizing, type ResizingConfig } from './resizing.js';
export * from './text/index.js';
