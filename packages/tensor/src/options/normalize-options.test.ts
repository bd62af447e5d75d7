import { describe, expect, test } from 'vitest';
import { ValueError } from '../errors.js';
import { configKeysOf, normalizeOptions, snakeToCamel } from './normalize-options.js';

describe('snakeToCamel', () => {
  test('maps Keras spellings one to one', () => {
    expect(snakeToCamel('kernel_initializer')).toBe('kernelInitializer');
    expect(snakeToCamel('beta_1')).toBe('beta1');
    expect(snakeToCamel('global_clipnorm')).toBe('globalClipnorm');
    expect(snakeToCamel('moving_variance_initializer')).toBe('movingVarianceInitializer');
    expect(snakeToCamel('units')).toBe('units');
    expect(snakeToCamel('useBias')).toBe('useBias');
  });
});

describe('normalizeOptions', () => {
  test('renames snake_case keys, keeps camelCase ones, drops undefined values', () => {
    const given = { units: 3, use_bias: false, kernelInitializer: 'zeros', bias_initializer: undefined };
    expect(normalizeOptions('Dense', given, ['units', 'useBias', 'kernelInitializer', 'biasInitializer'])).toEqual({
      units: 3,
      useBias: false,
      kernelInitializer: 'zeros',
    });
    expect(given).toHaveProperty('use_bias', false);
  });

  test('applies aliases for Keras one-word names', () => {
    const out = normalizeOptions('SGD', { clipnorm: 1, global_clipnorm: undefined }, ['clipNorm', 'globalClipNorm'], {
      clipnorm: 'clipNorm',
      global_clipnorm: 'globalClipNorm',
    });
    expect(out).toEqual({ clipNorm: 1 });
  });

  test('refuses both spellings of one option', () => {
    expect(() => normalizeOptions('Dense', { useBias: true, use_bias: false }, null)).toThrow(
      "Dense: option 'useBias' is given twice, as 'useBias' and as 'use_bias'; give one spelling",
    );
  });

  test('refuses an unknown key by name, with the closest valid one and the list', () => {
    expect(() => normalizeOptions('Dense', { unit: 3 }, ['units', 'activation'])).toThrow(
      "Dense: unknown option 'unit' (did you mean 'units'?); valid options are 'units', 'activation'",
    );
    expect(() => normalizeOptions('Dense', { kernel_initialiser: 'zeros' }, ['kernelInitializer'])).toThrow(
      "Dense: unknown option 'kernel_initialiser' (read as 'kernelInitialiser') (did you mean 'kernelInitializer'?)",
    );
    expect(() => normalizeOptions('Flatten', { bogusOption: 1 }, ['dataFormat'])).toThrow(
      "Flatten: unknown option 'bogusOption'; valid options are 'dataFormat'",
    );
    expect(() => normalizeOptions('Flatten', { bogusOption: 1 }, [])).toThrow(ValueError);
  });

  test('without allowed keys only normalizes', () => {
    expect(normalizeOptions('MyLayer', { my_option: 1 }, null)).toEqual({ myOption: 1 });
    expect(normalizeOptions('MyLayer', undefined, ['a'])).toEqual({});
  });

  test('refuses a non-object', () => {
    expect(() => normalizeOptions('Dense', [1] as unknown as object, null)).toThrow(
      "Dense: expected an options object ({ ... }), got an array; Keras' positional arguments are options by name here",
    );
    expect(() => normalizeOptions('Dense', 8 as unknown as object, null)).toThrow(
      "Dense: expected an options object ({ ... }), got number 8; Keras' positional arguments are options by name here",
    );
  });
});

describe('configKeysOf', () => {
  class Base {
    static readonly configKeys: readonly string[] = ['name'];
    readonly kind = 'base';
  }
  class Middle extends Base {
    static override readonly configKeys: readonly string[] = ['units'];
  }
  class Leaf extends Middle {
    static override readonly configKeys: readonly string[] = ['rate', 'units'];
  }
  class Custom extends Middle {}

  test('collects the chain up to the base, own keys first, once each', () => {
    expect(configKeysOf(Leaf, Base)).toEqual(['rate', 'units', 'name']);
    expect(configKeysOf(Base, Base)).toEqual(['name']);
  });

  test('is null for a subclass that declares none', () => {
    expect(configKeysOf(Custom, Base)).toBeNull();
  });
});
