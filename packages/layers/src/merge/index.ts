export { Concatenate, type ConcatenateConfig } from './concatenate.js';
export { Dot, type DotConfig } from './dot.js';
export { Add, Average, Maximum, Minimum, Multiply, Subtract } from './elementwise.js';
export { Merge } from './merge.js';
export {
  add,
  average,
  concatenate,
  dot,
  type MergeInputs,
  maximum,
  minimum,
  multiply,
  subtract,
} from './merge-functions.js';
