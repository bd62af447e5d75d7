import { describe, expect, test } from 'vitest';
import {
  Adadelta,
  Adagrad,
  Adam,
  Adamax,
  AdamW,
  CosineDecay,
  CosineDecayRestarts,
  ExponentialDecay,
  InverseTimeDecay,
  Nadam,
  PiecewiseConstantDecay,
  PolynomialDecay,
  RMSprop,
  SGD,
} from './index.js';
import { expectAllClose, optimizeQuadratic } from './test-support/quadratic.js';

type AnyClass = (new (options?: Record<string, unknown>) => unknown) & { className: string };
const OPTIMIZERS = [SGD, RMSprop, Adam, AdamW, Adagrad, Adadelta, Adamax, Nadam] as unknown as AnyClass[];

describe('optimizers take Keras spellings and refuse unknown options', () => {
  test.each(OPTIMIZERS.map((cls) => [cls.className, cls] as const))('%s refuses bogusOption', (name, cls) => {
    expect(() => new cls({ bogusOption: 1 })).toThrow(
      new RegExp(`^${name}: unknown option 'bogusOption'; valid options are .*'learningRate'`),
    );
  });

  // Keras 3.15 (jax): keras.optimizers.Adam(learning_rate=0.1, beta_1=0.5).apply_gradients on
  // f(w) = sum((w - 0.5)^2) from w = [1, -2], three steps.
  test('Adam: learning_rate and beta_1', () => {
    const adam = new Adam({ learning_rate: 0.1, beta_1: 0.5 });
    expect([adam.beta1, adam.currentLearningRate()]).toEqual([0.5, 0.1]);
    expectAllClose(
      optimizeQuadratic(adam, 3),
      [
        [0.9000009894371033, -1.9000006914138794],
        [0.8042895197868347, -1.80070161819458],
        [0.7164214849472046, -1.7025341987609863],
      ],
      1e-5,
    );
  });

  // Keras 3.15 (jax): SGD(learning_rate=0.1, clipnorm=1.0) on the same problem; global_clipnorm
  // gives the same numbers for one variable.
  test('SGD: clipnorm and global_clipnorm', () => {
    const keras = [
      [0.9803884029388428, -1.9019418954849243],
      [0.9607768058776855, -1.8038837909698486],
      [0.9411652088165283, -1.705825686454773],
    ];
    const clipped = new SGD({ learning_rate: 0.1, clipnorm: 1 });
    expect(clipped.clipNorm).toBe(1);
    expectAllClose(optimizeQuadratic(clipped, 3), keras, 1e-5);
    const global = new SGD({ learning_rate: 0.1, global_clipnorm: 1 });
    expect(global.globalClipNorm).toBe(1);
    expectAllClose(optimizeQuadratic(global, 3), keras, 1e-5);
    expect(new SGD({ clipvalue: 0.5 }).clipValue).toBe(0.5);
  });

  test('AdamW: weight_decay meets its default; RMSprop, Adagrad options', () => {
    expect(new AdamW({ weight_decay: 0.1 }).weightDecay).toBe(0.1);
    expect(new AdamW().weightDecay).toBe(0.004);
    expect(new Adagrad({ initial_accumulator_value: 0.5 }).initialAccumulatorValue).toBe(0.5);
    expect(new RMSprop({ rho: 0.8, centered: true }).centered).toBe(true);
  });

  test('refused forms name what Horn expects', () => {
    expect(() => new SGD(0.01 as never)).toThrow(
      "SGD: expected an options object, got 0.01; this looks like Keras' positional form SGD(0.01, ...) (learning_rate first): write new SGD({ learningRate: 0.01 })",
    );
    expect(() => new Adam({ learning_rate: 0.1, learningRate: 0.2 })).toThrow(
      "Adam: option 'learningRate' is given twice, as 'learning_rate' and as 'learningRate'; give one spelling",
    );
    expect(() => new Adam({ use_ema: true } as never)).toThrow("Adam: unknown option 'use_ema' (read as 'useEma')");
    expect(() => new Adam({ epsilom: 1e-7 } as never)).toThrow(/did you mean 'epsilon'/);
  });
});

describe('schedules take Keras spellings and refuse unknown options', () => {
  const SCHEDULES: [AnyClass, Record<string, unknown>][] = [
    [ExponentialDecay as unknown as AnyClass, { initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 }],
    [InverseTimeDecay as unknown as AnyClass, { initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 }],
    [PolynomialDecay as unknown as AnyClass, { initialLearningRate: 0.1, decaySteps: 10 }],
    [CosineDecay as unknown as AnyClass, { initialLearningRate: 0.1, decaySteps: 10 }],
    [CosineDecayRestarts as unknown as AnyClass, { initialLearningRate: 0.1, firstDecaySteps: 10 }],
    [PiecewiseConstantDecay as unknown as AnyClass, { boundaries: [5], values: [0.1, 0.01] }],
  ];
  test.each(SCHEDULES.map(([cls, config]) => [cls.className, cls, config] as const))(
    '%s refuses bogusOption',
    (name, cls, config) => {
      expect(() => new cls({ ...config, bogusOption: 1 })).toThrow(`${name}: unknown option 'bogusOption'`);
    },
  );

  // Keras 3.15: ExponentialDecay(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5)(20) == 0.025.
  test('ExponentialDecay in snake_case', () => {
    const s = new ExponentialDecay({ initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5 });
    expect(s.call(20)).toBeCloseTo(0.025, 12);
    expect(new CosineDecayRestarts({ initial_learning_rate: 1, first_decay_steps: 4, t_mul: 3 }).tMul).toBe(3);
  });
});
