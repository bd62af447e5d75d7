import { type Variable, variable } from '@horn/autograd';
import { DTypeError, keep, ShapeError, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Adam, ExponentialDecay, LearningRateSchedule, registerSchedule, SGD } from './index.js';
import { C, expectAllClose, optimizeQuadratic, referenceQuadratic } from './test-support/quadratic.js';

const norm = (g: readonly number[]) => Math.sqrt(g.reduce((a, x) => a + x * x, 0));

describe('gradient clipping', () => {
  test('clipNorm scales each gradient to norm <= clipNorm', () => {
    // g0 = [1, -5] has norm sqrt(26) > 1: it is scaled by 1 / sqrt(26).
    const expected = referenceQuadratic(3, (w, g) => {
      const scale = 1 / Math.max(norm(g), 1);
      return w.map((x, i) => x - 0.1 * g[i] * scale);
    });
    expect(expected[0][1]).toBeCloseTo(-2 + 0.5 / Math.sqrt(26), 12);
    expectAllClose(optimizeQuadratic(new SGD({ learningRate: 0.1, clipNorm: 1 }), 3), expected);
  });

  test('clipNorm leaves a small gradient alone', () => {
    const expected = referenceQuadratic(3, (w, g) => w.map((x, i) => x - 0.1 * g[i]));
    expectAllClose(optimizeQuadratic(new SGD({ learningRate: 0.1, clipNorm: 100 }), 3), expected);
  });

  test('clipValue clips each element to [-clipValue, clipValue]', () => {
    const clip = (v: number) => Math.min(Math.max(v, -0.5), 0.5);
    const expected = referenceQuadratic(3, (w, g) => w.map((x, i) => x - 0.1 * clip(g[i])));
    expect(expected[0]).toEqual([expect.closeTo(0.95, 12), expect.closeTo(-1.95, 12)]);
    expectAllClose(optimizeQuadratic(new SGD({ learningRate: 0.1, clipValue: 0.5 }), 3), expected);
  });

  test('globalClipNorm scales all gradients by one factor; clipNorm scales each alone', () => {
    const run = (opt: SGD) => {
      const a = variable(tensor([3, 4]));
      const b = variable(tensor([0, 12]));
      opt.applyGradients([
        [tensor([3, 4]), a],
        [tensor([0, 12]), b],
      ]);
      return [a.arraySync() as number[], b.arraySync() as number[]];
    };
    // Global norm sqrt(9 + 16 + 144) = 13, so both gradients are multiplied by 6.5 / 13 = 0.5.
    expectAllClose(run(new SGD({ learningRate: 1, globalClipNorm: 6.5 })), [
      [1.5, 2],
      [0, 6],
    ]);
    // Per variable: [3, 4] (norm 5) is left alone, [0, 12] becomes [0, 6.5].
    expectAllClose(run(new SGD({ learningRate: 1, clipNorm: 6.5 })), [
      [0, 0],
      [0, 5.5],
    ]);
    // A global norm under the limit changes nothing.
    expectAllClose(run(new SGD({ learningRate: 1, globalClipNorm: 20 })), [
      [0, 0],
      [0, 0],
    ]);
  });

  test('clip options with Adam go before the update', () => {
    const opt = new Adam({ learningRate: 0.1, clipValue: 0.5 });
    const plain = new Adam({ learningRate: 0.1 });
    expect(optimizeQuadratic(opt, 3)).not.toEqual(optimizeQuadratic(plain, 3));
  });

  test('at most one clip option, each > 0', () => {
    expect(() => new SGD({ clipNorm: 1, clipValue: 1 })).toThrow(
      /SGD: only one of clipNorm, clipValue and globalClipNorm can be set, got clipNorm=1, clipValue=1/,
    );
    expect(() => new Adam({ clipNorm: 1, globalClipNorm: 1 })).toThrow(ValueError);
    expect(() => new SGD({ clipNorm: 0 })).toThrow(/SGD: clipNorm must be a number in \(0, inf\), got 0/);
    expect(() => new SGD({ clipValue: -1 })).toThrow(/clipValue/);
    expect(() => new SGD({ globalClipNorm: Number.POSITIVE_INFINITY })).toThrow(/globalClipNorm/);
  });
});

