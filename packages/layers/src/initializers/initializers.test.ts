import { ShapeError, setSeed, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  Constant,
  computeFans,
  GlorotNormal,
  GlorotUniform,
  getInitializer,
  HeNormal,
  HeUniform,
  Identity,
  LecunNormal,
  LecunUniform,
  Ones,
  Orthogonal,
  RandomNormal,
  RandomUniform,
  serializeInitializer,
  TruncatedNormal,
  VarianceScaling,
  Zeros,
} from '../index.js';

function stats(t: Tensor) {
  const v = Array.from(t.dataSync());
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  let maxAbs = 0;
  for (const x of v) maxAbs = Math.max(maxAbs, Math.abs(x));
  return { mean, sd, maxAbs };
}

// Q^T Q for a [rows, cols] matrix given row-major.
function gram(values: ArrayLike<number>, rows: number, cols: number): number[][] {
  const g: number[][] = [];
  for (let i = 0; i < cols; i++) {
    g.push([]);
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += values[r * cols + i] * values[r * cols + j];
      g[i].push(s);
    }
  }
  return g;
}

function expectIdentity(g: number[][], scale = 1) {
  for (const [i, row] of g.entries()) for (const [j, v] of row.entries()) expect(v).toBeCloseTo(i === j ? scale : 0, 5);
}

describe('fans', () => {
  test('follow Keras compute_fans for vectors, matrices and conv kernels', () => {
    expect(computeFans([])).toEqual({ fanIn: 1, fanOut: 1 });
    expect(computeFans([5])).toEqual({ fanIn: 5, fanOut: 5 });
    expect(computeFans([784, 128])).toEqual({ fanIn: 784, fanOut: 128 });
    expect(computeFans([3, 3, 16, 32])).toEqual({ fanIn: 144, fanOut: 288 });
    expect(computeFans([5, 8, 4])).toEqual({ fanIn: 40, fanOut: 20 });
  });
});

describe('variance-scaling initializers', () => {
  test('glorotUniform is uniform in ±sqrt(6 / (fanIn + fanOut))', () => {
    const w = new GlorotUniform({ seed: 1 }).apply([200, 300]);
    const limit = Math.sqrt(6 / 500);
    const { mean, sd, maxAbs } = stats(w);
    expect(maxAbs).toBeLessThanOrEqual(limit);
    expect(maxAbs).toBeGreaterThan(0.99 * limit);
    expect(Math.abs(mean)).toBeLessThan(0.002);
    expect(sd / (limit / Math.sqrt(3))).toBeCloseTo(1, 1);
  });

  test('heNormal is a truncated normal with stddev sqrt(2 / fanIn), as Keras', () => {
    const w = new HeNormal({ seed: 2 }).apply([500, 400]);
    const stddev = Math.sqrt(2 / 500);
    const { sd, maxAbs } = stats(w);
    expect(Math.abs(sd / stddev - 1)).toBeLessThan(0.02);
    // Keras draws N(0, stddev / 0.8796) truncated at two of its standard deviations.
    expect(maxAbs).toBeLessThanOrEqual((2 * stddev) / 0.8796256610342398 + 1e-6);
    expect(maxAbs).toBeGreaterThan(0.98 * ((2 * stddev) / 0.8796256610342398));
    const conv = new HeNormal({ seed: 3 }).apply([3, 3, 64, 64]);
    expect(Math.abs(stats(conv).sd / Math.sqrt(2 / (9 * 64)) - 1)).toBeLessThan(0.02);
  });

  test('glorotNormal, heUniform, lecunNormal, lecunUniform and varianceScaling scale as documented', () => {
    expect(Math.abs(stats(new GlorotNormal({ seed: 4 }).apply([300, 500])).sd / Math.sqrt(2 / 800) - 1)).toBeLessThan(
      0.02,
    );
    const heU = stats(new HeUniform({ seed: 5 }).apply([400, 300]));
    expect(heU.maxAbs).toBeLessThanOrEqual(Math.sqrt(6 / 400));
    expect(heU.maxAbs).toBeGreaterThan(0.99 * Math.sqrt(6 / 400));
    expect(Math.abs(stats(new LecunNormal({ seed: 6 }).apply([400, 300])).sd / Math.sqrt(1 / 400) - 1)).toBeLessThan(
      0.02,
    );
    expect(stats(new LecunUniform({ seed: 7 }).apply([400, 300])).maxAbs).toBeLessThanOrEqual(Math.sqrt(3 / 400));
    const vs = new VarianceScaling({ scale: 3, mode: 'fan_out', distribution: 'untruncated_normal', seed: 8 });
    const s = stats(vs.apply([100, 600]));
    expect(Math.abs(s.sd / Math.sqrt(3 / 600) - 1)).toBeLessThan(0.02);
    // untruncated: some values beyond two standard deviations
    expect(s.maxAbs).toBeGreaterThan(2.5 * Math.sqrt(3 / 600));
    expect(vs.getConfig()).toEqual({ scale: 3, mode: 'fanOut', distribution: 'untruncatedNormal', seed: 8 });
    expect(() => new VarianceScaling({ mode: 'fan' as 'fanIn' })).toThrow(
      "VarianceScaling: mode must be one of 'fanIn', 'fanOut', 'fanAvg', got \"fan\"",
    );
    expect(() => new VarianceScaling({ scale: 0 })).toThrow(ValueError);
  });

  test('a seed repeats the values; without one the global stream is used', () => {
    const a = new GlorotUniform({ seed: 9 });
    expect(Array.from(a.apply([3, 3]).dataSync())).toEqual(Array.from(a.apply([3, 3]).dataSync()));
    setSeed(5);
    const first = Array.from(new GlorotUniform().apply([3, 3]).dataSync());
    const second = Array.from(new GlorotUniform().apply([3, 3]).dataSync());
    setSeed(5);
    expect(Array.from(new GlorotUniform().apply([3, 3]).dataSync())).toEqual(first);
    expect(second).not.toEqual(first);
  });
});

