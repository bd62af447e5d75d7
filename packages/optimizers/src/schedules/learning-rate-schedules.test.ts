import { ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  CosineDecay,
  CosineDecayRestarts,
  deserializeSchedule,
  ExponentialDecay,
  InverseTimeDecay,
  type LearningRateSchedule,
  PiecewiseConstantDecay,
  PolynomialDecay,
  serializeSchedule,
} from '../index.js';

const at = (s: LearningRateSchedule, steps: number[]) => steps.map((t) => s.call(t));
const close = (values: number[]) => values.map((v) => expect.closeTo(v, 10));

describe('ExponentialDecay', () => {
  test('lr0 * rate^(step / decaySteps), floored with staircase', () => {
    const smooth = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
    expect(at(smooth, [0, 5, 10, 15, 20])).toEqual(close([0.1, 0.1 / Math.SQRT2, 0.05, 0.05 / Math.SQRT2, 0.025]));
    const stairs = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true });
    expect(at(stairs, [0, 9, 10, 19, 20])).toEqual(close([0.1, 0.1, 0.05, 0.05, 0.025]));
  });

  test('bad options', () => {
    expect(() => new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.5 })).toThrow(
      /ExponentialDecay: decaySteps must be a number in \(0, inf\), got 0/,
    );
    expect(() => new ExponentialDecay({ initialLearningRate: -1, decaySteps: 1, decayRate: 0.5 })).toThrow(ValueError);
    const s = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 });
    expect(() => s.call(-1)).toThrow(/ExponentialDecay.call: step must be a non-negative number, got -1/);
  });
});

describe('PiecewiseConstantDecay', () => {
  test('values[0] up to and including boundaries[0], and so on (the Keras example)', () => {
    const s = new PiecewiseConstantDecay({ boundaries: [100000, 110000], values: [1, 0.5, 0.1] });
    expect(at(s, [0, 100000, 100001, 110000, 110001, 1e9])).toEqual([1, 1, 0.5, 0.5, 0.1, 0.1]);
  });

  test('bad options', () => {
    expect(() => new PiecewiseConstantDecay({ boundaries: [1, 2], values: [1, 0.5] })).toThrow(
      /PiecewiseConstantDecay: expected one more value than boundaries, got 2 boundaries and 2 values/,
    );
    expect(() => new PiecewiseConstantDecay({ boundaries: [5, 5], values: [1, 0.5, 0.1] })).toThrow(
      /strictly increasing/,
    );
    expect(() => new PiecewiseConstantDecay({ boundaries: 5 as never, values: [1] })).toThrow(/must be arrays/);
  });
});

describe('PolynomialDecay', () => {
  test('linear, to the end rate, then constant', () => {
    const s = new PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 10, endLearningRate: 0.01 });
    expect(at(s, [0, 5, 10, 20])).toEqual(close([0.1, 0.055, 0.01, 0.01]));
    expect(new PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 10 }).call(10)).toBeCloseTo(1e-4, 12);
  });

  test('power and cycle', () => {
    const squared = new PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 10, endLearningRate: 0.01, power: 2 });
    expect(squared.call(5)).toBeCloseTo(0.09 * 0.25 + 0.01, 12);
    const cyclic = new PolynomialDecay({
      initialLearningRate: 0.1,
      decaySteps: 10,
      endLearningRate: 0.01,
      cycle: true,
    });
    // decaySteps becomes 10 * ceil(step / 10): 10 for steps 1..10, 20 for 11..20.
    expect(at(cyclic, [0, 10, 11, 15, 20])).toEqual(close([0.1, 0.01, 0.09 * 0.45 + 0.01, 0.09 * 0.25 + 0.01, 0.01]));
  });
});

describe('InverseTimeDecay', () => {
  test('lr0 / (1 + rate * step / decaySteps), floored with staircase', () => {
    const s = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 });
    expect(at(s, [0, 1, 2, 3])).toEqual(close([0.1, 0.1 / 1.5, 0.05, 0.1 / 2.5]));
    const stairs = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 2, decayRate: 0.5, staircase: true });
    expect(at(stairs, [1, 2, 3, 4])).toEqual(close([0.1, 0.1 / 1.5, 0.1 / 1.5, 0.05]));
  });
});

