import {
  abs,
  add,
  clip,
  div,
  exp,
  log,
  log1p,
  logSoftmax,
  mean,
  mul,
  neg,
  pow,
  relu,
  sigmoid,
  sub,
  sum,
  type Tensor,
  type TensorLike,
  tidy,
} from '@horn/tensor';
import { axisOption, booleanOption, EPSILON, integerOption, lossInputs, numberOption } from './loss-inputs.js';

/**
 * Options of {@link binaryCrossentropy} and {@link categoricalCrossentropy}.
 * @example
 * binaryCrossentropy([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], { labelSmoothing: 0.1 }).arraySync(); // [0.8960, 0.7136]
 * categoricalCrossentropy([[0, 1, 0]], [[1, 2, 0.5]], { fromLogits: true, axis: -1 }).arraySync(); // [0.4644]
 */
export interface CrossentropyOptions {
  /** `yPred` holds logits (any real number) rather than probabilities. Default false. */
  fromLogits?: boolean;
  /** In `[0, 1]`: squeeze the labels towards uniform by this much. Default 0. */
  labelSmoothing?: number;
  /** The axis reduced (binary: averaged; categorical: the classes axis). Default -1. */
  axis?: number;
}

/**
 * Options of {@link binaryFocalCrossentropy}.
 * @example
 * binaryFocalCrossentropy([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], { gamma: 2 }).arraySync(); // [0.3299, 0.2058]
 */
export interface BinaryFocalCrossentropyOptions extends CrossentropyOptions {
  /** Weight class 1 by `alpha` and class 0 by `1 - alpha`. Default false. */
  applyClassBalancing?: boolean;
  /** The class-1 weight used when `applyClassBalancing` is set, in `[0, 1]`. Default 0.25. */
  alpha?: number;
  /** The focusing exponent of `(1 - p_t)^gamma`, at least 0. Default 2. */
  gamma?: number;
}

/** Validated crossentropy options, defaults applied. */
export function crossentropyOptions(options: CrossentropyOptions, op: string): Required<CrossentropyOptions> {
  return {
    fromLogits: booleanOption(options.fromLogits ?? false, 'fromLogits', op),
    labelSmoothing: numberOption(options.labelSmoothing ?? 0, 'labelSmoothing', op, 0, 1),
    axis: integerOption(options.axis ?? -1, 'axis', op),
  };
}

/** Validated focal options, defaults applied. */
export function focalOptions(
  options: BinaryFocalCrossentropyOptions,
  op: string,
): Required<BinaryFocalCrossentropyOptions> {
  return {
    ...crossentropyOptions(options, op),
    applyClassBalancing: booleanOption(options.applyClassBalancing ?? false, 'applyClassBalancing', op),
    alpha: numberOption(options.alpha ?? 0.25, 'alpha', op, 0, 1),
    gamma: numberOption(options.gamma ?? 2, 'gamma', op, 0),
  };
}

/**
 * Elementwise binary crossentropy. From logits it is the stable
 * `max(x, 0) - x * z + log1p(exp(-|x|))`; from probabilities `yPred` is clipped to `[1e-7, 1 - 1e-7]`.
 * @example elementwiseBinaryCrossentropy(tensor([1]), tensor([0.2]), false).arraySync() // [1.6094379]
 */
export function elementwiseBinaryCrossentropy(target: Tensor, output: Tensor, fromLogits: boolean): Tensor {
  if (fromLogits) return add(sub(relu(output), mul(output, target)), log1p(exp(neg(abs(output)))));
  const p = clip(output, EPSILON, 1 - EPSILON);
  return neg(add(mul(target, log(p)), mul(sub(1, target), log(sub(1, p)))));
}

/**
 * Binary crossentropy averaged over `axis`, one value per sample. Labels are 0/1 (or soft);
 * `labelSmoothing` maps them to `y * (1 - s) + 0.5 * s`.
 * @example binaryCrossentropy([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // [0.9162907, 0.7136599]
 */
export function binaryCrossentropy(yTrue: TensorLike, yPred: TensorLike, options: CrossentropyOptions = {}): Tensor {
  const o = crossentropyOptions(options, 'binaryCrossentropy');
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'binaryCrossentropy');
    const axis = axisOption(o.axis, p.rank, 'binaryCrossentropy');
    return mean(elementwiseBinaryCrossentropy(smoothBinary(t, o.labelSmoothing), p, o.fromLogits), axis);
  });
}

/**
 * Binary focal crossentropy (Lin et al. 2018) averaged over `axis`: `(1 - p_t)^gamma * bce`, optionally
 * weighted by `alpha` / `1 - alpha`. From logits it applies a sigmoid first, as Keras does.
 * @example binaryFocalCrossentropy([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // [0.3297, 0.2055]
 */
export function binaryFocalCrossentropy(
  yTrue: TensorLike,
  yPred: TensorLike,
  options: BinaryFocalCrossentropyOptions = {},
): Tensor {
  const o = focalOptions(options, 'binaryFocalCrossentropy');
  return tidy(() => {
    const [rawTrue, logitsOrProbs] = lossInputs(yTrue, yPred, 'binaryFocalCrossentropy');
    const axis = axisOption(o.axis, logitsOrProbs.rank, 'binaryFocalCrossentropy');
    const t = smoothBinary(rawTrue, o.labelSmoothing);
    const p = o.fromLogits ? sigmoid(logitsOrProbs) : logitsOrProbs;
    const bce = elementwiseBinaryCrossentropy(t, p, false);
    const pT = add(mul(t, p), mul(sub(1, t), sub(1, p)));
    let focal = mul(pow(sub(1, pT), o.gamma), bce);
    if (o.applyClassBalancing) focal = mul(add(mul(t, o.alpha), mul(sub(1, t), 1 - o.alpha)), focal);
    return mean(focal, axis);
  });
}

/**
 * Categorical crossentropy over the classes `axis` with one-hot (or soft) labels. From logits it is
 * `-sum(y * logSoftmax(x))`; from probabilities `yPred` is renormalized to sum to 1, then clipped to
 * `[1e-7, 1 - 1e-7]`. `labelSmoothing` maps labels to `y * (1 - s) + s / numClasses`.
 * @example categoricalCrossentropy([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]).arraySync() // [0.0512933, 2.3025851]
 */
export function categoricalCrossentropy(
  yTrue: TensorLike,
  yPred: TensorLike,
  options: CrossentropyOptions = {},
): Tensor {
  const o = crossentropyOptions(options, 'categoricalCrossentropy');
  return tidy(() => {
    const [rawTrue, p] = lossInputs(yTrue, yPred, 'categoricalCrossentropy');
    const axis = axisOption(o.axis, p.rank, 'categoricalCrossentropy');
    // Keras divides by the last dimension even for another axis; the classes axis is what is meant.
    const t =
      o.labelSmoothing > 0 ? add(mul(rawTrue, 1 - o.labelSmoothing), o.labelSmoothing / p.shape[axis]) : rawTrue;
    if (o.fromLogits) return neg(sum(mul(t, logSoftmax(p, axis)), axis));
    const normalized = clip(div(p, sum(p, axis, true)), EPSILON, 1 - EPSILON);
    return neg(sum(mul(t, log(normalized)), axis));
  });
}

function smoothBinary(t: Tensor, labelSmoothing: number): Tensor {
  return labelSmoothing > 0 ? add(mul(t, 1 - labelSmoothing), 0.5 * labelSmoothing) : t;
}
