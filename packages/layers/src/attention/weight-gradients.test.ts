import { checkGradients, grads } from '@horn/autograd';
import { mul, randomUniform, type Tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import type { Layer } from '../engine/layer.js';
import { AdditiveAttention } from './additive-attention.js';
import { Attention } from './attention.js';
import { GroupedQueryAttention } from './grouped-query-attention.js';
import { MultiHeadAttention } from './multi-head-attention.js';

/** Where a layer keeps one weight: an object and the field that holds the variable. */
type Slot = [Record<string, unknown>, string];

interface Case {
  make: () => Layer;
  /** The fields holding the weights, in `layer.weights` order. */
  slots: (layer: Layer) => Slot[];
  /**
   * Weights whose gradient is exactly zero: the key bias adds `q·b` to every score of a query,
   * which the softmax over the keys cancels.
   */
  zeroGradient?: number[];
}

const own = (layer: Layer) => layer as unknown as Record<string, unknown>;
/** MultiHeadAttention's `projections` / GroupedQueryAttention's `weightsByName`: `{ kernel, bias }` per projection. */
function projectionSlots(layer: Layer, holder: string, names: string[]): Slot[] {
  const byName = (layer as unknown as Record<string, Record<string, Record<string, unknown>>>)[holder];
  return names.flatMap((n): Slot[] => [
    [byName[n], 'kernel'],
    [byName[n], 'bias'],
  ]);
}

const cases: Record<string, Case> = {
  'Attention concat (scale, concat_score_weight)': {
    make: () => new Attention({ scoreMode: 'concat', useScale: true }),
    slots: (l) => [
      [own(l), 'scale'],
      [own(l), 'concatScoreWeight'],
    ],
  },
  'Attention dot (scale)': {
    make: () => new Attention({ useScale: true }),
    slots: (l) => [[own(l), 'scale']],
  },
  'AdditiveAttention (scale)': {
    make: () => new AdditiveAttention({ useScale: true }),
    slots: (l) => [[own(l), 'scale']],
  },
  'MultiHeadAttention (query, key, value, output kernels and biases)': {
    make: () => new MultiHeadAttention({ numHeads: 2, keyDim: 2 }),
    slots: (l) => projectionSlots(l, 'projections', ['query', 'key', 'value', 'output']),
    zeroGradient: [3],
  },
  'GroupedQueryAttention (query, key, value, output kernels and biases)': {
    make: () => new GroupedQueryAttention({ headDim: 2, numQueryHeads: 2, numKeyValueHeads: 1 }),
    slots: (l) => projectionSlots(l, 'weightsByName', ['query', 'key', 'value', 'attention_output']),
    zeroGradient: [3],
  },
};

describe('attention weight gradients agree with finite differences', () => {
  test.each(Object.entries(cases))('%s', (_name, c) => {
    const q = randomUniform([2, 3, 4], { min: -1, max: 1, seed: 1 });
    const v = randomUniform([2, 2, 4], { min: -1, max: 1, seed: 2 });
    const layer = c.make();
    const out = layer.apply([q, v]) as Tensor;
    // Seeded weights away from the initial values (non-zero biases, a scale that is not 1).
    layer.setWeights(layer.weights.map((w, i) => randomUniform(w.shape, { min: -1, max: 1, seed: 10 + i })));
    const slots = c.slots(layer);
    expect(slots.map(([o, k]) => o[k])).toEqual(layer.weights);
    const saved = slots.map(([o, k]) => o[k]);
    // Uneven output weights, so no error can cancel in the sum checkGradients takes.
    const coefficients = randomUniform(out.shape, { min: -1, max: 1, seed: 5 });
    // Runs the layer with its weights replaced by plain tensors, so checkGradients can move them.
    const f = (query: Tensor, value: Tensor, ...ws: Tensor[]) => {
      slots.forEach(([o, k], i) => {
        o[k] = ws[i];
      });
      try {
        return mul(layer.apply([query, value]) as Tensor, coefficients);
      } finally {
        slots.forEach(([o, k], i) => {
          o[k] = saved[i];
        });
      }
    };
    const inputs = [q, v, ...layer.weights.map((w) => w.clone())];
    const report = checkGradients(f, inputs, { epsilon: 1e-2, tolerance: 2e-3 });
    expect(report.inputs).toHaveLength(2 + slots.length);
    expect(report.passed).toBe(true);
    expect(report.maxError).toBeLessThan(2e-3);
    // The swap reaches the call: every weight has a gradient that is not zero, but the key bias.
    const g = grads(f)(inputs).slice(2);
    g.forEach((w, i) => {
      const largest = w.abs().max().dataSync()[0];
      if (c.zeroGradient?.includes(i)) expect(largest).toBeLessThan(1e-6);
      else expect(largest).toBeGreaterThan(1e-4);
    });
  });
});
