import { type Variable, variable } from '@horn/autograd';
import { DTypeError, memory, ShapeError, scalar, type Tensor, tensor, tidy, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  Adadelta,
  Adagrad,
  Adam,
  Adamax,
  AdamW,
  CosineDecay,
  getOptimizer,
  Nadam,
  type Optimizer,
  RMSprop,
  SGD,
  serializeOptimizer,
} from './index.js';

// Every optimizer, with the options that give it all its slots, plus clipping and weight decay.
const makers: [string, () => Optimizer, number][] = [
  ['SGD', () => new SGD({ learningRate: 0.1 }), 0],
  ['SGD momentum nesterov', () => new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true, clipNorm: 1 }), 1],
  ['RMSprop', () => new RMSprop({ learningRate: 0.01, momentum: 0.5, centered: true, globalClipNorm: 1 }), 3],
  ['Adam', () => new Adam({ learningRate: 0.1, amsgrad: true, clipValue: 0.5, weightDecay: 0.01 }), 3],
  ['AdamW', () => new AdamW({ learningRate: 0.1 }), 2],
  ['Adagrad', () => new Adagrad({ learningRate: 0.1 }), 1],
  ['Adadelta', () => new Adadelta({ learningRate: 1 }), 2],
  ['Adamax', () => new Adamax({ learningRate: 0.1 }), 2],
  ['Nadam', () => new Nadam({ learningRate: 0.1 }), 2],
];

function problem(): { a: Variable; b: Variable; grads: (k: number) => [Tensor, Tensor] } {
  const a = variable(
    tensor([
      [1, -2],
      [0.5, 3],
    ]),
    { name: 'a' },
  );
  const b = variable(tensor([0.25]), { name: 'b' });
  // Deterministic gradients that change from step to step.
  const grads = (k: number): [Tensor, Tensor] => [
    tensor([
      [1, -k],
      [0.5 * k, 2],
    ]),
    tensor([k % 2 === 0 ? 0.3 : -0.7]),
  ];
  return { a, b, grads };
}

function step(opt: Optimizer, a: Variable, b: Variable, [ga, gb]: [Tensor, Tensor]): void {
  opt.applyGradients([
    [ga, a],
    [gb, b],
  ]);
}

describe.each(makers)('%s state', (_name, make, slotsPerVariable) => {
  test('updates leak no tensors: the count after several steps equals the count after the first', () => {
    const { a, b, grads } = problem();
    const gs = [1, 2, 3, 4, 5].map(grads);
    const opt = make();
    step(opt, a, b, gs[0]);
    const after = memory().numTensors;
    for (const g of gs.slice(1)) step(opt, a, b, g);
    expect(memory().numTensors).toBe(after);
    // minimize frees the loss function's intermediates itself; the caller owns the returned loss.
    opt.minimize(() => a.square().sum().add(b.sum())).dispose();
    tidy(() => {
      opt.minimize(() => a.square().sum().add(b.sum()));
    });
    expect(memory().numTensors).toBe(after);
  });

  test('getWeights: iterations then the slots in creation order; setWeights restores them', () => {
    const first = problem();
    const source = make();
    for (let k = 1; k <= 3; k++) step(source, first.a, first.b, first.grads(k));
    const weights = source.getWeights();
    expect(weights.length).toBe(1 + 2 * slotsPerVariable);
    expect(weights[0].arraySync()).toBe(3);
    expect(weights[0].dtype).toBe('int32');
    // Slot kind by slot kind: a's then b's slot of each kind.
    weights.slice(1).forEach((w, i) => {
      expect(w.shape).toEqual(i % 2 === 0 ? [2, 2] : [1]);
    });

    const second = problem();
    second.a.assign(first.a);
    second.b.assign(first.b);
    const restored = make();
    restored.build([second.a, second.b]);
    restored.setWeights(weights);
    expect(restored.iterations).toBe(3);
    step(source, first.a, first.b, first.grads(4));
    step(restored, second.a, second.b, second.grads(4));
    expect(second.a.arraySync()).toEqual(first.a.arraySync());
    expect(second.b.arraySync()).toEqual(first.b.arraySync());
    // Without the restored state, the next step differs (except for stateless SGD's first steps).
    if (slotsPerVariable > 0) {
      const third = problem();
      third.a.assign(
        tensor([
          [1, -2],
          [0.5, 3],
        ]),
      );
      const fresh = make();
      for (let k = 1; k <= 3; k++) step(fresh, third.a, third.b, third.grads(k));
      expect(third.a.arraySync()).not.toEqual(second.a.arraySync());
    }
  });

  test('getConfig / fromConfig and serializeOptimizer / getOptimizer round trips', () => {
    const opt = make();
    const config = opt.getConfig();
    const cls = opt.constructor as typeof Optimizer & { fromConfig(c: unknown): Optimizer };
    expect(cls.fromConfig(config).getConfig()).toEqual(config);
    const saved = JSON.parse(JSON.stringify(serializeOptimizer(opt)));
    const again = getOptimizer(saved);
    expect(again.className).toBe(opt.className);
    expect(again.getConfig()).toEqual(config);
  });

  test('dispose frees the slot variables', () => {
    const { a, b, grads } = problem();
    const opt = make();
    step(opt, a, b, grads(1));
    const before = memory().numTensors;
    opt.dispose();
    expect(memory().numTensors).toBe(before - 2 * slotsPerVariable);
    expect(opt.getWeights().length).toBe(1);
  });
});

