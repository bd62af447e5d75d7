export type { Split, Standardize } from './text-preprocess.js';
export { type TextAdaptData, TextVectorization, type TextVectorizationConfig } from './text-vectorization.js';
