import { ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  Adadelta,
  Adagrad,
  Adam,
  Adamax,
  AdamW,
  getOptimizer,
  Nadam,
  optimizerIds,
  RMSprop,
  SGD,
  serializeOptimizer,
} from './index.js';

describe('getOptimizer', () => {
  test.each([
    ['sgd', SGD, 0.01],
    ['rmsprop', RMSprop, 0.001],
    ['adam', Adam, 0.001],
    ['adamw', AdamW, 0.001],
    ['adagrad', Adagrad, 0.001],
    ['adadelta', Adadelta, 0.001],
    ['adamax', Adamax, 0.001],
    ['nadam', Nadam, 0.001],
  ] as const)("'%s' gives a new %s with Keras defaults", (id, cls, lr) => {
    const opt = getOptimizer(id);
    expect(opt).toBeInstanceOf(cls);
    expect(opt.className).toBe(cls.className);
    expect(opt.learningRate).toBe(lr);
    expect(getOptimizer(id)).not.toBe(opt);
  });

  test('ids are case-insensitive, so Keras class names work', () => {
    expect(getOptimizer('Adam')).toBeInstanceOf(Adam);
    expect(getOptimizer('RMSprop')).toBeInstanceOf(RMSprop);
    expect(getOptimizer('SGD')).toBeInstanceOf(SGD);
    expect(getOptimizer('AdamW')).toBeInstanceOf(AdamW);
    expect(optimizerIds).toEqual(['sgd', 'rmsprop', 'adam', 'adamw', 'adagrad', 'adadelta', 'adamax', 'nadam']);
  });

  test('an optimizer passes through; { className, config } is deserialized', () => {
    const opt = new SGD({ momentum: 0.9 });
    expect(getOptimizer(opt)).toBe(opt);
    const adam = getOptimizer({ className: 'Adam', config: { learningRate: 0.01, amsgrad: true } }) as Adam;
    expect(adam).toBeInstanceOf(Adam);
    expect(adam.amsgrad).toBe(true);
    expect(adam.learningRate).toBe(0.01);
    expect(serializeOptimizer(opt)).toEqual({ className: 'SGD', config: opt.getConfig() });
  });

  test('unknown ids list the valid ones', () => {
    const valid = "'sgd', 'rmsprop', 'adam', 'adamw', 'adagrad', 'adadelta', 'adamax', 'nadam'";
    expect(() => getOptimizer('adamm')).toThrow(ValueError);
    expect(() => getOptimizer('adamm')).toThrow(`getOptimizer: unknown optimizer id 'adamm'; valid ids: ${valid}`);
    expect(() => getOptimizer({ className: 'Lion', config: {} })).toThrow(
      /unknown optimizer class name 'Lion'; valid ids/,
    );
    expect(() => getOptimizer(5 as never)).toThrow(
      /expected a string id, an Optimizer or \{ className, config \}, got 5/,
    );
    expect(() => getOptimizer({ className: 'Adam', config: { beta1: 2 } })).toThrow(/Adam: beta1/);
    expect(() => serializeOptimizer({} as never)).toThrow(/serializeOptimizer: expected an Optimizer/);
  });
});
