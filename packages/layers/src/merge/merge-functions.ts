import type { Tensor } from '@horn/tensor';
import type { LayerConfig } from '../engine/layer.js';
import type { SymbolicTensor } from '../engine/symbolic.js';
import { Concatenate, type ConcatenateConfig } from './concatenate.js';
import { Dot, type DotConfig } from './dot.js';
import { Add, Average, Maximum, Minimum, Multiply, Subtract } from './elementwise.js';

// Keras' functional forms: keras.layers.add([a, b]) is Add(**kwargs)([a, b]). Each builds a fresh
// layer with the options and applies it, so it works on eager tensors and on symbolic ones alike.

/**
 * What a merge function takes: eager tensors (a tensor comes out) or symbolic ones (a symbolic tensor comes out).
 * @example const inputs: MergeInputs = [Input({ shape: [3] }), Input({ shape: [3] })];
 */
export type MergeInputs = Tensor[] | SymbolicTensor[];
type MergeOutput<T extends MergeInputs> = T extends SymbolicTensor[] ? SymbolicTensor : Tensor;

function applyMerge<T extends MergeInputs>(
  layer: { apply(x: MergeInputs): Tensor | SymbolicTensor | (Tensor | SymbolicTensor)[] },
  inputs: T,
): MergeOutput<T> {
  return layer.apply(inputs) as MergeOutput<T>;
}

/**
 * `keras.layers.add`: an {@link Add} layer applied to `inputs`.
 * @example add([tensor([[1, 2]]), tensor([[3, 4]])]).arraySync() // [[4, 6]]
 */
export function add<T extends MergeInputs>(inputs: T, config: LayerConfig = {}): MergeOutput<T> {
  return applyMerge(new Add(config), inputs);
}

/**
 * `keras.layers.subtract`: a {@link Subtract} layer applied to two inputs.
 * @example subtract([tensor([[3, 4]]), tensor([[1, 1]])]).arraySync() // [[2, 3]]
 */
export function subtract<T extends MergeInputs>(inputs: T, config: LayerConfig = {}): MergeOutput<T> {
  return applyMerge(new Subtract(config), inputs);
}

/**
 * `keras.layers.multiply`: a {@link Multiply} layer applied to `inputs`.
 * @example multiply([tensor([[1, 2]]), tensor([[3, 4]])]).arraySync() // [[3, 8]]
 */
export function multiply<T extends MergeInputs>(inputs: T, config: LayerConfig = {}): MergeOutput<T> {
  return applyMerge(new Multiply(config), inputs);
}

/**
 * `keras.layers.average`: an {@link Average} layer applied to `inputs`.
 * @example average([tensor([[1, 2]]), tensor([[3, 4]])]).arraySync() // [[2, 3]]
 */
export function average<T extends MergeInputs>(inputs: T, config: LayerConfig = {}): MergeOutput<T> {
  return applyMerge(new Average(config), inputs);
}

/**
 * `keras.layers.maximum`: a {@link Maximum} layer applied to `inputs`.
 * @example maximum([tensor([[1, 5]]), tensor([[3, 4]])]).arraySync() // [[3, 5]]
 */
export function maximum<T extends MergeInputs>(inputs: T, config: LayerConfig = {}): MergeOutput<T> {
  return applyMerge(new Maximum(config), inputs);
}

/**
 * `keras.layers.minimum`: a {@link Minimum} layer applied to `inputs`.
 * @example minimum([tensor([[1, 5]]), tensor([[3, 4]])]).arraySync() // [[1, 4]]
 */
export function minimum<T extends MergeInputs>(inputs: T, config: LayerConfig = {}): MergeOutput<T> {
  return applyMerge(new Minimum(config), inputs);
}

/**
 * `keras.layers.concatenate(inputs, axis=-1, **kwargs)`: a {@link Concatenate} layer applied to
 * `inputs`. The second argument is the axis, or the layer's options.
 * @example concatenate([Input({ shape: [3] }), Input({ shape: [4] })], { axis: -1 }).shape // [null, 7]
 */
export function concatenate<T extends MergeInputs>(
  inputs: T,
  axisOrConfig: number | ConcatenateConfig = {},
): MergeOutput<T> {
  const config = typeof axisOrConfig === 'number' ? { axis: axisOrConfig } : axisOrConfig;
  return applyMerge(new Concatenate(config), inputs);
}

/**
 * `keras.layers.dot(inputs, axes=-1, **kwargs)`: a {@link Dot} layer applied to two inputs. The
 * second argument is the axes, or the layer's options (`axes` defaults to -1 here, as Keras).
 * @example dot([tensor([[1, 2, 3]]), tensor([[10, 20, 30]])], 1).arraySync() // [[140]]
 */
export function dot<T extends MergeInputs>(
  inputs: T,
  axesOrConfig: number | [number, number] | Partial<DotConfig> = -1,
): MergeOutput<T> {
  const config: DotConfig =
    typeof axesOrConfig === 'number' || Array.isArray(axesOrConfig)
      ? { axes: axesOrConfig }
      : { ...axesOrConfig, axes: axesOrConfig.axes ?? -1 };
  return applyMerge(new Dot(config), inputs);
}
