import type { Variable } from '@horn/autograd';
import { add, matmul, mul, ones, relu, sum, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Bidirectional, Dense, Layer, type LayerConfig, MaxNorm, SimpleRNN } from '../index.js';
import { flattenLayers, trackedLayers } from './tracking.js';

// The cases of keras.io's "Making new layers and models via subclassing" guide. The Keras numbers
// were measured with Keras 3.15.1 (jax backend) running the guide's code.

class Linear extends Layer {
  static override readonly className: string = 'Linear';
  w!: Variable;
  b!: Variable;
  constructor(readonly units = 32) {
    super();
  }
  override build(inputShape: (number | null)[]): void {
    this.w = this.addWeight('w', [inputShape.at(-1) as number, this.units], { initializer: 'randomNormal' });
    this.b = this.addWeight('b', [this.units], { initializer: 'zeros' });
  }
  override call(x: Tensor): Tensor {
    return add(matmul(x, this.w), this.b);
  }
}

class MLPBlock extends Layer {
  static override readonly className: string = 'MLPBlock';
  linear1 = new Linear(32);
  linear2 = new Linear(32);
  linear3 = new Linear(1);
  override call(x: Tensor): Tensor {
    return this.linear3.apply(relu(this.linear2.apply(relu(this.linear1.apply(x)))));
  }
}

class ActivityRegularizationLayer extends Layer {
  static override readonly className: string = 'ActivityRegularizationLayer';
  constructor(readonly rate = 1e-2) {
    super();
  }
  override call(x: Tensor): Tensor {
    this.addLoss(mul(sum(x), this.rate));
    return x;
  }
}

class OuterLayer extends Layer {
  static override readonly className: string = 'OuterLayer';
  activityReg = new ActivityRegularizationLayer(1e-2);
  override call(x: Tensor): Tensor {
    return this.activityReg.apply(x);
  }
}

class OuterWithKernelRegularizer extends Layer {
  static override readonly className: string = 'OuterWithKernelRegularizer';
  dense = new Dense({ units: 2, kernelRegularizer: { className: 'L2', config: { l2: 1e-3 } } });
  override call(x: Tensor): Tensor {
    return this.dense.apply(x);
  }
}

