import { sigmoid, tensor } from '@horn/tensor';
import { expect, test } from 'vitest';
import { gradientTapeChapter } from './gradient-tape.js';

test('the GradientTape chapter reproduces the course', () => {
  const r = gradientTapeChapter();
  expect(r['d/dx (x^3 + 2x + 5)'].arraySync()).toEqual([5, 14, 29]);
  expect(r['d2/dx2 x^3'].arraySync()).toEqual([6, 12, 18]);
  expect(r['dJ/dw'].arraySync()).toBe(-8); // x (ŷ − y) = 2 × (−4)
  expect(r['dJ/db'].arraySync()).toBe(-4); // ŷ − y
  const a = sigmoid(tensor([0.5, -1])).dataSync();
  const dz = r['dL/dz'].dataSync();
  expect(dz[0]).toBeCloseTo(a[0] - 1, 6);
  expect(dz[1]).toBeCloseTo(a[1] - 0, 6);
});
