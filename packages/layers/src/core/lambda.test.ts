import { concat, mul, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Input, Lambda, type LambdaConfig, runLayerTest } from '../index.js';

const twice = (x: Tensor | Tensor[]) => concat([x as Tensor, x as Tensor], -1);

// A Lambda with a fixed function: the way to make one that round-trips through its config.
class Doubled extends Lambda {
  static override readonly className = 'Doubled';
  constructor(config: Omit<LambdaConfig, 'function'> = {}) {
    super({ ...config, function: (x) => mul(x as Tensor, 2) });
  }
}

describe('Lambda', () => {
  test('a subclass with a fixed function follows the layer contract', () => {
    const out = runLayerTest(Doubled, {
      config: {},
      inputData: tensor([
        [1, -2],
        [3, 0.5],
      ]),
      inputShape: [2, 2],
      expectedOutputShape: [2, 2],
      expectedNumTrainableWeights: 0,
    });
    expect(out.arraySync()).toEqual([
      [2, -4],
      [6, 1],
    ]);
  });

  test('wraps a function; arguments are passed as its second argument', () => {
    const scale = new Lambda({
      function: (x, args) => mul(x as Tensor, args.factor as number),
      arguments: { factor: 3 },
    });
    expect(scale.apply(tensor([[1, 2]])).arraySync()).toEqual([[3, 6]]);
    const sum = new Lambda({ function: (xs) => (xs as Tensor[])[0].add((xs as Tensor[])[1]) });
    expect(sum.apply([tensor([[1]]), tensor([[2]])]).arraySync()).toEqual([[3]]);
  });

  test('output shape: inferred by a call on zeros, or outputShape (without the batch), or a function', () => {
    // Keras: Lambda(lambda t: ops.concatenate([t, t], -1))(Input((3,))).shape == (None, 6)
    expect(new Lambda({ function: twice }).apply(Input({ shape: [3] })).shape).toEqual([null, 6]);
    expect(new Lambda({ function: twice }).apply(Input({ shape: [3], batchSize: 4 })).shape).toEqual([4, 6]);
    expect(new Lambda({ function: twice, outputShape: [6] }).computeOutputShape([null, 3])).toEqual([null, 6]);
    const byFn = new Lambda({ function: twice, outputShape: (s) => [(s as (number | null)[])[0], 99] });
    expect(byFn.apply(Input({ shape: [3] })).shape).toEqual([null, 99]);
    const bad = new Lambda({
      function: () => {
        throw new Error('boom');
      },
    });
    expect(() => bad.computeOutputShape([null, 3])).toThrow(
      /could not infer the output shape .*\[null, 3\] \(boom\); pass outputShape/,
    );
  });

  test("config records the function's code; fromConfig refuses to evaluate it and takes the function back", () => {
    const layer = new Lambda({ function: twice, outputShape: [6], name: 'lam' });
    const config = JSON.parse(JSON.stringify(layer.getConfig()));
    expect(config.name).toBe('lam');
    expect(config.outputShape).toEqual([6]);
    expect(config.function.className).toBe('__lambda__');
    expect(config.function.config.code).toContain('concat');
    expect(() => Lambda.fromConfig(config)).toThrow(ValueError);
    expect(() => Lambda.fromConfig(config)).toThrow(
      /cannot rebuild the function from a config: Horn never evaluates code/,
    );
    const rebuilt = Lambda.fromConfig({ ...config, function: twice }) as Lambda;
    expect(rebuilt.apply(tensor([[1, 2]])).arraySync()).toEqual([[1, 2, 1, 2]]);
  });

  test('bad options are refused by name', () => {
    expect(() => new Lambda({} as LambdaConfig)).toThrow(
      /Lambda 'lambda(_\d+)?': function must be a function, got undefined/,
    );
    expect(() => new Lambda({ function: twice, outputShape: [-1] })).toThrow(
      /outputShape must be a shape without the batch/,
    );
    expect(() => new Lambda({ function: twice, arguments: [1] as unknown as Record<string, unknown> })).toThrow(
      /arguments must be an object/,
    );
  });
});
