import { checkGradients } from '@horn/autograd';
import { ShapeError, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { GroupedQueryAttention, GroupQueryAttention, getRegisteredClass, runLayerTest } from '../index.js';
import { expectMultiHeadGolden, goldenCases } from './goldens.test.helpers.js';

describe('GroupedQueryAttention matches Keras 3 (weights moved from Keras)', () => {
  test.each(goldenCases('GroupedQueryAttention').map((c) => [c.name, c] as const))('%s', (_, c) => {
    expectMultiHeadGolden(new GroupedQueryAttention(c.config as never), c);
  });

  test("Keras' export name GroupQueryAttention is the same class, registered under both names", () => {
    expect(GroupQueryAttention).toBe(GroupedQueryAttention);
    expect(getRegisteredClass('GroupQueryAttention')).toBe(GroupedQueryAttention);
    expect(getRegisteredClass('GroupedQueryAttention')).toBe(GroupedQueryAttention);
  });
});

test('GroupedQueryAttention follows the layer contract (cross-attention, dropout in training)', () =>
  runLayerTest(GroupedQueryAttention, {
    config: { headDim: 2, numQueryHeads: 4, numKeyValueHeads: 2, dropout: 0.2, seed: 5 },
    inputShape: [
      [2, 3, 4],
      [2, 5, 4],
    ],
    expectedOutputShape: [2, 3, 4],
    expectedNumTrainableWeights: 8,
    training: true,
  }));

test('the query gradient agrees with finite differences (shared heads, causal)', () => {
  const layer = new GroupedQueryAttention({ headDim: 2, numQueryHeads: 2, numKeyValueHeads: 1 });
  const q = tensor([
    [
      [0.1, -0.4, 0.2],
      [0.3, 0.2, -0.1],
      [-0.5, 0.6, 0.3],
    ],
  ]);
  const f = (query: Tensor) => layer.apply([query, query], { useCausalMask: true });
  expect(checkGradients(f, [q]).passed).toBe(true);
});

test('bad input is refused by name', () => {
  expect(() => new GroupedQueryAttention({ headDim: 2, numQueryHeads: 3, numKeyValueHeads: 2 })).toThrow(
    /numQueryHeads must be a multiple of numKeyValueHeads, got numQueryHeads 3 and numKeyValueHeads 2/,
  );
  expect(() => new GroupedQueryAttention({ headDim: 0, numQueryHeads: 2, numKeyValueHeads: 1 })).toThrow(
    /headDim must be a positive integer, got 0/,
  );
  const layer = new GroupedQueryAttention({ headDim: 2, numQueryHeads: 2, numKeyValueHeads: 1 });
  expect(() => layer.apply([tensor([[[1, 2, 3]]]), tensor([[[1, 2]]])])).toThrow(ShapeError);
  expect(() => layer.apply([tensor([[[1, 2, 3]]]), tensor([[[1, 2]]])])).toThrow(
    /expected query and value with the same last dimension \(Keras\), got query \[null, 1, 3\], value \[null, 1, 2\]/,
  );
});
