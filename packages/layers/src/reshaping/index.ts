export { Cropping2D, type Cropping2DConfig } from './cropping2d.js';
export type { PaddingPairs, PaddingPairsLike } from './padding-pairs.js';
export { UpSampling2D, type UpSampling2DConfig } from './up-sampling2d.js';
export { ZeroPadding2D, type ZeroPadding2DConfig } from './zero-padding2d.js';
