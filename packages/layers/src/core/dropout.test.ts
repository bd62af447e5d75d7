import { grad } from '@horn/autograd';
import { ones, ShapeError, setSeed, tensor, ValueError, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Dropout, GaussianNoise, runLayerTest, SpatialDropout2D } from '../index.js';

describe('Dropout', () => {
  test('follows the layer contract', () => {
    runLayerTest(Dropout, {
      config: { rate: 0.3 },
      inputShape: [4, 5],
      expectedOutputShape: [4, 5],
      expectedNumTrainableWeights: 0,
    });
    runLayerTest(Dropout, {
      config: { rate: 0.3, seed: 3 },
      inputShape: [4, 5],
      expectedOutputShape: [4, 5],
      training: true,
    });
    runLayerTest(Dropout, {
      config: { rate: 0.5, noiseShape: [null, 1, 5] },
      inputShape: [2, 3, 5],
      expectedOutputShape: [2, 3, 5],
      training: true,
    });
  });

  test('rate 0.5 drops about half and keeps the mean (inverted scaling by 2)', () => {
    const y = new Dropout({ rate: 0.5, seed: 42 }).apply(ones([100, 100]), { training: true });
    const v = Array.from(y.dataSync());
    const zerosFraction = v.filter((e) => e === 0).length / v.length;
    expect(new Set(v)).toEqual(new Set([0, 2]));
    // 10000 Bernoulli(0.5) draws: the standard deviation of the fraction is 0.005.
    expect(Math.abs(zerosFraction - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(v.reduce((a, b) => a + b, 0) / v.length - 1)).toBeLessThan(0.04);
  });

  test('is the identity at inference and for rate 0; rate 1 zeroes everything', () => {
    const x = tensor([[1, -2, 3]]);
    expect(new Dropout({ rate: 0.9 }).apply(x).arraySync()).toEqual([[1, -2, 3]]);
    expect(new Dropout({ rate: 0 }).apply(x, { training: true }).arraySync()).toEqual([[1, -2, 3]]);
    // -2 · 0 is -0; compare as numbers.
    expect(Array.from(new Dropout({ rate: 1 }).apply(x, { training: true }).dataSync()).every((v) => v === 0)).toBe(
      true,
    );
  });

  test('a seed repeats the sequence of masks; successive calls differ', () => {
    const a = new Dropout({ rate: 0.5, seed: 7 });
    const b = new Dropout({ rate: 0.5, seed: 7 });
    const x = ones([4, 8]);
    const a1 = a.apply(x, { training: true }).arraySync();
    const a2 = a.apply(x, { training: true }).arraySync();
    expect(b.apply(x, { training: true }).arraySync()).toEqual(a1);
    expect(b.apply(x, { training: true }).arraySync()).toEqual(a2);
    expect(a2).not.toEqual(a1);
    setSeed(1);
    const g1 = new Dropout({ rate: 0.5 }).apply(x, { training: true }).arraySync();
    setSeed(1);
    expect(new Dropout({ rate: 0.5 }).apply(x, { training: true }).arraySync()).toEqual(g1);
  });

  test('noiseShape shares the mask along size-1 axes', () => {
    const y = new Dropout({ rate: 0.5, noiseShape: [null, 1], seed: 3 }).apply(ones([50, 4]), { training: true });
    for (const row of y.arraySync() as number[][]) expect(new Set(row).size).toBe(1);
    expect(() =>
      new Dropout({ rate: 0.5, noiseShape: [null, 3], name: 'drop' }).apply(ones([2, 4]), { training: true }),
    ).toThrow("Dropout 'drop': noiseShape [null, 3] does not broadcast to the input shape [2, 4]");
  });

  test('the gradient is the mask', () => {
    const layer = new Dropout({ rate: 0.5, seed: 11 });
    const twin = new Dropout({ rate: 0.5, seed: 11 });
    const g = grad((x) => layer.apply(x, { training: true }))(ones([3, 4]));
    expect(g.arraySync()).toEqual(twin.apply(ones([3, 4]), { training: true }).arraySync());
  });

  test('bad rates throw at construction', () => {
    expect(() => new Dropout({ rate: 1.5 })).toThrow(ValueError);
    expect(() => new Dropout({ rate: -0.1 })).toThrow('Dropout: rate must be a number in [0, 1], got -0.1');
  });
});

describe('SpatialDropout2D', () => {
  test('follows the layer contract', () => {
    runLayerTest(SpatialDropout2D, {
      config: { rate: 0.5 },
      inputShape: [2, 3, 3, 4],
      expectedOutputShape: [2, 3, 3, 4],
    });
    runLayerTest(SpatialDropout2D, {
      config: { rate: 0.5, seed: 1 },
      inputShape: [2, 3, 3, 4],
      expectedOutputShape: [2, 3, 3, 4],
      training: true,
    });
  });

  test('drops whole channels', () => {
    const y = new SpatialDropout2D({ rate: 0.5, seed: 5 }).apply(ones([4, 3, 3, 8]), { training: true });
    const v = y.arraySync() as number[][][][];
    let dropped = 0;
    for (let b = 0; b < 4; b++) {
      for (let c = 0; c < 8; c++) {
        const slice = new Set(v[b].flatMap((row) => row.map((px) => px[c])));
        expect(slice.size).toBe(1);
        expect([0, 2]).toContain([...slice][0]);
        if ([...slice][0] === 0) dropped++;
      }
    }
    expect(dropped).toBeGreaterThan(4);
    expect(dropped).toBeLessThan(28);
    const first = new SpatialDropout2D({ rate: 0.5, seed: 5, dataFormat: 'channels_first' }).apply(ones([2, 3, 2, 2]), {
      training: true,
    });
    for (const sample of first.arraySync() as number[][][][])
      for (const map of sample) expect(new Set(map.flat()).size).toBe(1);
  });

  test('needs rank-4 input', () => {
    expect(() => new SpatialDropout2D({ rate: 0.5, name: 'sd' }).apply(ones([2, 3]))).toThrow(ShapeError);
    expect(() => new SpatialDropout2D({ rate: 0.5, name: 'sd' }).apply(ones([2, 3]))).toThrow(
      "SpatialDropout2D 'sd': expected input of rank 4, got [2, 3]",
    );
    expect(() => new SpatialDropout2D({ rate: 0.5, dataFormat: 'nchw' as 'channelsLast' })).toThrow(
      /dataFormat must be one of/,
    );
  });
});

describe('GaussianNoise', () => {
  test('follows the layer contract', () => {
    runLayerTest(GaussianNoise, { config: { stddev: 0.1 }, inputShape: [3, 4], expectedOutputShape: [3, 4] });
    runLayerTest(GaussianNoise, {
      config: { stddev: 0.1, seed: 2 },
      inputShape: [3, 4],
      expectedOutputShape: [3, 4],
      training: true,
    });
  });

  test('adds zero-mean noise with the given stddev in training only', () => {
    const layer = new GaussianNoise({ stddev: 0.5, seed: 9 });
    const v = Array.from(layer.apply(zeros([100, 100]), { training: true }).dataSync());
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
    expect(Math.abs(m)).toBeLessThan(0.02);
    expect(Math.abs(sd - 0.5)).toBeLessThan(0.02);
    expect(layer.apply(tensor([[1, 2]])).arraySync()).toEqual([[1, 2]]);
    expect(() => new GaussianNoise({ stddev: -1 })).toThrow(
      'GaussianNoise: stddev must be a finite number >= 0, got -1',
    );
  });
});
