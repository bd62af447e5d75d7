import { describe, expect, expectTypeOf, test } from 'vitest';
import type { KerasOptions, SnakeCase } from './keras-options.js';
import { snakeToCamel } from './normalize-options.js';

interface DenseLike {
  units: number;
  useBias?: boolean;
  kernelInitializer?: string;
  name?: string;
}

interface ConvLike {
  filters: number;
  kernelSize: number | number[];
  dataFormat?: 'channelsLast' | 'channelsFirst';
}

interface AdamLike {
  learningRate?: number;
  beta1?: number;
  clipNorm?: number | null;
  globalClipNorm?: number | null;
}

interface RegularizerLike {
  l1?: number;
  l2?: number;
}

describe('SnakeCase', () => {
  test('spells camelCase names as Keras does', () => {
    expectTypeOf<SnakeCase<'kernelInitializer'>>().toEqualTypeOf<'kernel_initializer'>();
    expectTypeOf<SnakeCase<'movingVarianceInitializer'>>().toEqualTypeOf<'moving_variance_initializer'>();
    expectTypeOf<SnakeCase<'beta1'>>().toEqualTypeOf<'beta_1'>();
    expectTypeOf<SnakeCase<'units'>>().toEqualTypeOf<'units'>();
    expectTypeOf<SnakeCase<'globalClipNorm'>>().toEqualTypeOf<'global_clip_norm'>();
    expectTypeOf<SnakeCase<'conv2D'>>().toEqualTypeOf<'conv_2_d'>();
    expectTypeOf<SnakeCase<string>>().toEqualTypeOf<string>();
  });

  test('the runtime reads each spelling back to the camelCase name', () => {
    // Value-level twins of the type-level cases above: snakeToCamel inverts SnakeCase.
    const cases: [string, SnakeCase<'kernelInitializer' | 'beta1' | 'l1' | 'conv2D' | 'globalClipNorm'>][] = [
      ['kernelInitializer', 'kernel_initializer'],
      ['beta1', 'beta_1'],
      ['l1', 'l_1'],
      ['conv2D', 'conv_2_d'],
      ['globalClipNorm', 'global_clip_norm'],
    ];
    expect(cases.map(([, snake]) => snakeToCamel(snake))).toEqual(cases.map(([camel]) => camel));
  });
});

describe('KerasOptions', () => {
  test('accepts camelCase, snake_case and a mix, and refuses typos', () => {
    const camel: KerasOptions<DenseLike> = { units: 8, useBias: false, kernelInitializer: 'zeros' };
    const snake: KerasOptions<DenseLike> = { units: 8, use_bias: false, kernel_initializer: 'zeros' };
    const mixed: KerasOptions<DenseLike> = { units: 8, use_bias: false, kernelInitializer: 'zeros', name: 'd' };
    // @ts-expect-error the typo kernel_initialiser is not an option
    const typo: KerasOptions<DenseLike> = { units: 8, kernel_initialiser: 'zeros' };
    // @ts-expect-error units is required
    const missing: KerasOptions<DenseLike> = { use_bias: false };
    // @ts-expect-error use_bias keeps the type of useBias
    const wrongType: KerasOptions<DenseLike> = { units: 8, use_bias: 'no' };
    expectTypeOf(camel).toMatchTypeOf<{ units: number }>();
    expectTypeOf([snake, mixed, typo, missing, wrongType]).toBeArray();
  });

  test('a required option may be given in either spelling, not both, not neither', () => {
    const camel: KerasOptions<ConvLike> = { filters: 2, kernelSize: 3 };
    const snake: KerasOptions<ConvLike> = { filters: 2, kernel_size: [3, 3], data_format: 'channelsFirst' };
    // @ts-expect-error both spellings of kernelSize (the runtime refuses this too)
    const both: KerasOptions<ConvLike> = { filters: 2, kernelSize: 3, kernel_size: 3 };
    // @ts-expect-error kernelSize is required
    const neither: KerasOptions<ConvLike> = { filters: 2 };
    // @ts-expect-error data_format keeps the union type of dataFormat
    const badFormat: KerasOptions<ConvLike> = { filters: 2, kernel_size: 3, data_format: 'channels_last' };
    expectTypeOf([camel, snake, both, neither, badFormat]).toBeArray();
  });

  test('digits: beta_1 and beta1, l1 and l_1, as the runtime reads them', () => {
    const a: KerasOptions<AdamLike> = { learning_rate: 0.01, beta_1: 0.8 };
    const b: KerasOptions<AdamLike> = { learningRate: 0.01, beta1: 0.8 };
    const r: KerasOptions<RegularizerLike> = { l1: 0.01, l2: 0.02 };
    const r2: KerasOptions<RegularizerLike> = { l_1: 0.01 };
    // @ts-expect-error beta_one is not a spelling of beta1
    const wrong: KerasOptions<AdamLike> = { beta_one: 0.8 };
    expectTypeOf([a, b, r, r2, wrong]).toBeArray();
  });

  test('aliases add Keras one-word names with the target type', () => {
    type Aliases = { clipnorm: 'clipNorm'; global_clipnorm: 'globalClipNorm' };
    const a: KerasOptions<AdamLike, Aliases> = { clipnorm: 1, learning_rate: 0.1 };
    const b: KerasOptions<AdamLike, Aliases> = { global_clipnorm: null, clip_norm: 2 };
    // @ts-expect-error clipnorm keeps the type of clipNorm
    const c: KerasOptions<AdamLike, Aliases> = { clipnorm: 'one' };
    // @ts-expect-error clipnorm is only an option where the alias is given
    const d: KerasOptions<AdamLike> = { clipnorm: 1 };
    expectTypeOf<KerasOptions<AdamLike, Aliases>['clipnorm']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf([a, b, c, d]).toBeArray();
  });

  test('a union of option types maps each member', () => {
    type Either = { mode: 'a'; sizeA: number } | { mode: 'b'; sizeB?: string };
    const a: KerasOptions<Either> = { mode: 'a', size_a: 1 };
    const b: KerasOptions<Either> = { mode: 'b', size_b: 'x' };
    // @ts-expect-error size_a belongs to mode 'a'
    const c: KerasOptions<Either> = { mode: 'b', size_a: 1 };
    expectTypeOf([a, b, c]).toBeArray();
  });
});

describe('KerasOptions stays an options object', () => {
  test('refuses a bare value, as the runtime does (Keras positional arguments)', () => {
    interface AllOptional {
      batchSize?: number;
      verbose?: number;
    }
    // @ts-expect-error a number is not options (Keras' positional fit(x, y, 32))
    const n: KerasOptions<AllOptional> = 32;
    // @ts-expect-error a string is not options
    const s: KerasOptions<{ optimizer?: string; lossWeights?: number[] }> = 'adam';
    // @ts-expect-error a number is not options even when a key is required
    const r: KerasOptions<ConvLike> = 3;
    const ok: KerasOptions<AllOptional> = { batch_size: 3, verbose: 0 };
    expectTypeOf([n, s, r, ok]).toBeArray();
  });
});
