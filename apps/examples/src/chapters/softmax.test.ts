import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { softmaxChapter } from './softmax.js';

test('the softmax chapter reproduces the course to its two decimals', () => {
  const r = softmaxChapter();
  const rounded = (name: string, digits = 2) => [...r[name].dataSync()].map((v) => Number(v.toFixed(digits)));
  expect(rounded('z for ŷ = 0.9, 0.8, 0.7')).toEqual([2.2, 1.39, 0.85]);
  expect(rounded('e^z', 1)).toEqual([9, 4, 2.3]);
  expect(rounded('sum of e^z', 3)).toEqual([15.38]);
  expect(rounded('softmax(z)')).toEqual([0.59, 0.26, 0.15]);
  expect(rounded('ŷ / sum(ŷ)', 3)).toEqual([0.375, 0.333, 0.292]);
  expect(rounded('z for ŷ = 0.5, 0.2, 0.1')).toEqual([0, -1.39, -2.2]);
  expect(rounded('softmax(z) second')).toEqual([0.74, 0.18, 0.08]);
  expect(rounded('ŷ / sum(ŷ) second', 3)).toEqual([0.625, 0.25, 0.125]);
  expect(r['cross-entropy of a = [0.7, 0.1, 0.2], y = [0, 0, 1]'].dataSync()[0]).toBeCloseTo(-Math.log(0.2), 5);
});

test("softmax against plain shares for z = [1, 2, 3]: the course's 9.0% vs 16.7%, NumPy's values", () => {
  const golden = JSON.parse(readFileSync(new URL('../../fixtures/course-2-4.json', import.meta.url), 'utf8'))[
    'softmax-vs-share'
  ];
  const r = softmaxChapter();
  const values = (name: string) => [...r[name].dataSync()];
  values('z = [1, 2, 3]: softmax(z)').forEach((v, i) => {
    expect(v).toBeCloseTo(golden.softmax[i], 6);
  });
  values('z = [1, 2, 3]: z / sum(z)').forEach((v, i) => {
    expect(v).toBeCloseTo(golden.share[i], 6);
  });
  expect(values('z = [1, 2, 3]: sum of e^z')[0]).toBeCloseTo(golden['sum e^z'], 4);
  expect(Number((values('z = [1, 2, 3]: softmax(z)')[0] * 100).toFixed(1))).toBe(9.0);
  expect(Number((values('z = [1, 2, 3]: z / sum(z)')[0] * 100).toFixed(1))).toBe(16.7);
});
