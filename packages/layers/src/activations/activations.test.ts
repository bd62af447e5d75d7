import { type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { activationNames, activations, getActivation, registerActivation, serializeActivation } from '../index.js';

const close = (t: Tensor, expected: number[], digits = 5) => {
  const got = Array.from(t.dataSync());
  expect(got.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(got[i]).toBeCloseTo(e, digits);
};

const x = () => tensor([-2, -0.5, 0, 1, 4]);
const xs = [-2, -0.5, 0, 1, 4];
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

describe('activations', () => {
  test('compute the documented formulas', () => {
    close(
      getActivation('relu')(x()),
      xs.map((v) => Math.max(v, 0)),
    );
    close(getActivation('sigmoid')(x()), xs.map(sigmoid));
    close(getActivation('tanh')(x()), xs.map(Math.tanh));
    close(getActivation('linear')(x()), xs);
    close(
      getActivation('elu')(x()),
      xs.map((v) => (v > 0 ? v : Math.exp(v) - 1)),
    );
    close(
      getActivation('selu')(x()),
      xs.map((v) => 1.0507009873554805 * (v > 0 ? v : 1.6732632423543772 * (Math.exp(v) - 1))),
    );
    close(
      getActivation('softplus')(x()),
      xs.map((v) => Math.log1p(Math.exp(v))),
    );
    close(
      getActivation('softsign')(x()),
      xs.map((v) => v / (1 + Math.abs(v))),
    );
    close(
      getActivation('swish')(x()),
      xs.map((v) => v * sigmoid(v)),
    );
    close(
      getActivation('silu')(x()),
      xs.map((v) => v * sigmoid(v)),
    );
    // Keras 3 hard_sigmoid: relu6(x + 3) / 6
    close(getActivation('hard_sigmoid')(tensor([-4, -1.5, 0, 1.5, 4])), [0, 0.25, 0.5, 0.75, 1]);
    close(getActivation('relu6')(tensor([-1, 3, 8])), [0, 3, 6]);
    close(
      getActivation('leaky_relu')(x()),
      xs.map((v) => (v > 0 ? v : 0.2 * v)),
    );
    close(getActivation('exponential')(x()), xs.map(Math.exp));
    // gelu(1) = Φ(1) = 0.8413447
    close(getActivation('gelu')(tensor([0, 1])), [0, 0.8413447]);
    const e = [1, Math.E, Math.E ** 2];
    close(
      getActivation('softmax')(tensor([[0, 1, 2]])),
      e.map((v) => v / (e[0] + e[1] + e[2])),
    );
    close(activations.relu(tensor([-1, 1])), [0, 1]);
  });

  test('ids round-trip through serializeActivation', () => {
    for (const name of activationNames()) expect(serializeActivation(getActivation(name))).toBe(name);
    expect(serializeActivation(null)).toBe('linear');
    expect(serializeActivation('hard_sigmoid')).toBe('hardSigmoid');
  });

  test('unknown ids list the valid ones; unregistered functions cannot be serialized', () => {
    expect(() => getActivation('rectifier')).toThrow(ValueError);
    expect(() => getActivation('rectifier')).toThrow(
      /getActivation: unknown activation 'rectifier'; valid ids are relu, sigmoid, tanh, softmax, linear/,
    );
    const cube = (t: Tensor) => t.pow(3);
    expect(getActivation(cube)).toBe(cube);
    expect(() => serializeActivation(cube)).toThrow(/register it with registerActivation/);
    registerActivation('cube', cube);
    expect(serializeActivation(cube)).toBe('cube');
    expect(getActivation('cube')).toBe(cube);
  });
});
