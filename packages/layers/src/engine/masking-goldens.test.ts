import { readFileSync } from 'node:fs';
import { checkGradients } from '@horn/autograd';
import { type NestedArray, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  Add,
  Average,
  BatchNormalization,
  Concatenate,
  GlobalAveragePooling1D,
  getKerasMask,
  type Layer,
  Masking,
  Maximum,
  Minimum,
  Softmax,
} from '../index.js';

// Made by packages/layers/fixtures/make-masking.py (Keras 3, JAX backend).
interface Case {
  input?: NestedArray;
  output: NestedArray;
  mask: NestedArray | null;
  maskValue?: number;
  movingMean?: number[];
  movingVariance?: number[];
}
const goldens = JSON.parse(readFileSync(new URL('./fixtures/masking-goldens.json', import.meta.url), 'utf8')) as {
  cases: Record<string, Case>;
};
const cases = goldens.cases;

// The inputs of the script: padded steps are all 0.
const x = tensor([
  [
    [1, 2],
    [0.5, -1],
    [0, 0],
    [0, 0],
  ],
  [
    [3, -2],
    [0, 1],
    [2, 2],
    [0, 0],
  ],
]);
const y = tensor([
  [
    [-1, 4],
    [0, 0],
    [2, 1],
    [0, 0],
  ],
  [
    [1, 1],
    [0, 0],
    [-3, 0.5],
    [1, 2],
  ],
]);

const bools = (m: NestedArray | null) =>
  m === null ? null : JSON.parse(JSON.stringify(m).replace(/true/g, '1').replace(/false/g, '0'));

function expectClose(t: Tensor, want: NestedArray): void {
  const got = t.dataSync();
  const flat = (want as unknown[]).flat(Number.POSITIVE_INFINITY) as number[];
  expect(got.length).toBe(flat.length);
  flat.forEach((v, i) => {
    expect(got[i]).toBeCloseTo(v, 5);
  });
}

describe('merge layers on masked inputs (Keras 3 goldens)', () => {
  const merges: [string, () => Layer][] = [
    ['add', () => new Add()],
    ['maximum', () => new Maximum()],
    ['minimum', () => new Minimum()],
    ['average', () => new Average()],
    ['concatenate_axis1', () => new Concatenate({ axis: 1 })],
    ['concatenate_axis-1', () => new Concatenate({ axis: -1 })],
  ];
  for (const [name, make] of merges) {
    test(`${name}: output and output mask`, () => {
      const a = new Masking().apply(x);
      const b = new Masking().apply(y);
      const out = make().apply([a, b]) as Tensor;
      expectClose(out, cases[name].output);
      expect(getKerasMask(out)?.arraySync()).toEqual(bools(cases[name].mask));
    });
  }

  test('Concatenate with one unmasked input: that input counts as all kept', () => {
    const out = new Concatenate({ axis: 1 }).apply([new Masking().apply(x), y]) as Tensor;
    expectClose(out, cases.concatenate_one_unmasked.output);
    expect(getKerasMask(out)?.arraySync()).toEqual(bools(cases.concatenate_one_unmasked.mask));
  });

  test('Add with one unmasked input: no output mask (Keras ORs only when every input has one)', () => {
    const out = new Add().apply([new Masking().apply(x), y]) as Tensor;
    expect(getKerasMask(out)).toBeNull();
  });

  test('a merge mask that is not one entry per input: a ValueError', () => {
    expect(() => new Add().apply([x, y], { mask: [null] })).toThrow(
      /the lists inputs and mask should have the same length, got 2 inputs and 1 masks/,
    );
  });
});

