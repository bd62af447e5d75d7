import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { run } from './ch4-multiclass-network.js';

const golden: Record<string, { accuracy: number; loss: number }> = JSON.parse(
  readFileSync(new URL('../../fixtures/course-2-4.json', import.meta.url), 'utf8'),
)['multiclass-network'];

beforeEach(() => vi.spyOn(console, 'log').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

test("4.5 (short mode): both recipes give NumPy's accuracy and loss after 3 epochs", async () => {
  const r = await run({ short: true });
  for (const recipe of ["the course's recipe", "Horn's recipe"]) {
    const name = `${recipe}, 3 epochs`;
    expect(r[`${name}: accuracy`], name).toBeCloseTo(golden[name].accuracy, 6);
    expect(r[`${name}: loss`] as number, name).toBeCloseTo(golden[name].loss, 3);
  }
  expect(r["the course's recipe, 40 epochs: accuracy"]).toBeUndefined();
});