describe('CosineDecay', () => {
  test('half a cosine from lr0 to alpha * lr0, then constant', () => {
    const s = new CosineDecay({ initialLearningRate: 0.1, decaySteps: 10 });
    expect(at(s, [0, 5, 10, 20])).toEqual(close([0.1, 0.05, 0, 0]));
    expect(s.call(2.5)).toBeCloseTo(0.05 * (1 + Math.cos(Math.PI / 4)), 12);
    const floor = new CosineDecay({ initialLearningRate: 0.1, decaySteps: 10, alpha: 0.1 });
    expect(at(floor, [5, 10, 30])).toEqual(close([0.1 * (0.9 * 0.5 + 0.1), 0.01, 0.01]));
  });

  test('linear warmup to warmupTarget, then the decay from warmupTarget (Keras 3)', () => {
    const s = new CosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 0.1, warmupSteps: 10 });
    expect(at(s, [0, 5, 10, 15, 20, 30])).toEqual(close([0, 0.05, 0.1, 0.05, 0, 0]));
    const fromNonZero = new CosineDecay({
      initialLearningRate: 0.02,
      decaySteps: 8,
      warmupTarget: 0.1,
      warmupSteps: 4,
      alpha: 0.5,
    });
    expect(at(fromNonZero, [1, 4, 8, 12])).toEqual(close([0.04, 0.1, 0.1 * (0.5 * 0.5 + 0.5), 0.05]));
    expect(s.getConfig()).toEqual({
      initialLearningRate: 0,
      decaySteps: 10,
      alpha: 0,
      warmupTarget: 0.1,
      warmupSteps: 10,
      name: 'CosineDecay',
    });
  });

  test('bad options', () => {
    expect(() => new CosineDecay({ initialLearningRate: 0.1, decaySteps: -5 })).toThrow(/CosineDecay: decaySteps/);
    expect(() => new CosineDecay({ initialLearningRate: 0.1, decaySteps: 5, alpha: 2 })).toThrow(
      /CosineDecay: alpha must be a number in \[0, 1\]/,
    );
  });
});

describe('CosineDecayRestarts', () => {
  test('periods of 10, 20, 40 steps (tMul 2)', () => {
    const s = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10 });
    // Restarts at steps 10 and 30; the middle of each period gives 0.5.
    expect(at(s, [0, 5, 10, 20, 30, 50])).toEqual(close([1, 0.5, 1, 0.5, 1, 0.5]));
    expect(s.call(2.5)).toBeCloseTo(0.5 * (1 + Math.cos(Math.PI / 4)), 12);
    expect(s.call(25)).toBeCloseTo(0.5 * (1 + Math.cos((Math.PI * 15) / 20)), 12);
  });

  test('mMul scales each restart; tMul 1 keeps the period; alpha is the floor', () => {
    const shrinking = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10, mMul: 0.5 });
    expect(at(shrinking, [10, 20, 30])).toEqual(close([0.5, 0.25, 0.25]));
    const even = new CosineDecayRestarts({ initialLearningRate: 2, firstDecaySteps: 10, tMul: 1, mMul: 0.5 });
    expect(at(even, [5, 10, 15, 25, 27.5])).toEqual(close([1, 1, 0.5, 0.25, 0.25 * (1 + Math.cos((Math.PI * 3) / 4))]));
    const floored = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10, alpha: 0.2 });
    expect(at(floored, [5, 10])).toEqual(close([0.2 + 0.8 * 0.5, 1]));
    expect(floored.getConfig()).toEqual({
      initialLearningRate: 1,
      firstDecaySteps: 10,
      tMul: 2,
      mMul: 1,
      alpha: 0.2,
      name: 'SGDRDecay',
    });
  });
});

describe('serialization', () => {
  const schedules: LearningRateSchedule[] = [
    new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 7, decayRate: 0.3, staircase: true }),
    new PiecewiseConstantDecay({ boundaries: [3, 8], values: [0.3, 0.2, 0.1] }),
    new PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 6, power: 0.5, cycle: true }),
    new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 2, decayRate: 0.4 }),
    new CosineDecay({ initialLearningRate: 0.01, decaySteps: 9, alpha: 0.1, warmupTarget: 0.2, warmupSteps: 3 }),
    new CosineDecayRestarts({ initialLearningRate: 0.3, firstDecaySteps: 4, tMul: 1.5, mMul: 0.9, alpha: 0.05 }),
  ];

  test.each(schedules.map((s) => [s.className, s] as const))(
    '%s round-trips through JSON with the same values',
    (_name, s) => {
      const saved = JSON.parse(JSON.stringify(serializeSchedule(s)));
      expect(saved.className).toBe(s.className);
      const again = deserializeSchedule(saved);
      expect(again.getConfig()).toEqual(s.getConfig());
      const steps = [0, 1, 2, 3, 5, 8, 13, 21];
      expect(at(again, steps)).toEqual(at(s, steps));
      const cls = s.constructor as unknown as { fromConfig(c: unknown): LearningRateSchedule };
      expect(cls.fromConfig(s.getConfig()).getConfig()).toEqual(s.getConfig());
    },
  );

  test('unknown class names and bad input', () => {
    expect(() => deserializeSchedule({ className: 'StepDecay', config: {} })).toThrow(
      /deserializeSchedule: unknown schedule 'StepDecay'; valid class names: 'ExponentialDecay', 'PiecewiseConstantDecay', 'PolynomialDecay', 'InverseTimeDecay', 'CosineDecay', 'CosineDecayRestarts'/,
    );
    expect(() => deserializeSchedule(3 as never)).toThrow(
      /expected a LearningRateSchedule or \{ className, config \}, got 3/,
    );
    expect(() => serializeSchedule({} as never)).toThrow(/serializeSchedule: expected a LearningRateSchedule/);
  });
});