describe('GlobalAveragePooling1D on a masked input (Keras 3 golden)', () => {
  test('the mean over the unmasked steps; no mask after it', () => {
    const out = new GlobalAveragePooling1D().apply(new Masking().apply(x));
    expectClose(out, cases.global_average_pooling1d.output);
    expect(getKerasMask(out)).toBeNull();
  });

  test('padded and unpadded sequences give the same output', () => {
    const padded = new GlobalAveragePooling1D().apply(new Masking().apply(x));
    const first = new GlobalAveragePooling1D().apply(
      tensor([
        [
          [1, 2],
          [0.5, -1],
        ],
      ]),
    );
    expect(Array.from(padded.dataSync().slice(0, 2))).toEqual(Array.from(first.dataSync()));
  });

  test('a mask of the wrong shape: a ShapeError naming both shapes', () => {
    const mask = tensor([[true, false]], [1, 2], 'bool');
    expect(() =>
      new GlobalAveragePooling1D({ name: 'gap' }).apply(tensor([[[1], [2]]]), {
        mask: tensor([[true]], [1, 1], 'bool'),
      }),
    ).toThrow(
      /expected a mask of shape \[batch, steps\] = \[1, 2\] for input of shape \[1, 2, 1\], got a mask of shape \[1, 1\]/,
    );
    expect(() => new GlobalAveragePooling1D().apply(tensor([[[1], [2]]]), { mask })).not.toThrow();
  });
});

describe('gradients through the masked layers (checkGradients)', () => {
  test('Masking, masked GlobalAveragePooling1D, Maximum with masks, masked Softmax', () => {
    const mask = tensor(
      [
        [true, true, false, false],
        [true, true, true, false],
      ],
      [2, 4],
      'bool',
    );
    const gap = new GlobalAveragePooling1D();
    const masking = new Masking({ maskValue: 0 });
    const maximum = new Maximum();
    const softmax = new Softmax();
    // Inputs away from ties (max) and from the mask value (Masking), so finite differences are smooth.
    const a = tensor([
      [
        [1, 2],
        [0.5, -1],
        [0.3, 0.7],
        [-0.2, 0.4],
      ],
      [
        [3, -2],
        [0.1, 1],
        [2, 2.5],
        [0.6, -0.3],
      ],
    ]);
    const b = a.mul(0.7).add(0.05);
    expect(checkGradients((v) => gap.apply(v, { mask }).sum(), [a]).passed).toBe(true);
    expect(checkGradients((v) => masking.apply(v).mul(v).sum(), [a]).passed).toBe(true);
    expect(checkGradients((u, v) => maximum.apply([u, v], { mask: [mask, mask] }).sum(), [a, b]).passed).toBe(true);
    expect(
      checkGradients(
        (v) =>
          softmax
            .apply(v, { mask: tensor([true, false], [2], 'bool') })
            .mul(v)
            .sum(),
        [a],
      ).passed,
    ).toBe(true);
  });
});

describe('BatchNormalization and Softmax consume masks (Keras 3 goldens)', () => {
  test('BatchNormalization in training: moments over the unmasked steps', () => {
    const c = cases.batch_normalization;
    const bn = new BatchNormalization({ momentum: 0.5 });
    const mask = tensor(bools(c.mask) as number[][], [2, 4], 'bool');
    expectClose(bn.apply(x, { training: true, mask }), c.output);
    const [, , movingMean, movingVariance] = bn.getWeights();
    expectClose(movingMean, c.movingMean as number[]);
    expectClose(movingVariance, c.movingVariance as number[]);
  });

  test('BatchNormalization: a mask whose rank is not the input rank - 1 is refused', () => {
    const bn = new BatchNormalization();
    expect(() => bn.apply(x, { training: true, mask: tensor([[[true]]], [1, 1, 1], 'bool') })).toThrow(/mask/);
  });

  test('Softmax with a mask: masked positions get 0 (a fully masked row is all 0)', () => {
    const c = cases.softmax;
    const mask = tensor(bools(c.mask) as number[][], [2, 3], 'bool');
    expectClose(new Softmax().apply(tensor(c.input as number[][][]), { mask }), c.output);
    expect(() =>
      new Softmax().apply(tensor(c.input as number[][][]), { mask: tensor([[true, false]], [1, 2], 'bool') }),
    ).toThrow(/the mask must be broadcastable to the inputs/);
  });
});