describe('random initializers', () => {
  test('RandomNormal, RandomUniform and TruncatedNormal draw with Keras defaults and options', () => {
    expect(new RandomNormal().getConfig()).toEqual({ mean: 0, stddev: 0.05, seed: null });
    expect(new RandomUniform().getConfig()).toEqual({ minval: -0.05, maxval: 0.05, seed: null });
    const n = stats(new RandomNormal({ mean: 1, stddev: 2, seed: 1 }).apply([100, 100]));
    // 10000 draws: the standard error of the mean is 0.02.
    expect(Math.abs(n.mean - 1)).toBeLessThan(0.08);
    expect(Math.abs(n.sd / 2 - 1)).toBeLessThan(0.03);
    const u = Array.from(new RandomUniform({ minval: 2, maxval: 3, seed: 1 }).apply([1000]).dataSync());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...u)).toBeLessThan(3);
    const t = stats(new TruncatedNormal({ mean: 0, stddev: 1, seed: 1 }).apply([10000]));
    expect(t.maxAbs).toBeLessThanOrEqual(2);
    // a standard normal truncated to [-2, 2] has stddev 0.8796
    expect(t.sd).toBeCloseTo(0.8796, 1);
    expect(() => new RandomUniform({ minval: 1, maxval: 1 })).toThrow(
      'RandomUniform: maxval must be greater than minval, got minval=1, maxval=1',
    );
    expect(() => new RandomNormal({ seed: Number.NaN })).toThrow(/seed must be a finite number/);
  });
});

