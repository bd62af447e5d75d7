import { checkGradients } from '@horn/autograd';
import { ShapeError, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { MultiHeadAttention, runLayerTest } from '../index.js';
import { expectMultiHeadGolden, goldenCases } from './goldens.test.helpers.js';

describe('MultiHeadAttention matches Keras 3 (weights moved from Keras)', () => {
  test.each(goldenCases('MultiHeadAttention').map((c) => [c.name, c] as const))('%s', (_, c) => {
    expectMultiHeadGolden(new MultiHeadAttention(c.config as never), c);
  });
});

describe('the layer contract', () => {
  test('self-attention', () =>
    runLayerTest(MultiHeadAttention, {
      config: { numHeads: 2, keyDim: 3 },
      inputShape: [
        [2, 4, 5],
        [2, 4, 5],
      ],
      expectedOutputShape: [2, 4, 5],
      expectedNumTrainableWeights: 8,
    }));
  test('cross-attention with a key, valueDim, outputShape, no bias, dropout in training', () =>
    runLayerTest(MultiHeadAttention, {
      config: { numHeads: 3, keyDim: 2, valueDim: 4, outputShape: [2, 3], useBias: false, dropout: 0.2, seed: 4 },
      inputShape: [
        [2, 3, 5],
        [2, 4, 6],
        [2, 4, 7],
      ],
      expectedOutputShape: [2, 3, 2, 3],
      expectedNumTrainableWeights: 4,
      training: true,
    }));
});

describe('gradients', () => {
  test('the query and value gradients agree with finite differences (causal, value mask)', () => {
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 2, seed: 1 });
    const q = tensor([
      [
        [0.1, -0.4, 0.2],
        [0.3, 0.2, -0.1],
        [-0.5, 0.6, 0.3],
      ],
    ]);
    const v = tensor([
      [
        [0.2, 0.1, -0.2],
        [-0.3, 0.5, 0.4],
        [0.1, 0.1, 0.1],
      ],
    ]);
    const valueMask = tensor([[true, false, true]]);
    const f = (query: Tensor, value: Tensor) => layer.apply([query, value], { useCausalMask: true, valueMask });
    const report = checkGradients(f, [q, v]);
    expect(report.inputs).toHaveLength(2);
    expect(report.passed).toBe(true);
  });
});

describe('bad input', () => {
  test('numHeads, keyDim and the other numbers are checked by name', () => {
    expect(() => new MultiHeadAttention({ numHeads: 0, keyDim: 2 })).toThrow(
      /numHeads must be a positive integer, got 0/,
    );
    expect(() => new MultiHeadAttention({ numHeads: 2.5, keyDim: 2 })).toThrow(ValueError);
    expect(() => new MultiHeadAttention({ numHeads: 2, keyDim: -1 })).toThrow(
      /keyDim must be a positive integer, got -1/,
    );
    expect(() => new MultiHeadAttention({ numHeads: 2, keyDim: '4' as never })).toThrow(/keyDim .* got "4"/);
    expect(() => new MultiHeadAttention({ numHeads: 2, keyDim: 2, useGate: true })).toThrow(/useGate/);
    expect(() => new MultiHeadAttention({ num_heads: 2, key_dim: 2, flash_attention: true } as never)).toThrow(
      /flash/i,
    );
  });
  test('shapes and masks that do not fit are refused, naming expected and given', () => {
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 2 });
    const q = tensor([
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ]);
    expect(() => layer.apply(q)).toThrow(/expected a list \[query, value\] or \[query, value, key\], got one input/);
    expect(() => layer.apply([q, tensor([[1, 2, 3]])])).toThrow(ShapeError);
    layer.apply([q, q]);
    expect(() => layer.apply([tensor([[[1, 2]]]), q])).toThrow(
      /expected the feature sizes it was built for \(query 3, value 3, key 3\), got query \[null, 1, 2\]|query \[1, 1, 2\]/,
    );
    expect(() => layer.apply([q, q], { attentionMask: tensor([[true, false, true]]) })).toThrow(
      /expected attentionMask of shape \[1, 2, 2\] \(or broadcastable to it\), got \[1,3\]/,
    );
    expect(() => layer.apply([q, q], { valueMask: tensor([[true, false, true]]) })).toThrow(
      /expected the value mask of shape \[1, 2\], got \[1,3\]/,
    );
    expect(() => new MultiHeadAttention({ numHeads: 2, keyDim: 2, attentionAxes: [3] }).apply([q, q])).toThrow(
      /attentionAxes must be distinct axes .* \(1..1\), got \[3\]/,
    );
  });
});
