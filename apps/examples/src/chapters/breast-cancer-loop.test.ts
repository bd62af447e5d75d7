import { expect, test } from 'vitest';
import { main } from './breast-cancer-loop.js';

test('the custom training loop reaches 95% on the real breast-cancer data, and reports it', () => {
  const lines: string[] = [];
  const out = { write: (s: string) => lines.push(s), isTTY: false } as unknown as NodeJS.WritableStream;
  const history = main(20, out);
  const text = lines.join('');
  expect(text).toContain('569 samples x 30 features: train 364, validation 91, test 114');
  expect(text).toContain('Epoch 20/20');
  expect(text).toMatch(/12\/12 ━+ \d+s \d+ms\/step - accuracy: 0\.9\d+ - loss: 0\.\d+/);
  expect(history.loss.at(-1)).toBeLessThan(history.loss[0]);
  expect(history.valAccuracy.at(-1)).toBeGreaterThanOrEqual(0.95);
  expect(history.testAccuracy).toBeGreaterThanOrEqual(0.95);
});