describe('weight decay and learning-rate schedules', () => {
  test('weightDecay: w -= lr * wd * w, then the update with the gradient at the old w', () => {
    const expected = referenceQuadratic(3, (w, g) => w.map((x, i) => x - 0.1 * 0.2 * x - 0.1 * g[i]));
    expect(expected[0][0]).toBeCloseTo(1 - 0.02 - 0.1, 12);
    expectAllClose(optimizeQuadratic(new SGD({ learningRate: 0.1, weightDecay: 0.2 }), 3), expected);
  });

  test('a schedule is evaluated at iterations (0, 1, 2, ...) before each update', () => {
    const lrAt = (step: number) => 0.2 * 0.5 ** (step / 2);
    const expected = referenceQuadratic(3, (w, g, t) => w.map((x, i) => x - lrAt(t - 1) * g[i]));
    const schedule = new ExponentialDecay({ initialLearningRate: 0.2, decaySteps: 2, decayRate: 0.5 });
    const opt = new SGD({ learningRate: schedule });
    expect(opt.currentLearningRate()).toBe(0.2);
    expectAllClose(optimizeQuadratic(opt, 3), expected);
    expect(opt.currentLearningRate()).toBeCloseTo(lrAt(3), 12);
  });

  test('weight decay uses the scheduled learning rate; a custom schedule works', () => {
    class Harmonic extends LearningRateSchedule {
      static override readonly className = 'Harmonic';
      call(step: number): number {
        return 0.2 / (1 + step);
      }
      getConfig() {
        return {};
      }
    }
    const lrAt = (step: number) => 0.2 / (1 + step);
    const expected = referenceQuadratic(3, (w, g, t) =>
      w.map((x, i) => x - lrAt(t - 1) * 0.5 * x - lrAt(t - 1) * g[i]),
    );
    const opt = new SGD({ learningRate: new Harmonic(), weightDecay: 0.5 });
    expectAllClose(optimizeQuadratic(opt, 3), expected);
    const config = opt.getConfig();
    expect(config.learningRate).toEqual({ className: 'Harmonic', config: {} });
    expect(() => SGD.fromConfig(config)).toThrow(/unknown schedule 'Harmonic'; valid class names: 'ExponentialDecay'/);
    registerSchedule(Harmonic);
    expect((SGD.fromConfig(config).learningRate as LearningRateSchedule).call(1)).toBe(0.1);
  });

  test('the learningRate setter validates', () => {
    const opt = new SGD();
    opt.learningRate = 0.5;
    expect(opt.currentLearningRate()).toBe(0.5);
    expect(() => {
      opt.learningRate = -1;
    }).toThrow(/SGD: learningRate/);
    expect(() => {
      opt.learningRate = { call: () => 1 } as unknown as number;
    }).toThrow(/SGD: learningRate must be a number >= 0 or a LearningRateSchedule, got an object/);
  });
});

describe('applyGradients', () => {
  test('takes an array or a record of pairs and counts iterations', () => {
    const a = variable(tensor([1, 2]), { name: 'a' });
    const b = variable(tensor(3), { name: 'b' });
    const opt = new SGD({ learningRate: 0.5 });
    expect(opt.iterations).toBe(0);
    expect(opt.applyGradients([[tensor([2, 2]), a]])).toBe(1);
    expect(opt.applyGradients({ a: [tensor([2, -2]), a], b: [tensor(4), b] })).toBe(2);
    expect(opt.iterations).toBe(2);
    expect(a.arraySync()).toEqual([-1, 2]); // [1, 2] - 0.5 [2, 2] - 0.5 [2, -2]
    expect(b.arraySync()).toBe(1);
  });

  test("Keras 3's apply(grads, variables): two lists of one length", () => {
    const a = variable(tensor([1, 2]), { name: 'a' });
    const b = variable(tensor(3), { name: 'b' });
    const opt = new SGD({ learningRate: 0.5 });
    expect(opt.apply([tensor([2, 2]), null], [a, b])).toBe(1);
    expect(opt.apply([tensor([2, -2]), tensor(4)], [a, b])).toBe(2);
    expect(a.arraySync()).toEqual([-1, 2]); // [1, 2] - 0.5 [2, 2] - 0.5 [2, -2]
    expect(b.arraySync()).toBe(1); // 3 - 0.5 * 4; the null gradient left it alone
    expect(() => opt.apply([tensor([1, 1])], [a, b])).toThrow('SGD.apply: got 1 gradients for 2 variables');
    expect(() => opt.apply([tensor([1, 1])], undefined as never)).toThrow(
      'SGD.apply: expected apply(grads, variables) with the variables the gradients belong to, got undefined',
    );
  });

  test('null gradients are skipped (no update, no slots); all null is an error', () => {
    const a = variable(tensor([1, 2]), { name: 'a' });
    const b = variable(tensor([5]), { name: 'b' });
    const opt = new Adam({ learningRate: 0.1 });
    opt.applyGradients([
      [tensor([1, 1]), a],
      [null, b],
    ]);
    expect(b.arraySync()).toEqual([5]);
    expect(opt.getSlot(b, 'momentum')).toBeUndefined();
    expect(opt.getSlot(a, 'momentum')?.name).toBe('a_momentum');
    expect(opt.iterations).toBe(1);
    expect(() => opt.applyGradients([[null, b]])).toThrow(
      /Adam.applyGradients: no gradients provided for any variable/,
    );
    expect(opt.iterations).toBe(1);
  });

  test('a gradient of another dtype is cast to float32', () => {
    const a = variable(tensor([1, 2]));
    new SGD({ learningRate: 0.5 }).applyGradients([[tensor([2, 4], undefined, 'int32'), a]]);
    expect(a.arraySync()).toEqual([0, 0]);
  });

  test('bad input', () => {
    const a = variable(tensor([1, 2]), { name: 'a' });
    const opt = new SGD();
    expect(() => opt.applyGradients([[tensor([1, 2, 3]), a]])).toThrow(ShapeError);
    expect(() => opt.applyGradients([[tensor([1, 2, 3]), a]])).toThrow(
      /SGD.applyGradients: pairs\[0\]: the gradient of 'a' has shape \[3\], expected the variable's shape \[2\]/,
    );
    expect(() => opt.applyGradients([[tensor([1, 2]), tensor([1, 2]) as never]])).toThrow(
      /SGD.applyGradients: pairs\[0\] must hold a Variable to update, got a Tensor/,
    );
    expect(() => opt.applyGradients({ w: [tensor([1, 2]), 'a' as never] })).toThrow(
      /pairs\['w'\] must hold a Variable/,
    );
    expect(() => opt.applyGradients([tensor([1]) as never])).toThrow(
      /pairs\[0\] must be a \[gradient, variable\] pair/,
    );
    expect(() => opt.applyGradients([[[1, 2] as never, a]])).toThrow(/the gradient of 'a' must be a Tensor or null/);
    expect(() => opt.applyGradients(null as never)).toThrow(ValueError);
    expect(() =>
      opt.applyGradients([
        [tensor([1, 2]), a],
        [tensor([1, 2]), a],
      ]),
    ).toThrow(/variable 'a' appears more than once/);
    const n = variable(tensor([1, 2], undefined, 'int32'), { name: 'n' });
    expect(() => opt.applyGradients([[tensor([1, 2]), n]])).toThrow(DTypeError);
    expect(opt.iterations).toBe(0);
    expect(a.arraySync()).toEqual([1, 2]);
  });
});

