import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { run } from './ch6-pooling-activations.js';

const golden = JSON.parse(readFileSync(new URL('../../fixtures/course-6.json', import.meta.url), 'utf8'));

beforeEach(() => vi.spyOn(console, 'log').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe('6.1: pooling and activations, as the course and Keras 3 print them', () => {
  test("the course's printed pooling values", async () => {
    const r = await run();
    expect(r["max 2x2 stride 1 'valid' on [[4,3],[2,1]]"]).toEqual([[4]]);
    expect(r["max 2x2 stride 1 'same' on [[4,3],[2,1]]"]).toEqual([
      [4, 3],
      [2, 1],
    ]);
    expect(r['max 2x2 stride 2 on arange(16)']).toEqual([
      [5, 7],
      [13, 15],
    ]);
  });

  test.each([
    'max 2x2 stride 1 on 1..16',
    'max 2x2 stride 2 on 1..16',
    'average 2x2 stride 2 on 1..16',
    'average 2x2 stride 1 on 1..16',
  ])("%s equals Keras's", async (key) => {
    expect((await run())[key]).toEqual(golden[key]);
  });

  test.each(['sigmoid', "sigmoid'", 'tanh', "tanh'", 'relu', "relu'"])(
    "%s equals Keras's (derivatives: JAX's autodiff)",
    async (key) => {
      const r = (await run())[key] as number[];
      expect(r).toHaveLength(golden.z.length);
      r.forEach((v, i) => {
        expect(v).toBeCloseTo(golden[key][i], 6);
      });
    },
  );

  test("sigmoid' is a(1 - a) with its maximum 0.25 at 0; tanh = 2 sigmoid(2z) - 1 and tanh' = 1 - H^2", async () => {
    const r = await run();
    const a = r.sigmoid as number[];
    const h = r.tanh as number[];
    (r["sigmoid'"] as number[]).forEach((d, i) => {
      expect(d).toBeCloseTo(a[i] * (1 - a[i]), 6);
    });
    expect(Math.max(...(r["sigmoid'"] as number[]))).toBeCloseTo(0.25, 7);
    (r['2 * sigmoid(2z) - 1'] as number[]).forEach((v, i) => {
      expect(v).toBeCloseTo(h[i], 6);
    });
    (r["tanh'"] as number[]).forEach((d, i) => {
      expect(d).toBeCloseTo(1 - h[i] ** 2, 6);
    });
  });
});
