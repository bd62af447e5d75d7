import { Random, range, ShapeError, setSeed, type Tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { RandomFlip, runLayerTest } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());
// 16 one-row images [3i, 3i + 1, 3i + 2]
const rows = () => range(48).reshape([16, 1, 3, 1]);

describe('RandomFlip', () => {
  test('follows the layer contract, in training (seeded) and at inference', () => {
    runLayerTest(RandomFlip, {
      config: { seed: 3 },
      inputShape: [4, 3, 3, 2],
      expectedOutputShape: [4, 3, 3, 2],
      training: true,
    });
    const x = range(18).reshape([2, 3, 3, 1]);
    runLayerTest(RandomFlip, {
      config: { mode: 'horizontal' },
      inputShape: [2, 3, 3, 1],
      inputData: x,
      expectedOutputShape: [2, 3, 3, 1],
      expectedOutput: x.arraySync(),
    });
  });

  test('is the identity at inference; a direct call with no training augments (Keras 3: training=True)', () => {
    const x = rows();
    expect(flat(new RandomFlip({ seed: 1 }).apply(x, { training: false }))).toEqual(flat(x));
    const direct = flat(new RandomFlip({ mode: 'horizontal', seed: 42 }).apply(x));
    const trained = flat(new RandomFlip({ mode: 'horizontal', seed: 42 }).apply(x, { training: true }));
    expect(direct).toEqual(trained);
    expect(direct).not.toEqual(flat(x));
  });

  test('flips each image left-right when its seeded draw is below 1/2', () => {
    const y = flat(new RandomFlip({ mode: 'horizontal', seed: 42 }).apply(rows(), { training: true }));
    const rng = new Random(42);
    const expected: number[] = [];
    let flipped = 0;
    for (let i = 0; i < 16; i++) {
      const row = [3 * i, 3 * i + 1, 3 * i + 2];
      if (rng.next() < 0.5) {
        row.reverse();
        flipped++;
      }
      expected.push(...row);
    }
    expect(y).toEqual(expected);
    expect(flipped).toBeGreaterThan(0);
    expect(flipped).toBeLessThan(16);
  });

  test('the same seed gives the same flips; vertical flips the rows', () => {
    const a = flat(new RandomFlip({ seed: 7 }).apply(rows(), { training: true }));
    const b = flat(new RandomFlip({ seed: 7 }).apply(rows(), { training: true }));
    expect(a).toEqual(b);
    // one 3x1 column per image: a vertical flip reverses it
    const columns = range(48).reshape([16, 3, 1, 1]);
    const v = flat(new RandomFlip({ mode: 'vertical', seed: 42 }).apply(columns, { training: true }));
    const h = flat(new RandomFlip({ mode: 'horizontal', seed: 42 }).apply(rows(), { training: true }));
    expect(v).toEqual(h);
    // unseeded layers follow setSeed
    setSeed(11);
    const g1 = flat(new RandomFlip().apply(rows(), { training: true }));
    setSeed(11);
    const g2 = flat(new RandomFlip().apply(rows(), { training: true }));
    expect(g1).toEqual(g2);
  });

  test("accepts Keras' snake_case mode and an unbatched image", () => {
    const layer = new RandomFlip({ mode: 'horizontal_and_vertical', seed: 1 });
    expect(layer.getConfig()).toMatchObject({ mode: 'horizontalAndVertical', seed: 1 });
    expect(layer.apply(range(6).reshape([2, 3, 1]), { training: true }).shape).toEqual([2, 3, 1]);
  });

  test('rejects bad options and ranks', () => {
    expect(() => new RandomFlip({ mode: 'diagonal' as 'vertical' })).toThrow(ValueError);
    expect(() => new RandomFlip({ mode: 'diagonal' as 'vertical' })).toThrow(
      /mode must be one of 'horizontal', 'vertical', 'horizontalAndVertical', got "diagonal"/,
    );
    expect(() => new RandomFlip({ seed: 'a' as unknown as number })).toThrow(/seed must be a finite number/);
    expect(() => new RandomFlip({ name: 'flip_errors' }).apply(range(4).reshape([2, 2]))).toThrow(ShapeError);
  });
});