describe('minimize', () => {
  test('lowers the loss, returns the loss before the step, updates the trainable variables it read', () => {
    const w = variable(tensor([1, -2]), { name: 'w' });
    const frozen = variable(tensor([0.5, 0.5]), { name: 'c', trainable: false });
    const opt = new SGD({ learningRate: 0.1 });
    const lossFn = () => w.sub(frozen).square().sum();
    const first = opt.minimize(lossFn);
    const firstValue = first.dataSync()[0];
    expect(firstValue).toBeCloseTo(0.25 + 6.25, 5);
    expect(w.arraySync()).toEqual([expect.closeTo(0.9, 6), expect.closeTo(-1.5, 6)]);
    expect(frozen.arraySync()).toEqual(C);
    const second = opt.minimize(lossFn);
    expect(second.dataSync()[0]).toBeLessThan(firstValue);
    expect(opt.iterations).toBe(2);
    // The loss is a training step's tensor: the next step released it (a kept one stays).
    expect(first.isDisposed).toBe(true);
    const kept = keep(second);
    opt.minimize(lossFn);
    expect(kept.isDisposed).toBe(false);
    kept.dispose();
  });

  test('explicit variables: only those are updated, even a non-trainable one', () => {
    const a = variable(tensor([1]), { name: 'a' });
    const b = variable(tensor([2]), { name: 'b', trainable: false });
    new SGD({ learningRate: 0.25 }).minimize(() => a.mul(b).sum(), [b]);
    expect(a.arraySync()).toEqual([1]);
    expect(b.arraySync()).toEqual([1.75]);
  });

  test('a variable the loss does not read gets a null gradient and is skipped', () => {
    const a = variable(tensor([1]), { name: 'a' });
    const unused = variable(tensor([7]), { name: 'unused' });
    new SGD({ learningRate: 0.5 }).minimize(() => a.square().sum(), [a, unused]);
    expect(a.arraySync()).toEqual([0]);
    expect(unused.arraySync()).toEqual([7]);
  });

  test('bad input', () => {
    const a = variable(tensor([1]));
    const opt = new SGD();
    expect(() => opt.minimize('loss' as never)).toThrow(/SGD.minimize: lossFn must be a function/);
    expect(() => opt.minimize(() => 3 as unknown as Tensor)).toThrow(
      /SGD.minimize: lossFn must return a Tensor, got 3/,
    );
    expect(() => opt.minimize(() => tensor(1))).toThrow(/SGD.minimize: the loss reads no trainable variable/);
    expect(() => opt.minimize(() => a.sum(), [tensor([1]) as never])).toThrow(
      /SGD.minimize: variables\[0\] must be a Variable/,
    );
    expect(() => opt.minimize(() => tensor(1), [a])).toThrow(/no gradients provided/);
  });
});

describe('constraints', () => {
  test('a variable with a constraint is projected after its update, as Keras 3', () => {
    const w = variable(tensor([1, -2])) as Variable & { constraint?: { apply(t: Tensor): Tensor } };
    w.constraint = { apply: (t) => t.clip(0, 10) }; // a NonNeg-like projection
    new SGD({ learningRate: 0.5 }).applyGradients([[tensor([4, -1]), w]]);
    // SGD gives [1 - 2, -2 + 0.5] = [-1, -1.5]; the constraint clips both to 0.
    expect(w.arraySync()).toEqual([0, 0]);
  });
});
