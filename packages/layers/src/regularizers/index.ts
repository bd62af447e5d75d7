export {
  getRegularizer,
  type RegularizerId,
  type RegularizerName,
  regularizerClasses,
  serializeRegularizer,
} from './get-regularizer.js';
export { L1, type L1Config, L1L2, type L1L2Config, L2, type L2Config, Regularizer } from './regularizer.js';
