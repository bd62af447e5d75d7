import { customGrad, type Variable } from '@horn/autograd';
import { keep, mul, type Tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Layer, type LayerConfig, type LayerShape, runLayerTest } from '../index.js';

interface ScaleConfig extends LayerConfig {
  factor?: number;
}

/** A correct layer: y = x · w · factor, one weight per feature. */
class Scale extends Layer<ScaleConfig> {
  static override readonly className: string = 'Scale';
  w: Variable | null = null;
  override build(shape: LayerShape): void {
    this.w = this.addWeight('w', [shape[shape.length - 1] as number], { initializer: 'ones' });
  }
  override call(x: Tensor): Tensor {
    return mul(mul(x, this.w!), this.config.factor ?? 1);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), factor: this.config.factor ?? 1 };
  }
}

class WrongShape extends Scale {
  static override readonly className: string = 'WrongShape';
  override computeOutputShape(shape: LayerShape): LayerShape {
    return [...shape, 1];
  }
}

class ForgetfulConfig extends Scale {
  static override readonly className: string = 'ForgetfulConfig';
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), factor: 1 };
  }
}

let made = 0;
class Unstable extends Scale {
  static override readonly className: string = 'Unstable';
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), serial: made++ };
  }
}

class Leaky extends Scale {
  static override readonly className: string = 'Leaky';
  override call(x: Tensor): Tensor {
    keep(x.add(1));
    return super.call(x);
  }
}

const wrongWayMul = customGrad((x: Tensor, w: Tensor) => ({
  value: mul(x, w),
  gradFunc: (dy, [xx, ww]) => [mul(dy, ww).neg(), mul(dy, xx).neg().sum(0)],
}));

class WrongGradient extends Scale {
  static override readonly className: string = 'WrongGradient';
  override call(x: Tensor): Tensor {
    return wrongWayMul(x, this.w!);
  }
}

const options = { config: { factor: 2 }, inputShape: [3, 4], expectedOutputShape: [3, 4] };

describe('runLayerTest', () => {
  test('passes a correct layer and returns its output', () => {
    const out = runLayerTest(Scale, { ...options, expectedNumTrainableWeights: 1, expectedNumNonTrainableWeights: 0 });
    expect(out.shape).toEqual([3, 4]);
    expect(
      Array.from(
        runLayerTest(Scale, { ...options, inputData: mul(1, [[1, 2, 3, 4]]), expectedOutputShape: [1, 4] }).dataSync(),
      ),
    ).toEqual([2, 4, 6, 8]);
  });

  test('catches a wrong output shape, computeOutputShape, weight count and expected output', () => {
    expect(() => runLayerTest(Scale, { ...options, expectedOutputShape: [3, 5] })).toThrow(
      /output shape \[3, 4\], expected \[3, 5\]/,
    );
    expect(() => runLayerTest(WrongShape, options)).toThrow(/computeOutputShape gives \[3, 4, 1\]/);
    expect(() => runLayerTest(Scale, { ...options, expectedNumTrainableWeights: 2 })).toThrow(
      /1 trainable weights, expected 2/,
    );
    expect(() =>
      runLayerTest(Scale, {
        ...options,
        inputData: mul(1, [[1, 1]]),
        expectedOutputShape: [1, 2],
        expectedOutput: [[2, 3]],
      }),
    ).toThrow(/output differs from expectedOutput: at flat index 1 got 2, expected 3/);
  });

  test('catches a config that does not rebuild the same layer', () => {
    expect(() => runLayerTest(ForgetfulConfig, options)).toThrow(
      /the layer rebuilt from its config gives another output/,
    );
    expect(() => runLayerTest(Unstable, options)).toThrow(/config round-trip differs/);
  });

  test('catches leaked tensors', () => {
    expect(() => runLayerTest(Leaky, options)).toThrow(/leaked \d+ tensors/);
  });

  test('catches a gradient that points the wrong way', () => {
    expect(() => runLayerTest(WrongGradient, options)).toThrow(/one SGD step did not lower the loss/);
  });
});
