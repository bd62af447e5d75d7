export { ELU, type ELUConfig } from './elu.js';
export { LeakyReLU, type LeakyReLUConfig } from './leaky-relu.js';
export { PReLU, type PReLUConfig } from './prelu.js';
export { ReLU, type ReLUConfig } from './relu.js';
export { Softmax, type SoftmaxConfig } from './softmax.js';
