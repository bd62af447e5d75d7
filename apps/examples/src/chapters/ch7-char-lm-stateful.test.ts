import { expect, test } from 'vitest';
import { statefulCharLm } from './ch7-char-lm-stateful.js';

test('7.2: a stateful LSTM with fit({ shuffle: false }) and resetStates() is the window loop, loss for loss', async () => {
  const { stateful, windowLoop } = await statefulCharLm(2);
  expect(stateful).toHaveLength(2);
  // char-lm-bptt's committed output: 2.9780, then 2.4441.
  expect(stateful[0]).toBeCloseTo(2.978, 3);
  expect(stateful[1]).toBeCloseTo(2.4441, 3);
  stateful.forEach((l, i) => {
    expect(Math.abs(l - windowLoop[i])).toBeLessThan(1e-5);
  });
}, 120_000);
