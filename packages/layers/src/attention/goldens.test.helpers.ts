import { readFileSync } from 'node:fs';
import { type NestedArray, type Tensor, tensor } from '@horn/tensor';
import { expect } from 'vitest';
import type { GroupedQueryAttention } from './grouped-query-attention.js';
import type { MultiHeadAttention } from './multi-head-attention.js';

/** One case of fixtures/attention-goldens.json (made by packages/layers/fixtures/make-attention.py). */
export interface GoldenCase {
  name: string;
  className: string;
  config: Record<string, unknown>;
  weights: { name: string; shape: number[]; values: NestedArray | number }[];
  inputs?: NestedArray[];
  query?: NestedArray;
  value?: NestedArray;
  key?: NestedArray | null;
  attentionMask?: NestedArray | null;
  masks?: (NestedArray | null)[] | Record<string, NestedArray> | null;
  outputMask?: NestedArray | null;
  useCausalMask: boolean;
  returnAttentionScores: boolean;
  output: NestedArray;
  scores?: NestedArray;
}

const file = new URL('./fixtures/attention-goldens.json', import.meta.url);
const goldens = JSON.parse(readFileSync(file, 'utf8')) as { keras: string; cases: GoldenCase[] };

/** The golden cases of one Keras class. */
export function goldenCases(className: string): GoldenCase[] {
  return goldens.cases.filter((c) => c.className === className);
}

/** A float32 tensor from nested numbers, or a bool tensor from nested booleans. */
export function fromJson(values: NestedArray | number): Tensor {
  let first: unknown = values;
  while (Array.isArray(first)) first = first[0];
  return tensor(values as NestedArray, undefined, typeof first === 'boolean' ? 'bool' : 'float32');
}

/** Keras' weights of a case, in `layer.weights` order, as tensors of their shapes. */
export function weightTensors(c: GoldenCase): Tensor[] {
  return c.weights.map((w) => tensor(w.values as NestedArray, w.shape, 'float32'));
}

/** Asserts `got` equals the nested `want` to `tol` (absolute) elementwise, shapes included. */
export function expectClose(got: Tensor, want: NestedArray, tol = 1e-5): void {
  const expected = fromJson(want);
  expect(got.shape).toEqual(expected.shape);
  const a = got.dataSync();
  const b = expected.dataSync();
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(Number(a[i]) - Number(b[i])));
  expect(worst).toBeLessThan(tol);
}

/**
 * Builds a MultiHeadAttention / GroupedQueryAttention on a golden case's inputs, checks its weight
 * names and shapes against Keras', sets Keras' weights and asserts the output (and the scores) to 1e-5.
 */
export function expectMultiHeadGolden(layer: MultiHeadAttention | GroupedQueryAttention, c: GoldenCase): void {
  const inputs = [c.query, c.value, ...(c.key ? [c.key] : [])].map((x) => fromJson(x as NestedArray));
  const masks = (c.masks ?? {}) as Record<string, NestedArray>;
  const options = {
    attentionMask: c.attentionMask ? fromJson(c.attentionMask) : null,
    queryMask: masks.query_mask ? fromJson(masks.query_mask) : null,
    valueMask: masks.value_mask ? fromJson(masks.value_mask) : null,
    keyMask: masks.key_mask ? fromJson(masks.key_mask) : null,
    useCausalMask: c.useCausalMask,
  };
  layer.apply(inputs);
  const layout = (ws: { name: string; shape: readonly number[] }[]) =>
    ws.map((w) => [w.name.split('/').slice(1).join('/'), [...w.shape]]);
  expect(layout(layer.weights)).toEqual(layout(c.weights));
  layer.setWeights(weightTensors(c));
  if (c.returnAttentionScores) {
    const [out, scores] = layer.applyWithScores(inputs, options);
    expectClose(out, c.output);
    expectClose(scores, c.scores as NestedArray);
  } else {
    expectClose(layer.apply(inputs, options), c.output);
  }
}
