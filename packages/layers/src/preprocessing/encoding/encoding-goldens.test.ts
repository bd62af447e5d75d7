import { readFileSync } from 'node:fs';
import { type NestedArray, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { CategoryEncoding } from '../category-encoding.js';
import { Discretization } from '../discretization.js';

/** One case of fixtures/encoding-goldens.json (made by packages/layers/fixtures/make-encoding.py). */
interface GoldenCase {
  name: string;
  className: 'CategoryEncoding' | 'Discretization';
  config: Record<string, unknown>;
  input: NestedArray;
  countWeights?: NestedArray | null;
  adapt?: NestedArray | null;
  adaptBatches?: boolean;
  binBoundaries?: number[];
  output: NestedArray;
  outputDType?: string;
  shape: number[];
  computedShape?: number[];
}

const file = new URL('./fixtures/encoding-goldens.json', import.meta.url);
const goldens = JSON.parse(readFileSync(file, 'utf8')) as { keras: string; cases: GoldenCase[] };
const cases = (cls: string) => goldens.cases.filter((c) => c.className === cls).map((c) => [c.name, c] as const);

function expectClose(actual: Tensor, expected: NestedArray, shape: number[]): void {
  expect(actual.shape).toEqual(shape);
  const want = tensor(expected).dataSync();
  const got = actual.dataSync();
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], 5);
}

describe(`CategoryEncoding matches Keras ${goldens.keras}`, () => {
  test.each(cases('CategoryEncoding'))('%s', (_, c) => {
    const { num_tokens: numTokens, output_mode: outputMode } = c.config as { num_tokens: number; output_mode: string };
    const layer = new CategoryEncoding({ num_tokens: numTokens, output_mode: outputMode as never });
    const x = tensor(c.input, undefined, 'int32');
    const countWeights = c.countWeights ? tensor(c.countWeights) : undefined;
    expectClose(layer.apply(x, { countWeights } as never), c.output, c.shape);
    expect(layer.computeOutputShape(x.shape)).toEqual(c.computedShape);
  });
});

describe(`Discretization matches Keras ${goldens.keras}`, () => {
  test.each(cases('Discretization'))('%s', (_, c) => {
    const config = { ...c.config } as Record<string, unknown>;
    if (c.adapt) delete config.bin_boundaries;
    const layer = new Discretization(config as never);
    if (c.adapt) layer.adapt(c.adaptBatches ? (c.adapt as NestedArray[]) : c.adapt);
    const found = layer.binBoundaries as number[];
    expect(found.length).toBe(c.binBoundaries?.length);
    found.forEach((b, i) => {
      expect(b).toBeCloseTo((c.binBoundaries as number[])[i], 6);
    });
    const out = layer.apply(tensor(c.input));
    expect(out.dtype).toBe(c.outputDType === 'int32' ? 'int32' : 'float32');
    expectClose(out, c.output, c.shape);
    expect(layer.computeOutputShape(tensor(c.input).shape)).toEqual(c.shape);
  });
});
