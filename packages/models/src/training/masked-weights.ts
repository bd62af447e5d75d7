import { MeanMetricWrapper, type Metric } from '@horn/metrics';
import { cast, mul, reshape, type Tensor } from '@horn/tensor';

/**
 * The sample weights a compiled metric gets for one output, as Keras 3's
 * `MeanMetricWrapper.update_state` (`apply_mask` with reduction 'sum'): for a mean metric
 * (accuracy, mae, ...) and the mask its prediction carries, the mask as 0/1 weights, multiplied
 * into the sample weights when there are some (a `[batch]` weight scales every step of its
 * sample); otherwise the sample weights as they are. Other metrics (AUC, precision) see no mask.
 * @example metricWeights(accuracy, null, getKerasMask(pred)) // the float mask of pred, or null
 */
export function metricWeights(metric: Metric, weights: Tensor | null, mask: Tensor | null): Tensor | null {
  if (!mask || !(metric instanceof MeanMetricWrapper)) return weights;
  const m = cast(mask, 'float32');
  if (!weights) return m;
  const w =
    weights.rank < m.rank ? reshape(weights, [...weights.shape, ...new Array(m.rank - weights.rank).fill(1)]) : weights;
  return mul(m, w);
}
