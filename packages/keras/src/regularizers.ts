/**
 * `keras.regularizers`: L1, L2, L1L2, the Keras shorthands `l1(0.01)`, `l2(0.01)`, `l1l2(...)`,
 * and `get` / `serialize`.
 * @example new keras.layers.Dense({ units: 4, kernelRegularizer: keras.regularizers.l2(0.01) })
 */
import { L1, L1L2, L2 } from '@horn/layers';

export { getRegularizer as get, L1, L1L2, L2, Regularizer, serializeRegularizer as serialize } from '@horn/layers';

/**
 * `keras.regularizers.l1(0.01)`: a penalty of `l1 * sum(|w|)`.
 * @example new keras.layers.Dense({ units: 4, kernelRegularizer: keras.regularizers.l1(0.01) })
 */
export function l1(l1 = 0.01): L1 {
  return new L1({ l1 });
}

/**
 * `keras.regularizers.l2(0.01)`: a penalty of `l2 * sum(w²)`.
 * @example new keras.layers.Dense({ units: 4, kernelRegularizer: keras.regularizers.l2(0.01) })
 */
export function l2(l2 = 0.01): L2 {
  return new L2({ l2 });
}

/**
 * `keras.regularizers.l1_l2`: both penalties (Keras 3's defaults are 0 and 0).
 * @example keras.regularizers.l1l2({ l1: 0.01, l2: 0.01 })
 */
export function l1l2(options: { l1?: number; l2?: number } = {}): L1L2 {
  return new L1L2(options);
}
