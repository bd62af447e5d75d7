export {
  categorical,
  type IntSampleOptions,
  type NormalOptions,
  normal,
  randint,
  truncatedNormal,
  type UniformOptions,
  uniform,
} from './distributions.js';
export { type DropoutOptions, dropout } from './random-dropout.js';
export { type ShuffleOptions, shuffle } from './random-shuffle.js';
export { type SeedArg, SeedGenerator } from './seed-generator.js';
