import { readFileSync } from 'node:fs';
import { type NestedArray, ones, randomUniform, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { expectClose } from '../attention/goldens.test.helpers.js';
import { Conv1D } from '../conv/conv1d.js';
import { Dense } from '../core/dense.js';
import { Flatten } from '../core/flatten.js';
import { deserializeLayer } from '../engine/serialize-layer.js';
import { LSTM } from './lstm.js';
import { TimeDistributed } from './time-distributed.js';

interface TimeDistributedCase {
  name: string;
  className: string;
  config: Record<string, unknown>;
  weights: { shape: number[]; values: NestedArray }[];
  input: NestedArray;
  mask: NestedArray | null;
  output: NestedArray;
  outputMask: NestedArray | null;
}

// Made by packages/layers/fixtures/make-wrappers.py (Keras 3, JAX).
const goldens = JSON.parse(
  readFileSync(new URL('./fixtures/time-distributed-goldens.json', import.meta.url), 'utf8'),
) as { cases: TimeDistributedCase[] };

/** The case's TimeDistributed, built and holding Keras' weights, and its input and mask. */
function goldenCase(name: string) {
  const c = goldens.cases.find((k) => k.name === name) as TimeDistributedCase;
  const td = new TimeDistributed({ layer: deserializeLayer({ className: c.className, config: c.config }) });
  const x = tensor(c.input);
  td.build(x.shape);
  td.built = true;
  td.setWeights(c.weights.map((w) => tensor(w.values, w.shape)));
  const mask = c.mask === null ? null : tensor(c.mask, undefined, 'bool');
  return { c, td, x, mask };
}

describe('TimeDistributed matches Keras 3', () => {
  test.each(['dense', 'dense-mask', 'lstm', 'lstm-step-mask', 'lstm-seq-step-mask'])('%s', (name) => {
    const { c, td, x, mask } = goldenCase(name);
    expectClose(td.apply(x, { mask }), c.output);
    const outMask = td.computeMask(x, mask);
    if (c.outputMask === null) expect(outMask).toBeNull();
    else expect([...(outMask as Tensor).dataSync()].map(Boolean)).toEqual((c.outputMask as unknown[]).flat(3));
  });
});

/** Records the masks the wrapped layer's call receives. */
function spyMasks(td: TimeDistributed): unknown[] {
  const seen: unknown[] = [];
  const call = td.layer.call.bind(td.layer);
  td.layer.call = (inputs, options) => {
    seen.push(options.mask ?? null);
    return call(inputs, options);
  };
  return seen;
}

describe('TimeDistributed masks (Keras 3)', () => {
  const x = randomUniform([2, 3, 4], { seed: 1 });
  const mask = tensor(
    [
      [true, true, false],
      [true, false, true],
    ],
    undefined,
    'bool',
  );

  test('the wrapped layer gets the mask with its steps folded into the batch, as the input', () => {
    const td = new TimeDistributed({ layer: new Dense({ units: 2 }) });
    const seen = spyMasks(td);
    const plain = td.apply(x);
    const masked = td.apply(x, { mask });
    expect([...masked.dataSync()]).toEqual([...plain.dataSync()]); // Dense does not read masks
    expect(seen[0]).toBeNull();
    const folded = seen[1] as Tensor;
    expect(folded.shape).toEqual([6]);
    expect(folded.dtype).toBe('bool');
    expect([...folded.dataSync()].map(Boolean)).toEqual([true, true, false, true, false, true]);
  });

  test('a [batch, time, steps] mask reaches a wrapped recurrent layer as [batch·time, steps]', () => {
    const td = new TimeDistributed({ layer: new LSTM({ units: 2 }) });
    const seen = spyMasks(td);
    const inner = randomUniform([2, 3, 5, 4], { seed: 2 });
    const stepMask = tensor(
      [
        [
          [true, true, true, false, false],
          [true, true, true, true, true],
          [true, false, false, false, false],
        ],
        [
          [true, true, false, false, false],
          [true, true, true, true, false],
          [true, true, true, true, true],
        ],
      ],
      undefined,
      'bool',
    );
    expect(td.apply(inner, { mask: stepMask }).shape).toEqual([2, 3, 2]);
    const folded = seen[0] as Tensor;
    expect(folded.shape).toEqual([6, 5]);
    expect([...folded.dataSync()]).toEqual([...stepMask.dataSync()]);
  });

  test("computeMask is Keras 3's default: the input's mask passes on", () => {
    const td = new TimeDistributed({ layer: new Dense({ units: 2 }) });
    expect(td.supportsMasking).toBe(true);
    expect(td.computeMask(x, mask)).toBe(mask);
    expect(td.computeMask(x, null)).toBeNull();
  });

  test('a mask that does not fit the input is a ValueError naming both shapes', () => {
    const td = new TimeDistributed({ layer: new Dense({ units: 2 }), name: 'td' });
    expect(() => td.apply(x, { mask: tensor([true, false], undefined, 'bool') })).toThrow(ValueError);
    expect(() => td.apply(x, { mask: tensor([true, false], undefined, 'bool') })).toThrow(
      "TimeDistributed 'td': the mask must be at least 2D and start with the input's [batch, time] = [2, 3], got mask shape [2]",
    );
    expect(() => td.apply(x, { mask: ones([2, 4]).greater(0) })).toThrow(
      /\[batch, time\] = \[2, 3\], got mask shape \[2, 4\]/,
    );
    expect(() => td.apply(x, { mask: [mask] })).toThrow(/expected one mask tensor for its one input, got a list of 1/);
  });
});

describe("TimeDistributed output shapes follow the wrapped layer's", () => {
  test.each([
    ['Dense on [b, t, 4]', () => new Dense({ units: 3 }), [2, 5, 4], [null, 5, 3]],
    ['Conv1D on [b, t, 6, 2]', () => new Conv1D({ filters: 4, kernelSize: 3 }), [2, 5, 6, 2], [null, 5, 4, 4]],
    ['Flatten on [b, t, 3, 2]', () => new Flatten(), [2, 5, 3, 2], [null, 5, 6]],
    [
      'LSTM(returnSequences) on [b, t, 6, 2]',
      () => new LSTM({ units: 3, returnSequences: true }),
      [2, 5, 6, 2],
      [null, 5, 6, 3],
    ],
  ] as const)('%s', (_name, make, shape, want) => {
    const td = new TimeDistributed({ layer: make() });
    expect(td.computeOutputShape([null, ...shape.slice(1)])).toEqual(want);
    expect(td.apply(randomUniform([...shape], { seed: 3 })).shape).toEqual([shape[0], ...want.slice(1)]);
  });
});
