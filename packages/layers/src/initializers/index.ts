export { Constant, type ConstantConfig, Identity, type IdentityConfig, Ones, Zeros } from './constant-initializers.js';
export {
  getInitializer,
  type InitializerId,
  type InitializerName,
  initializerClasses,
  serializeInitializer,
} from './get-initializer.js';
export { Initializer } from './initializer.js';
export { Orthogonal, type OrthogonalConfig } from './orthogonal.js';
export {
  RandomNormal,
  type RandomNormalConfig,
  RandomUniform,
  type RandomUniformConfig,
  TruncatedNormal,
} from './random-initializers.js';
export {
  computeFans,
  type FanMode,
  GlorotNormal,
  GlorotUniform,
  HeNormal,
  HeUniform,
  LecunNormal,
  LecunUniform,
  type ScalingDistribution,
  type SeedConfig,
  VarianceScaling,
  type VarianceScalingConfig,
} from './variance-scaling.js';
