import type { Variable } from '@horn/autograd';
import { add, concat, matmul, mean, memory, mul, ones, reshape, sum, type Tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Dense, Input, Layer, type LayerConfig } from '../index.js';

interface CustomDenseConfig extends LayerConfig {
  units: number;
}

/** A Dense written by a user, without computeOutputShape (Keras infers its output shape). */
class CustomDense extends Layer<CustomDenseConfig> {
  static override readonly className: string = 'CustomDense';
  static override readonly configKeys: readonly string[] = ['units'];
  kernel!: Variable;
  bias!: Variable;
  builds = 0;
  override build(inputShape: (number | null)[]): void {
    this.builds++;
    this.kernel = this.addWeight('kernel', [inputShape.at(-1) as number, this.config.units]);
    this.bias = this.addWeight('bias', [this.config.units], { initializer: 'zeros' });
  }
  override call(x: Tensor): Tensor {
    return add(matmul(x, this.kernel), this.bias);
  }
}

/** Two outputs: the input doubled and its row sums. */
class TwoHeads extends Layer {
  static override readonly className: string = 'TwoHeads';
  override call(x: Tensor): Tensor[] {
    return [mul(x, 2), sum(x, -1, true)];
  }
}

/** [batch, 6] -> [batch, 2, 3]. */
class ToMatrix extends Layer {
  static override readonly className: string = 'ToMatrix';
  override call(x: Tensor): Tensor {
    return reshape(x, [x.shape[0], 2, 3]);
  }
}

/** Mean over time, then a Dense held inside: [batch, time, 8] -> [batch, 3]. */
class PoolThenDense extends Layer {
  static override readonly className: string = 'PoolThenDense';
  head = new Dense({ units: 3 });
  override call(x: Tensor): Tensor {
    this.addLoss(sum(x));
    return this.head.apply(mean(x, 1));
  }
}

describe('the output shape of a custom layer is inferred by running call (Keras)', () => {
  test('CustomDense(10) on Input([4]) gives [null, 10], built once with the real weights', () => {
    const layer = new CustomDense({ units: 10 });
    const y = layer.apply(Input({ shape: [4] }));
    // Keras 3.15.1: CustomDense(10)(keras.Input((4,))).shape == (None, 10)
    expect(y.shape).toEqual([null, 10]);
    expect(layer.builds).toBe(1);
    expect(layer.weights.map((w) => w.shape)).toEqual([[4, 10], [10]]);
    const kernel = layer.kernel;
    expect(layer.apply(ones([5, 4])).shape).toEqual([5, 10]);
    expect(layer.kernel).toBe(kernel);
    expect(layer.builds).toBe(1);
  });

  test('a multi-output custom layer gives several symbolic outputs', () => {
    const outs = new TwoHeads().apply(Input({ shape: [4] }));
    expect(Array.isArray(outs)).toBe(true);
    expect((outs as unknown as { shape: unknown }[]).map((t) => t.shape)).toEqual([
      [null, 4],
      [null, 1],
    ]);
  });

  test('a custom layer that changes rank; an unknown time dimension stays unknown', () => {
    expect(new ToMatrix().apply(Input({ shape: [6] })).shape).toEqual([null, 2, 3]);
    const pooled = new PoolThenDense();
    expect(pooled.apply(Input({ shape: [null, 8] })).shape).toEqual([null, 3]);
    // Losses added while inferring are dropped (they belong to no real call).
    expect(pooled.losses).toEqual([]);
    expect(pooled.weights.map((w) => w.shape)).toEqual([[8, 3], [3]]);
    // The inner Dense built during inference keeps its weights: an eager call uses them.
    const [k] = pooled.getWeights();
    const y = pooled.apply(ones([2, 5, 8]));
    // mean over time of ones is ones, so each output is a column sum of the kernel (the bias is 0).
    const kernel = k.arraySync() as number[][];
    const columnSums = [0, 1, 2].map((j) => kernel.reduce((n, row) => n + row[j], 0));
    expect(Array.from(y.dataSync()).slice(0, 3)).toEqual(columnSums.map((v) => expect.closeTo(v, 5)));
    class KeepTime extends Layer {
      static override readonly className: string = 'KeepTime';
      override call(x: Tensor): Tensor {
        return concat([x, x], -1);
      }
    }
    expect(new KeepTime().apply(Input({ shape: [null, 8] })).shape).toEqual([null, null, 16]);
  });

  test('inference leaks no tensors', () => {
    const layer = new CustomDense({ units: 3 });
    layer.build([null, 2]);
    layer.built = true;
    const before = memory().numTensors;
    expect(layer.computeOutputShape([null, 2])).toEqual([null, 3]);
    expect(memory().numTensors).toBe(before);
  });

  test('a call that returns no tensor is refused by name', () => {
    class Broken extends Layer {
      static override readonly className: string = 'Broken';
      override call(): Tensor {
        return 3 as unknown as Tensor;
      }
    }
    expect(() => new Broken({ name: 'broken' }).apply(Input({ shape: [2] }))).toThrow(ValueError);
    expect(() => new Broken({ name: 'broken_1' }).apply(Input({ shape: [2] }))).toThrow(
      "Broken 'broken_1': call() must return a Tensor or an array of Tensors; the output is number",
    );
  });

  test('a layer with its own computeOutputShape is not run (built-ins keep the no-kernel path)', () => {
    class Declared extends Layer {
      static override readonly className: string = 'Declared';
      calls = 0;
      override call(x: Tensor): Tensor {
        this.calls++;
        return x;
      }
      override computeOutputShape(s: (number | null)[]): (number | null)[] {
        return [...s.slice(0, -1), 7];
      }
    }
    const d = new Declared();
    expect(d.apply(Input({ shape: [2] })).shape).toEqual([null, 7]);
    expect(d.calls).toBe(0);
  });
});
