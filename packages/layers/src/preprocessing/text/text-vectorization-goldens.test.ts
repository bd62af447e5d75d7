import { readFileSync } from 'node:fs';
import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { TextVectorization } from './text-vectorization.js';

/** One case of fixtures/text-goldens.json (made by packages/layers/fixtures/make-text.py). */
interface TextCase {
  config: Record<string, unknown>;
  adapt: string[] | null;
  input: string[] | string[][];
  output: number[][];
  vocabulary: string[];
  vocabularyNoSpecial: string[];
  vocabularySize: number;
  idfWeights?: number[];
}

const file = new URL('./fixtures/text-goldens.json', import.meta.url);
const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: TextCase[] }).cases;

function expectClose(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) => {
    expect(row.length).toBe(expected[r].length);
    row.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[r][i], 4);
    });
  });
}

describe('TextVectorization matches Keras 3', () => {
  test.each(cases.map((k, i) => [`${i}: ${JSON.stringify(k.config)}`, k] as const))('%s', (_, k) => {
    const layer = new TextVectorization(k.config);
    if (k.adapt) layer.adapt(k.adapt);
    expect(layer.getVocabulary()).toEqual(k.vocabulary);
    expect(layer.getVocabulary(false)).toEqual(k.vocabularyNoSpecial);
    expect(layer.vocabularySize()).toBe(k.vocabularySize);
    const y = layer.apply(tensor(k.input));
    expect(y.dtype).toBe(k.config.output_mode === undefined || k.config.output_mode === 'int' ? 'int32' : 'float32');
    expectClose(y.arraySync() as number[][], k.output);
    const again = TextVectorization.fromConfig(layer.getConfig());
    expect(again.getVocabulary()).toEqual(k.vocabulary);
    expectClose(again.apply(tensor(k.input)).arraySync() as number[][], k.output);
  });
});
