import { readFileSync } from 'node:fs';
import { type NestedArray, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import type { IndexLookup } from './index-lookup.js';
import { IntegerLookup } from './integer-lookup.js';
import { StringLookup } from './string-lookup.js';

/** One case of fixtures/lookup-goldens.json (made by packages/layers/fixtures/make-text.py). */
interface LookupCase {
  className: 'StringLookup' | 'IntegerLookup';
  config: Record<string, unknown>;
  adapt: NestedArray | string[][] | null;
  input: NestedArray | string[] | string[][];
  output: NestedArray | string[][];
  vocabulary: (string | number)[];
  vocabularyNoSpecial: (string | number)[];
  vocabularySize: number;
  idfWeights?: number[];
}

const file = new URL('./fixtures/lookup-goldens.json', import.meta.url);
const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: LookupCase[] }).cases;

function make(k: LookupCase): IndexLookup {
  const layer = k.className === 'StringLookup' ? new StringLookup(k.config) : new IntegerLookup(k.config);
  if (k.adapt) layer.adapt(k.adapt as never);
  return layer;
}

function inputOf(k: LookupCase) {
  const strings = k.className === 'StringLookup' && !k.config.invert;
  return strings ? tensor(k.input as string[][]) : tensor(k.input as NestedArray, undefined, 'int32');
}

function expectClose(actual: unknown, expected: unknown): void {
  const a = (actual as unknown[]).flat(5) as (number | string)[];
  const e = (expected as unknown[]).flat(5) as (number | string)[];
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => {
    if (typeof e[i] === 'number') expect(v as number).toBeCloseTo(e[i] as number, 5);
    else expect(v).toBe(e[i]);
  });
}

describe('StringLookup and IntegerLookup match Keras 3', () => {
  test.each(cases.map((k, i) => [`${i}: ${k.className} ${JSON.stringify(k.config)}`, k] as const))('%s', (_, k) => {
    const layer = make(k);
    expect(layer.getVocabulary()).toEqual(k.vocabulary);
    expect(layer.getVocabulary(false)).toEqual(k.vocabularyNoSpecial);
    expect(layer.vocabularySize()).toBe(k.vocabularySize);
    const y = layer.apply(inputOf(k));
    expect(y.shape).toEqual(shapeOf(k.output));
    expectClose(y.arraySync(), k.output);
    // The config carries the vocabulary (and IDF weights), so the rebuilt layer gives the same output.
    const again = (layer.constructor as typeof StringLookup).fromConfig(layer.getConfig()) as IndexLookup;
    expect(again.getVocabulary()).toEqual(k.vocabulary);
    expectClose(again.apply(inputOf(k)).arraySync(), k.output);
  });
});

function shapeOf(value: unknown): number[] {
  const shape: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0];
  }
  return shape;
}
