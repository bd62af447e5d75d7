import { checkGradients } from '@horn/autograd';
import { ShapeError, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { AdditiveAttention, Attention, runLayerTest } from '../index.js';
import { expectClose, fromJson, goldenCases, weightTensors } from './goldens.test.helpers.js';

const cases = [...goldenCases('Attention'), ...goldenCases('AdditiveAttention')];

describe('Attention and AdditiveAttention match Keras 3', () => {
  test.each(cases.map((c) => [`${c.className} ${c.name}`, c] as const))('%s', (_, c) => {
    const cls = c.className === 'Attention' ? Attention : AdditiveAttention;
    const layer = new cls(c.config);
    const inputs = (c.inputs ?? []).map(fromJson);
    const masks = Array.isArray(c.masks) ? c.masks.map((m) => (m === null ? null : fromJson(m))) : undefined;
    const options = { mask: masks, useCausalMask: c.useCausalMask };
    layer.apply(inputs, options);
    layer.setWeights(weightTensors(c));
    expect(layer.weights.map((w) => w.name.split('/').at(-1))).toEqual(c.weights.map((w) => w.name.split('/').at(-1)));
    if (c.returnAttentionScores) {
      const [out, scores] = layer.applyWithScores(inputs, options);
      expectClose(out, c.output);
      expectClose(scores, c.scores as never);
    } else {
      expectClose(layer.apply(inputs, options), c.output);
    }
    if (masks) {
      const mask = layer.computeMask(inputs, masks) as Tensor | null;
      if (c.outputMask) expect(mask?.arraySync()).toEqual(fromJson(c.outputMask).arraySync());
      else expect(mask).toBeNull();
    }
  });
});

describe('the layer contract', () => {
  test('Attention dot with scale', () =>
    runLayerTest(Attention, {
      config: { useScale: true },
      inputShape: [
        [2, 3, 4],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 4],
      expectedNumTrainableWeights: 1,
    }));
  test('Attention concat with a key', () =>
    runLayerTest(Attention, {
      config: { scoreMode: 'concat', useScale: true },
      inputShape: [
        [2, 3, 4],
        [2, 5, 6],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 6],
      expectedNumTrainableWeights: 2,
    }));
  test('AdditiveAttention with dropout in training', () =>
    runLayerTest(AdditiveAttention, {
      config: { dropout: 0.3, seed: 2 },
      inputShape: [
        [2, 3, 4],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 4],
      expectedNumTrainableWeights: 1,
      training: true,
    }));
});

describe('gradients', () => {
  const q = tensor([
    [
      [0.1, -0.4],
      [0.3, 0.2],
      [-0.5, 0.6],
    ],
  ]);
  const v = tensor([
    [
      [0.2, 0.1],
      [-0.3, 0.5],
    ],
  ]);
  const mask = [tensor([[true, true, false]]), tensor([[true, false]])];
  test.each([
    ['Attention dot', () => new Attention({ useScale: true })],
    ['Attention concat', () => new Attention({ scoreMode: 'concat', useScale: true })],
    ['AdditiveAttention', () => new AdditiveAttention()],
  ] as const)('%s: the query and value gradients agree with finite differences', (_, make) => {
    const layer = make();
    const f = (query: Tensor, value: Tensor) =>
      layer.apply([query, value], { mask: [null, null], useCausalMask: true });
    expect(checkGradients(f, [q, v]).passed).toBe(true);
    const masked = (query: Tensor, value: Tensor) => layer.apply([query, value], { mask });
    expect(checkGradients(masked, [q, v]).passed).toBe(true);
  });
});

describe('bad input', () => {
  test('a single input, mismatched features, and masks of the wrong shape are refused by name', () => {
    const layer = new Attention();
    expect(() => layer.apply(tensor([[[1, 2]]]))).toThrow(
      /expected a list \[query, value\] or \[query, value, key\], got one input \[null, 1, 2\]/,
    );
    expect(() => new Attention().apply([tensor([[[1, 2]]]), tensor([[[1, 2, 3]]])])).toThrow(ShapeError);
    expect(() => new Attention().apply([tensor([[[1, 2]]]), tensor([[[1, 2, 3]]])])).toThrow(
      /same last dimension, got query \[null, 1, 2\] and key \[null, 1, 3\]/,
    );
    const x = tensor([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(() => layer.apply([x, x], { mask: [null, tensor([[true, false, true]])] })).toThrow(
      /expected the value mask \(mask\[1\]\) of shape \[1, 2\], got \[1,3\]/,
    );
    expect(() => layer.apply([x, x], { mask: tensor([[true, false]]) })).toThrow(/mask to be a list/);
    expect(() => new Attention({ scoreMode: 'general' as 'dot' })).toThrow(ValueError);
    expect(() => new Attention({ scoreMode: 'general' as 'dot' })).toThrow(
      /scoreMode must be 'dot' or 'concat', got "general"/,
    );
    expect(() => new AdditiveAttention({ dropout: 1.5 })).toThrow(/dropout must be a number in \[0, 1\), got 1.5/);
  });
});
