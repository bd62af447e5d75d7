import { describe, expect, test } from 'vitest';
import {
  elu,
  gelu,
  leakyRelu,
  relu,
  relu6,
  reluGrad,
  ShapeError,
  selu,
  sigmoid,
  softplus,
  softsign,
  swish,
  tanh,
  tensor,
  ValueError,
  zeros,
} from '../index.js';
import { expectClose } from '../test-support/expect-close.js';

describe('piecewise-linear activations', () => {
  test('relu and relu6 (int32 stays int32, NaN stays NaN)', () => {
    expect(relu(tensor([-1, 0, 2.5, Number.NaN])).arraySync()).toEqual([0, 0, 2.5, Number.NaN]);
    expect(relu6(tensor([-1, 3, 8])).arraySync()).toEqual([0, 3, 6]);
    const i = relu(tensor([-4, 5], [2], 'int32'));
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toEqual([0, 5]);
    expect(relu6(tensor([[9, -1]], [1, 2], 'int32')).arraySync()).toEqual([[6, 0]]);
  });

  test('leakyRelu uses Keras default alpha 0.2', () => {
    expectClose(leakyRelu(tensor([-10, 0, 5])), [-2, 0, 5]);
    expectClose(leakyRelu(tensor([-10, 5]), 0.1), [-1, 5]);
    expect(leakyRelu(tensor([-1], [1], 'int32')).dtype).toBe('float32');
  });
});

describe('smooth activations match NumPy/SciPy', () => {
  test('sigmoid is stable at ±1000', () => {
    expect(sigmoid(tensor([-1000, 1000])).arraySync()).toEqual([0, 1]);
    expectClose(sigmoid(tensor([-1, 0, 2])), [0.2689414213699951, 0.5, 0.8807970779778823]);
  });

  test('tanh and softsign', () => {
    expectClose(tanh(tensor([-1, 0.5])), [-0.7615941559557649, 0.46211715726000974]);
    expectClose(softsign(tensor([1, -3, 0])), [0.5, -0.75, 0]);
  });

  test('softplus = np.logaddexp(0, x), stable at ±1000', () => {
    expectClose(softplus(tensor([-1000, -1, 0, 1, 1000])), [
      0,
      0.31326168751822286,
      Math.LN2,
      1.3132616875182228,
      1000,
    ]);
  });

  test('elu and selu', () => {
    expectClose(elu(tensor([-1, -20, 2])), [-0.6321205588285577, -0.9999999979388464, 2]);
    expectClose(elu(tensor([-2]), 0.5), [-0.43233235838169365]);
    expectClose(selu(tensor([-1, 0, 1, 2])), [-1.1113307378125625, 0, 1.0507009873554805, 2.101401974710961]);
  });

  test('gelu exact = x·Φ(x) (scipy.stats.norm.cdf), far tail included', () => {
    const x = tensor([-3, -1, -0.5, 0, 0.5, 1, 3]);
    expectClose(
      gelu(x),
      [
        -0.00404969409489028, -0.15865525393145707, -0.15426876936299344, 0, 0.34573123063700656, 0.8413447460685429,
        2.99595030590511,
      ],
    );
    expect(gelu(tensor([1])).dataSync()[0]).toBeCloseTo(0.8413447460685429, 7);
    // gelu(-10) = -7.62e-23: 1 + erf(-10/√2) would round to 0; the erfc form keeps it.
    const tail = gelu(tensor([-10])).dataSync()[0];
    expect(Math.abs(tail / -7.61985302416047e-23 - 1)).toBeLessThan(1e-5);
  });

  test('gelu approximate uses the tanh form', () => {
    expect(gelu(tensor([1]), true).dataSync()[0]).toBeCloseTo(0.8411919906082768, 7);
    expectClose(
      gelu(tensor([-3, -1, 0.5, 3]), true),
      [-0.0036373920817729943, -0.1588080093917233, 0.34571400982514394, 2.996362607918227],
    );
  });

  test('swish = x·sigmoid(beta·x)', () => {
    expectClose(swish(tensor([0, 1, -1000])), [0, 0.7310585786300049, -0]);
    expectClose(swish(tensor([2]), 0.5), [1.4621171572600098]);
  });

  test('int32 input becomes float32; shapes kept', () => {
    const s = sigmoid(tensor([[0, 0]], [1, 2], 'int32'));
    expect(s.dtype).toBe('float32');
    expect(s.arraySync()).toEqual([[0.5, 0.5]]);
    expect(gelu(zeros([0, 4])).shape).toEqual([0, 4]);
    expect(sigmoid(0).arraySync()).toBe(0.5);
  });
});

describe('method form and errors', () => {
  test('methods delegate', () => {
    expect(tensor([-1, 2]).relu().arraySync()).toEqual([0, 2]);
    expectClose(tensor([-10, 5]).leakyRelu(0.1), [-1, 5]);
    expectClose(tensor([1]).gelu(true), [0.8411919906082768]);
    expectClose(tensor([1]).swish(), [0.7310585786300049]);
    expectClose(tensor([0]).sigmoid().softplus(), [Math.log1p(Math.exp(0.5))]);
  });

  test('bad options throw ValueError naming the op', () => {
    expect(() => leakyRelu(tensor([1]), Number.NaN)).toThrow(ValueError);
    expect(() => leakyRelu(tensor([1]), Number.NaN)).toThrow(/leakyRelu: alpha/);
    expect(() => elu(tensor([1]), 'a' as unknown as number)).toThrow(/elu: alpha/);
    expect(() => gelu(tensor([1]), 'yes' as unknown as boolean)).toThrow(/gelu: approximate/);
    expect(() => swish(tensor([1]), Number.POSITIVE_INFINITY)).toThrow(/swish: beta/);
  });
});

describe('reluGrad', () => {
  test('dy where x > 0, zero elsewhere (x = 0 gives 0, as TensorFlow)', () => {
    const g = reluGrad(tensor([1, 2, 3, 4, 5]), tensor([-1, 0, 0.5, 2, Number.NaN]));
    expect(g.dtype).toBe('float32');
    expect(Array.from(g.dataSync())).toEqual([0, 0, 3, 4, 0]);
  });

  test('matches dy * cast(x > 0), NaN dy included; zero-size works', () => {
    const dy = tensor([Number.NaN, Number.POSITIVE_INFINITY, -2, Number.NaN]);
    const x = tensor([-1, -1, 3, 1]);
    expect(Array.from(reluGrad(dy, x).dataSync())).toEqual(Array.from(dy.mul(x.greater(0).cast('float32')).dataSync()));
    expect(reluGrad(zeros([0, 3]), zeros([0, 3])).shape).toEqual([0, 3]);
  });

  test('different shapes throw ShapeError naming both', () => {
    expect(() => reluGrad(zeros([2, 3]), zeros([3, 2]))).toThrow(ShapeError);
    expect(() => reluGrad(zeros([2, 3]), zeros([3]))).toThrow(
      /reluGrad: dy and x must have one shape, got dy \[2,3\] and x \[3\]/,
    );
  });
});