describe('deterministic initializers', () => {
  test('Zeros, Ones, Constant and Identity', () => {
    expect(new Zeros().apply([2]).arraySync()).toEqual([0, 0]);
    expect(new Ones().apply([2, 1]).arraySync()).toEqual([[1], [1]]);
    expect(new Constant({ value: 3 }).apply([2]).arraySync()).toEqual([3, 3]);
    expect(new Constant({ value: [1, 2] }).apply([2, 2]).arraySync()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(new Constant({ value: tensor([[1], [2]]) }).getConfig()).toEqual({ value: [[1], [2]] });
    expect(() => new Constant({ value: [1, 2, 3] }).apply([2, 2])).toThrow(ShapeError);
    expect(() => new Constant({ value: [1, 2, 3] }).apply([2, 2])).toThrow(
      'Constant: a value of shape [3] does not broadcast to the weight shape [2,2]',
    );
    expect(new Identity({ gain: 2 }).apply([2, 3]).arraySync()).toEqual([
      [2, 0, 0],
      [0, 2, 0],
    ]);
    expect(() => new Identity().apply([2, 2, 2])).toThrow(
      'Identity: only 2-D weights can be initialized to the identity, got shape [2,2,2]',
    );
  });

  test('Orthogonal gives orthonormal columns (Q^T Q = I), or rows when wider, times gain', () => {
    expectIdentity(gram(new Orthogonal({ seed: 1 }).apply([4, 4]).dataSync(), 4, 4));
    expectIdentity(gram(new Orthogonal({ seed: 2 }).apply([6, 3]).dataSync(), 6, 3));
    // [3, 6]: rows are orthonormal, so (W^T)^T W^T = W W^T = I
    const wide = new Orthogonal({ seed: 3 }).apply([3, 6]);
    expectIdentity(gram(wide.transpose().dataSync(), 6, 3));
    expectIdentity(gram(new Orthogonal({ gain: 2, seed: 4 }).apply([5, 5]).dataSync(), 5, 5), 4);
    expectIdentity(gram(new Orthogonal({ seed: 5 }).apply([2, 2, 3, 4]).dataSync(), 12, 4));
    expect(() => new Orthogonal().apply([3])).toThrow('Orthogonal: the weight must have rank >= 2, got shape [3]');
  });
});

describe('getInitializer', () => {
  test('resolves camelCase, snake_case and class-name ids, instances and configs', () => {
    expect(getInitializer('glorotUniform')).toBeInstanceOf(GlorotUniform);
    expect(getInitializer('glorot_uniform')).toBeInstanceOf(GlorotUniform);
    expect(getInitializer('GlorotUniform')).toBeInstanceOf(GlorotUniform);
    expect(getInitializer('he_normal')).toBeInstanceOf(HeNormal);
    expect(getInitializer('lecun_uniform')).toBeInstanceOf(LecunUniform);
    expect(getInitializer('truncated_normal')).toBeInstanceOf(TruncatedNormal);
    expect(getInitializer('identity')).toBeInstanceOf(Identity);
    const he = new HeNormal({ seed: 3 });
    expect(getInitializer(he)).toBe(he);
    const again = getInitializer(serializeInitializer(he));
    expect(again).toBeInstanceOf(HeNormal);
    expect(Array.from(again.apply([2, 2]).dataSync())).toEqual(Array.from(he.apply([2, 2]).dataSync()));
    expect(serializeInitializer(new Constant({ value: 2 }))).toEqual({ className: 'Constant', config: { value: 2 } });
    expect(getInitializer({ className: 'RandomUniform', config: { minval: 0, maxval: 2 } })).toMatchObject({
      minval: 0,
      maxval: 2,
    });
  });

  test('an unknown id lists the valid ones', () => {
    expect(() => getInitializer('glorot')).toThrow(ValueError);
    expect(() => getInitializer('glorot')).toThrow(
      "getInitializer: unknown initializer 'glorot'; valid ids are zeros, ones, constant, randomNormal, randomUniform, truncatedNormal, glorotUniform, glorotNormal, heNormal, heUniform, lecunNormal, lecunUniform, orthogonal, identity, varianceScaling (camelCase or snake_case)",
    );
    expect(() => getInitializer({ className: 'Nope', config: {} })).toThrow(/unknown initializer 'Nope'/);
    expect(() => getInitializer(3 as unknown as string)).toThrow(/expected an id string/);
  });
});
