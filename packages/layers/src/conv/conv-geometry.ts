import { ShapeError, ValueError } from '@horn/tensor';
import { normalizeDataFormat } from '../engine/data-format.js';
import { enumOption } from '../engine/identifiers.js';
import { fmtShape, layerLabel, type NamedLayer } from '../engine/input-checks.js';
import type { LayerShape } from '../engine/layer-shape.js';

/**
 * Padding of a conv or pooling layer, as Keras: 'valid' (none) or 'same' (output `ceil(in / stride)`).
 * @example
 * const padding: ConvPadding = 'same';
 * new Conv2D({ filters: 2, kernelSize: 3, padding }).apply(ones([1, 5, 5, 1])).shape; // [1, 5, 5, 2]
 */
export type ConvPadding = 'valid' | 'same';

/**
 * Reads a padding option ('valid', 'same', also 'causal' where `allowCausal`), case-insensitive
 * as Keras; anything else throws a ValueError naming the layer and the valid values.
 * @example paddingOption('SAME', "Conv2D 'conv2d'") // 'same'
 */
export function paddingOption(value: unknown, label: string, allowCausal = false): ConvPadding | 'causal' {
  const valid: ('valid' | 'same' | 'causal')[] = allowCausal ? ['valid', 'same', 'causal'] : ['valid', 'same'];
  return enumOption(typeof value === 'string' ? value.toLowerCase() : value, valid, 'padding', label);
}

/**
 * Checks `dataFormat`: 'channels_last' (or 'channelsLast', the default) is accepted;
 * 'channels_first' throws a ValueError saying Horn layers are channels-last only (DESIGN.md).
 * @example checkDataFormat('channels_last', "Conv2D 'conv2d'")
 */
export function checkDataFormat(value: unknown, label: string): void {
  if (normalizeDataFormat(value, label) === 'channelsFirst') {
    throw new ValueError(
      `${label}: dataFormat 'channelsFirst' (channels_first) is not supported; Horn layers are channels-last (NHWC): use 'channelsLast' and transpose the input if needed`,
    );
  }
}

/**
 * Keras' `conv_output_length`: the output size of one spatial axis (null stays null).
 * @example convOutputLength(28, 3, 'valid', 1) // 26
 */
export function convOutputLength(
  size: number | null,
  kernel: number,
  padding: ConvPadding | 'causal',
  stride: number,
  dilation = 1,
): number | null {
  if (size === null) return null;
  const effective = (kernel - 1) * dilation + 1;
  const length = padding === 'valid' ? size - effective + 1 : size;
  return Math.floor((length + stride - 1) / stride);
}

/**
 * Keras' `compute_conv_transpose_output_length` for one axis (null stays null): without output
 * padding 'valid' gives `in * s + max(k - s, 0)` and 'same' gives `in * s`; with it,
 * `(in - 1) * s + k - 2 * pad + outputPadding` where pad is `floor(k / 2)` for 'same'.
 * @example convTransposeOutputLength(3, 3, 'valid', 2) // 7
 */
export function convTransposeOutputLength(
  size: number | null,
  kernel: number,
  padding: ConvPadding,
  stride: number,
  dilation = 1,
  outputPadding: number | null = null,
): number | null {
  if (size === null) return null;
  const effective = (kernel - 1) * dilation + 1;
  if (outputPadding === null) {
    return padding === 'valid' ? size * stride + Math.max(effective - stride, 0) : size * stride;
  }
  const pad = padding === 'same' ? Math.floor(effective / 2) : 0;
  return (size - 1) * stride + effective - 2 * pad + outputPadding;
}

/**
 * Throws when a window (dilated kernel or pool) is larger than the known spatial input with
 * 'valid' padding: `Conv2D 'conv2d_1': kernel 3x3 is larger than the input 2x2 with padding 'valid'`.
 * @example assertWindowFits(layer, 'kernel', [3, 3], [1, 1], [null, 2, 2, 1], 'valid')
 */
export function assertWindowFits(
  layer: NamedLayer,
  what: 'kernel' | 'pool',
  window: readonly number[],
  dilation: readonly number[],
  inputShape: LayerShape,
  padding: ConvPadding | 'causal',
): void {
  if (padding !== 'valid') return;
  const spatial = inputShape.slice(1, 1 + window.length);
  const effective = window.map((k, i) => (k - 1) * dilation[i] + 1);
  if (spatial.some((d, i) => d !== null && d < effective[i])) {
    const dilated = effective.some((e, i) => e !== window[i]) ? ` (dilated to ${effective.join('x')})` : '';
    throw new ShapeError(
      `${layerLabel(layer)}: ${what} ${window.join('x')}${dilated} is larger than the input ${spatial.map((d) => d ?? 'null').join('x')} with padding 'valid' (input shape ${fmtShape(inputShape)})`,
    );
  }
}

/**
 * Keras refuses strides > 1 together with a dilation rate > 1 (TensorFlow cannot run it).
 * @example assertStridesOrDilation([2, 2], [1, 1], "Conv2D 'conv2d'")
 */
export function assertStridesOrDilation(strides: readonly number[], dilation: readonly number[], label: string): void {
  if (strides.some((s) => s > 1) && dilation.some((d) => d > 1)) {
    throw new ValueError(
      `${label}: strides > 1 together with dilationRate > 1 is not supported (as in Keras), got strides [${strides}] and dilationRate [${dilation}]`,
    );
  }
}