describe('a Layer tracks the layers it holds', () => {
  test("MLPBlock of three Linear: 6 weights, 6 trainable, Keras' shapes (the guide)", () => {
    const mlp = new MLPBlock();
    expect(mlp.apply(ones([3, 64])).shape).toEqual([3, 1]);
    // Keras: weights 6, trainable 6, [(64, 32), (32,), (32, 32), (32,), (32, 1), (1,)]
    expect(mlp.weights.length).toBe(6);
    expect(mlp.trainableWeights.length).toBe(6);
    expect(mlp.nonTrainableWeights.length).toBe(0);
    expect(mlp.weights.map((w) => w.shape)).toEqual([[64, 32], [32], [32, 32], [32], [32, 1], [1]]);
    expect(mlp.weights[0]).toBe(mlp.linear1.w);
    expect(mlp.countParams()).toBe(3169); // Keras summary: mlp_block (MLPBlock) 3,169
    expect(mlp.getWeights().length).toBe(6);
  });

  test("an inner addLoss is in the outer layer's losses (the guide's OuterLayer)", () => {
    const outer = new OuterLayer();
    outer.apply(
      tensor([
        [1, 2],
        [3, 4],
      ]),
    );
    // Keras: outer.losses == [0.1] (1e-2 * sum([[1, 2], [3, 4]]))
    expect(outer.losses.length).toBe(1);
    expect(outer.losses[0].dataSync()[0]).toBeCloseTo(0.1, 6);
    // Losses are per call, as Keras: the next call replaces them.
    outer.apply(tensor([[1, 1]]));
    expect(outer.losses.map((l) => l.dataSync()[0])).toEqual([expect.closeTo(0.02, 6)]);
  });

  test('a shared inner layer called twice in one call adds both losses; the next call replaces them', () => {
    class Twice extends Layer {
      static override readonly className: string = 'Twice';
      ar = new ActivityRegularizationLayer(1e-2);
      override call(x: Tensor): Tensor {
        return this.ar.apply(mul(this.ar.apply(x), 2));
      }
    }
    const twice = new Twice();
    twice.apply(tensor([[1, 2]]));
    // Keras: [0.03, 0.06], then [0.02, 0.04] after a call on [[1, 1]]
    expect(twice.losses.map((l) => l.dataSync()[0])).toEqual([expect.closeTo(0.03, 6), expect.closeTo(0.06, 6)]);
    twice.apply(tensor([[1, 1]]));
    expect(twice.losses.map((l) => l.dataSync()[0])).toEqual([expect.closeTo(0.02, 6), expect.closeTo(0.04, 6)]);
  });

  test("an inner kernel regularizer's penalty is in the outer layer's losses", () => {
    const outer = new OuterWithKernelRegularizer();
    outer.apply(ones([1, 2]));
    outer.dense.setWeights([
      tensor([
        [1, 2],
        [3, 4],
      ]),
      tensor([0, 0]),
    ]);
    // Keras: [0.03] = 1e-3 * (1 + 4 + 9 + 16)
    expect(outer.losses.map((l) => l.dataSync()[0])).toEqual([expect.closeTo(0.03, 6)]);
  });

  test('freezing the outer layer freezes the inner ones (and unfreezing thaws them)', () => {
    const mlp = new MLPBlock();
    mlp.apply(ones([1, 8]));
    mlp.trainable = false;
    // Keras: trainable_weights 0, non_trainable_weights 6, linear_1.trainable False
    expect(mlp.trainableWeights.length).toBe(0);
    expect(mlp.nonTrainableWeights.length).toBe(6);
    expect(mlp.linear1.trainable).toBe(false);
    expect(mlp.linear1.w.trainable).toBe(false);
    mlp.trainable = true;
    expect(mlp.trainableWeights.length).toBe(6);
    expect(mlp.linear3.b.trainable).toBe(true);
  });

  test('a frozen inner layer keeps the outer penalty out, as Keras 3', () => {
    const outer = new OuterWithKernelRegularizer();
    outer.apply(ones([1, 2]));
    outer.dense.trainable = false;
    expect(outer.losses).toEqual([]);
    expect(outer.nonTrainableWeights.length).toBe(2);
  });

  test('arrays and plain objects of layers, nested, each once; shared layers counted once', () => {
    const shared = new Dense({ units: 3 });
    class Holder extends Layer {
      static override readonly className: string = 'Holder';
      blocks = [new Dense({ units: 3 }), [shared]];
      heads = { a: shared, b: { c: new Dense({ units: 1 }) } };
      notALayer = { n: 3, s: 'x', t: ones([2]) };
      override call(x: Tensor): Tensor {
        return this.heads.b.c.apply(this.heads.a.apply((this.blocks[0] as Dense).apply(x)));
      }
    }
    const h = new Holder();
    expect(h.subLayers.map((l) => l.constructor.name)).toEqual(['Dense', 'Dense', 'Dense']);
    expect(h.subLayers[1]).toBe(shared);
    h.apply(ones([2, 4]));
    // Dense(3) on 4: 15; the shared Dense(3) on 3: 12 (held twice, counted once); Dense(1) on 3: 4.
    expect(h.countParams()).toBe(31);
    expect(h.weights.length).toBe(6);
    h.dispose();
    expect(h.weights.length).toBe(0);
    expect(shared.built).toBe(false);
  });

  test('cycles are safe and a layer is not its own sub-layer', () => {
    class Loop extends Layer {
      static override readonly className: string = 'Loop';
      self: Layer = this;
      ring: unknown[] = [];
      inner = new Dense({ units: 1 });
      override call(x: Tensor): Tensor {
        return this.inner.apply(x);
      }
    }
    const loop = new Loop();
    loop.ring.push(loop.ring, { back: loop });
    expect(loop.subLayers).toEqual([loop.inner]);
    expect(trackedLayers(loop, (v): v is Layer => v instanceof Layer)).toEqual([loop.inner]);
    expect(flattenLayers<Layer>(loop)).toEqual([loop.inner]);
  });

  test('a layer given in the constructor options is a sub-layer; a Bidirectional tracks its copies, not its template', () => {
    interface ResidualConfig extends LayerConfig {
      inner: Layer;
    }
    class Residual extends Layer<ResidualConfig> {
      static override readonly className: string = 'Residual';
      static override readonly configKeys: readonly string[] = ['inner'];
      override call(x: Tensor): Tensor {
        return add(x, this.config.inner.apply(x) as Tensor);
      }
    }
    const inner = new Dense({ units: 2 });
    const res = new Residual({ inner });
    expect(res.subLayers).toEqual([inner]);
    res.apply(ones([1, 2]));
    expect(res.countParams()).toBe(6);
    const template = new SimpleRNN({ units: 2 });
    const bi = new Bidirectional({ layer: template });
    expect(bi.subLayers).toEqual([bi.forwardLayer, bi.backwardLayer]);
    expect(bi.subLayers).not.toContain(template);
  });

  test('applyConstraints projects the inner weights', () => {
    class Constrained extends Layer {
      static override readonly className: string = 'Constrained';
      dense = new Dense({ units: 1, useBias: false, kernelConstraint: new MaxNorm({ maxValue: 1 }) });
      override call(x: Tensor): Tensor {
        return this.dense.apply(x);
      }
    }
    const c = new Constrained();
    c.apply(ones([1, 2]));
    c.dense.setWeights([tensor([[3], [4]])]);
    c.applyConstraints();
    // MaxNorm(1) over axis 0: [3, 4] / (5 + 1e-7) (Keras' epsilon)
    const [k] = c.getWeights();
    expect(Array.from(k.dataSync())).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
  });
});
