import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { expectClose } from '../attention/goldens.test.helpers.js';
import { bidirectionalCases, goldenBidirectional, goldenInputs } from './bidirectional.keras.test.helpers.js';

describe('masked Bidirectional matches Keras 3', () => {
  test.each(bidirectionalCases(true).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const bi = goldenBidirectional(c);
    const mask = tensor(c.mask as boolean[][], undefined, 'bool');
    const out = bi.apply(goldenInputs(c), { mask });
    const list = Array.isArray(out) ? out : [out];
    expect(list).toHaveLength(c.outputs.length);
    for (const [i, o] of list.entries()) expectClose(o, c.outputs[i]);
  });
});