describe('setWeights checks', () => {
  test('count, shapes, dtypes and the iteration value', () => {
    const { a, b, grads } = problem();
    const opt = new Adam();
    expect(() => opt.setWeights([scalar(0, 'int32'), tensor([1])])).toThrow(
      /Adam.setWeights: expected 1 weights \(iterations and 0 slots\), got 2; call build\(variables\) with the same variables first/,
    );
    step(opt, a, b, grads(1));
    const w = opt.getWeights();
    expect(() => opt.setWeights(w.slice(1))).toThrow(ValueError);
    const bad = [...w];
    bad[1] = tensor([1, 2, 3, 4]);
    expect(() => opt.setWeights(bad)).toThrow(ShapeError);
    expect(() => opt.setWeights(bad)).toThrow(/weights\[1\] \(slot 'a_momentum'\) must have shape \[2,2\], got \[4\]/);
    bad[1] = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      undefined,
      'int32',
    );
    expect(() => opt.setWeights(bad)).toThrow(DTypeError);
    expect(() => opt.setWeights([tensor([1]), ...w.slice(1)])).toThrow(
      /weights\[0\] \(iterations\) must have shape \[\]/,
    );
    expect(() => opt.setWeights([scalar(-1), ...w.slice(1)])).toThrow(/non-negative integer, got -1/);
    expect(() => opt.setWeights([scalar(1.5), ...w.slice(1)])).toThrow(/non-negative integer/);
    expect(() => opt.setWeights('w' as never)).toThrow(/expected an array of tensors/);
    expect(opt.iterations).toBe(1);
  });

  test('getWeightNames: TF.js names, iter then <variable>/<slot> in getWeights order; dispose clears them', () => {
    const { a, b, grads } = problem();
    const adam = new Adam({ learningRate: 0.1 });
    expect(adam.getWeightNames()).toEqual(['iter']);
    step(adam, a, b, grads(1));
    expect(adam.getWeightNames()).toEqual(['iter', 'a/momentum', 'b/momentum', 'a/velocity', 'b/velocity']);
    expect(adam.getWeights().length).toBe(5);
    const sgd = new SGD({ momentum: 0.9 });
    sgd.build([a, b]);
    expect(sgd.getWeightNames()).toEqual(['iter', 'a/momentum', 'b/momentum']);
    sgd.dispose();
    expect(sgd.getWeightNames()).toEqual(['iter']);
    expect(new SGD().getWeightNames()).toEqual(['iter']);
  });

  test('a schedule survives the config round trip and keeps its values', () => {
    const schedule = new CosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 0.1, warmupSteps: 5 });
    const opt = new Adam({ learningRate: schedule });
    const config = JSON.parse(JSON.stringify(opt.getConfig()));
    expect(config.learningRate).toEqual({
      className: 'CosineDecay',
      config: {
        initialLearningRate: 0,
        decaySteps: 10,
        alpha: 0,
        warmupTarget: 0.1,
        warmupSteps: 5,
        name: 'CosineDecay',
      },
    });
    const again = Adam.fromConfig(config);
    const lr = again.learningRate as CosineDecay;
    expect(lr).toBeInstanceOf(CosineDecay);
    expect([0, 2, 5, 10, 15].map((s) => lr.call(s))).toEqual([0, 0.04, 0.1, 0.05, 0].map((v) => expect.closeTo(v, 12)));
  });
});
