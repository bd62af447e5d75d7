import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { run } from './ch2-odds-logit.js';

const golden = JSON.parse(readFileSync(new URL('../../fixtures/course-2-4.json', import.meta.url), 'utf8'))[
  'odds-logit'
];

beforeEach(() => vi.spyOn(console, 'log').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

test("2.4: odds, logit and sigmoid(logit) equal NumPy's", async () => {
  const r = await run();
  for (const key of ['odds', 'logit', 'sigmoid(logit)'] as const) {
    (r[key] as number[]).forEach((v, i) => {
      expect(v).toBeCloseTo(golden[key][i], 5);
    });
  }
});
