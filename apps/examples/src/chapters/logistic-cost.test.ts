import { expect, test } from 'vitest';
import { logisticCostChapter } from './logistic-cost.js';

test('the logistic cost chapter: 2.3 → 0.91 → 0.51 for y = 1, 2.3 → 0.69 for y = 0', () => {
  const r = logisticCostChapter();
  const rounded = (name: string, digits: number) => [...r[name].dataSync()].map((v) => Number(v.toFixed(digits)));
  // −ln 0.4 = 0.9163: the course truncates it to 0.91; rounded it is 0.92.
  expect(rounded('y = 1, ŷ = 0.1, 0.4, 0.6', 2)).toEqual([2.3, 0.92, 0.51]);
  expect(rounded('y = 0, ŷ = 0.9, 0.5', 2)).toEqual([2.3, 0.69]);
  expect(r['y = 1, ŷ = 0.1, 0.4, 0.6'].dataSync()[0]).toBeCloseTo(-Math.log(0.1), 5);
  // Cost 0 when the prediction is right (Keras clips at 1e-7, so "0" is 1e-7-sized).
  for (const v of r['y = 1, ŷ = 1 and y = 0, ŷ = 0'].dataSync()) expect(v).toBeLessThan(1e-6);
  expect(rounded('sigmoid(-10, 0, 10)', 5)).toEqual([0.00005, 0.5, 0.99995]);
});
