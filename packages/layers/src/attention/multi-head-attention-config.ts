import { ValueError } from '@horn/tensor';
import type { ConstraintId } from '../constraints/get-constraint.js';
import type { LayerConfig } from '../engine/layer.js';
import type { InitializerId } from '../initializers/get-initializer.js';
import type { RegularizerId } from '../regularizers/get-regularizer.js';

/** The options MultiHeadAttention and GroupedQueryAttention share (dropout, biases, the weights' specs, the seed). @internal */
export interface HeadProjectionConfig extends LayerConfig {
  /** The fraction of the attention weights dropped in training, in [0, 1). Default 0. */
  dropout?: number;
  /** Whether the projections have biases. Default true. */
  useBias?: boolean;
  /** Lets query step `i` see key steps `j` with `|i - j| < slidingWindow` only. Default null: all. */
  slidingWindow?: number | null;
  /** Keras' gated attention; Horn takes only false (the default). */
  useGate?: boolean;
  /** Default `'glorotUniform'`. */
  kernelInitializer?: InitializerId;
  /** Default `'zeros'`. */
  biasInitializer?: InitializerId;
  kernelRegularizer?: RegularizerId | null;
  biasRegularizer?: RegularizerId | null;
  kernelConstraint?: ConstraintId | null;
  biasConstraint?: ConstraintId | null;
  /** Seeds the dropout. */
  seed?: number | null;
}

/** The config keys of the projection weights' specs and the seed, in Keras' order. @internal */
export const HEAD_WEIGHT_KEYS: readonly string[] = [
  'kernelInitializer',
  'biasInitializer',
  'kernelRegularizer',
  'biasRegularizer',
  'kernelConstraint',
  'biasConstraint',
  'seed',
];

/**
 * Options of {@link MultiHeadAttention}.
 * @example
 * const mha = new MultiHeadAttention({ numHeads: 2, keyDim: 8, valueDim: 4, outputShape: 6, dropout: 0.1, useBias: true });
 * mha.apply([ones([4, 10, 16]), ones([4, 12, 16])]).shape; // [4, 10, 6]
 */
export interface MultiHeadAttentionConfig extends HeadProjectionConfig {
  /** The number of attention heads, a positive integer. */
  numHeads: number;
  /** The size of each head for the query and key, a positive integer. */
  keyDim: number;
  /** The size of each head for the value. Default `keyDim`. */
  valueDim?: number | null;
  /** The output's shape after the batch and query axes (an integer or a list). Default: the query's last dimension. */
  outputShape?: number | number[] | null;
  /** The axes attention runs over (of the input, batch 0 and features excluded). Default: every axis between. */
  attentionAxes?: number | number[] | null;
}

/** The numbers of a MultiHeadAttention config, checked. @internal */
export interface MultiHeadAttentionShape {
  numHeads: number;
  keyDim: number;
  valueDim: number;
  dropout: number;
  outputShape: number[] | null;
  attentionAxes: number[] | null;
  slidingWindow: number | null;
}

const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/**
 * Checks the numeric options of a MultiHeadAttention config (Keras' errors, naming what was given).
 * @example readMultiHeadShape({ numHeads: 2, keyDim: 4 }).valueDim // 4
 */
export function readMultiHeadShape(
  config: MultiHeadAttentionConfig,
  owner = 'MultiHeadAttention',
): MultiHeadAttentionShape {
  const { numHeads, keyDim, valueDim, dropout, outputShape, attentionAxes, slidingWindow, useGate } = config;
  const fail = (what: string, given: unknown) => {
    throw new ValueError(`${owner}: ${what}, got ${JSON.stringify(given)}`);
  };
  if (!positiveInt(numHeads)) fail('numHeads must be a positive integer', numHeads);
  if (!positiveInt(keyDim)) fail('keyDim must be a positive integer', keyDim);
  if (valueDim !== undefined && valueDim !== null && !positiveInt(valueDim)) {
    fail('valueDim must be a positive integer or null', valueDim);
  }
  if (dropout !== undefined && (typeof dropout !== 'number' || !(dropout >= 0 && dropout < 1))) {
    fail('dropout must be a number in [0, 1)', dropout);
  }
  const outList = outputShape === undefined || outputShape === null ? null : [outputShape].flat();
  if (outList && (outList.length === 0 || !outList.every(positiveInt))) {
    fail('outputShape must be a positive integer or a non-empty list of them', outputShape);
  }
  const axes = attentionAxes === undefined || attentionAxes === null ? null : [attentionAxes].flat();
  if (axes && (axes.length === 0 || !axes.every((a) => Number.isInteger(a)))) {
    fail('attentionAxes must be an integer or a non-empty list of integers', attentionAxes);
  }
  if (slidingWindow !== undefined && slidingWindow !== null && !positiveInt(slidingWindow)) {
    fail('slidingWindow must be a positive integer or null', slidingWindow);
  }
  if (useGate !== undefined && useGate !== false)
    fail('useGate (gated attention) is not supported: expected false', useGate);
  if (config.activityRegularizer) {
    fail(
      "activityRegularizer is not supported (Keras applies it to each of the four projections' outputs); expected null",
      config.activityRegularizer,
    );
  }
  return {
    numHeads,
    keyDim,
    valueDim: valueDim ?? keyDim,
    dropout: dropout ?? 0,
    outputShape: outList,
    attentionAxes: axes,
    slidingWindow: slidingWindow ?? null,
  };
}
