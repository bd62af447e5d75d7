export { Concatenate, type ConcatenateConfig } from './concatenate.js';
export { Add, Average, Maximum, Minimum, Multiply, Subtract } from './elementwise.js';
export { Merge } from './merge.js';
