import { add, DTypeError, memory, mul, ShapeError, scalar, type Tensor, tensor, tidy, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { customGrad, GradientTape, grad, grads, stopGradient, valueAndGrad, valueAndGrads, variable } from './index.js';

const arr = (t: Tensor | null) => t?.arraySync();

describe('GradientTape', () => {
  test('the course example: d/dx (x^3 + 2x + 5) = 3x^2 + 2', () => {
    const x = variable(tensor([1, 2, 3]));
    const tape = new GradientTape();
    const y = tape.run(() => x.pow(3).add(x.mul(2)).add(5));
    expect(arr(tape.gradient(y, x))).toEqual([5, 14, 29]);
  });

  test('plain tensors need watch(); unwatched sources get null', () => {
    const x = tensor([2, 3]);
    const tape = new GradientTape({ persistent: true });
    tape.watch(x);
    const other = tensor([1, 1]);
    const y = tape.run(() => mul(x, x).sum());
    expect(arr(tape.gradient(y, x))).toEqual([4, 6]);
    expect(tape.gradient(y, other)).toBeNull();
    expect(arr(tape.gradient(y, other, { unconnectedGradients: 'zero' }))).toEqual([0, 0]);
    tape.dispose();
  });

  test('sources as an array or a record keep their structure', () => {
    const a = variable(tensor([1, 2]));
    const b = variable(tensor([3, 4]));
    const tape = new GradientTape({ persistent: true });
    const y = tape.run(() => a.mul(b).sum());
    const list = tape.gradient(y, [a, b]);
    expect(list.map(arr)).toEqual([
      [3, 4],
      [1, 2],
    ]);
    const record = tape.gradient(y, { a, b });
    expect(arr(record.a)).toEqual([3, 4]);
    expect(arr(record.b)).toEqual([1, 2]);
    tape.dispose();
  });

  test('a non-scalar target is summed, or weighted by outputGradients', () => {
    const x = variable(tensor([1, 2, 3]));
    const tape = new GradientTape({ persistent: true });
    const y = tape.run(() => x.square());
    expect(arr(tape.gradient(y, x))).toEqual([2, 4, 6]);
    expect(arr(tape.gradient(y, x, { outputGradients: tensor([1, 0, -1]) }))).toEqual([2, 0, -6]);
    expect(() => tape.gradient(y, x, { outputGradients: tensor([1]) })).toThrow(ShapeError);
    tape.dispose();
  });

  test('broadcasting gradients are reduced back to the input shape', () => {
    const w = variable(tensor([[1], [2]]));
    const b = variable(tensor([10, 20, 30]));
    const tape = new GradientTape();
    const y = tape.run(() => add(mul(w, b), b));
    const [gw, gb] = tape.gradient(y, [w, b]);
    expect(arr(gw)).toEqual([[60], [60]]);
    expect(arr(gb)).toEqual([5, 5, 5]); // sum over rows of (w + 1)
  });

  test('second derivative: d2/dx2 x^3 = 6x through nested tapes', () => {
    const x = variable(tensor([1, 2, -3]));
    const outer = new GradientTape();
    const dx = outer.run(() => {
      const inner = new GradientTape();
      const y = inner.run(() => x.pow(3));
      return inner.gradient(y, x)!;
    });
    expect(arr(dx)).toEqual([3, 12, 27]);
    expect(arr(outer.gradient(dx, x))).toEqual([6, 12, -18]);
  });

  test('a non-persistent tape computes once; a disposed tape refuses', () => {
    const x = variable(scalar(3));
    const tape = new GradientTape();
    const y = tape.run(() => x.square());
    expect(arr(tape.gradient(y, x))).toBe(6);
    expect(() => tape.gradient(y, x)).toThrow(/disposed/);
    expect(() => tape.run(() => x)).toThrow(ValueError);
  });

  test('bad sources and targets are named', () => {
    const x = variable(scalar(3));
    const tape = new GradientTape({ persistent: true });
    const y = tape.run(() => x.square());
    expect(() => tape.gradient(y, [x, 5 as unknown as Tensor])).toThrow(/source '1' must be a Tensor or Variable/);
    expect(() => tape.gradient(y.cast('int32'), x)).toThrow(/float32/);
    expect(() => tape.watch(tensor([1], [1], 'int32'))).toThrow(/float32/);
    tape.dispose();
  });

  test('variables that are not trainable are not watched', () => {
    const x = variable(scalar(3), { trainable: false });
    const tape = new GradientTape();
    const y = tape.run(() => x.square());
    expect(tape.gradient(y, x)).toBeNull();
  });

  test('a tape leaks no tensor: memory is the same before and after run + gradient in tidy', () => {
    const x = variable(tensor([1, 2, 3]));
    const before = memory().numTensors;
    tidy(() => {
      const tape = new GradientTape();
      const y = tape.run(() => x.pow(3).add(x.mul(2)).add(5).sum());
      tape.gradient(y, x);
    });
    expect(memory().numTensors).toBe(before);
  });
});

describe('functional forms', () => {
  test('grad, grads, valueAndGrad, valueAndGrads', () => {
    expect(arr(grad((x) => x.square())(tensor([1, 2])))).toEqual([2, 4]);
    expect(grads((a, b) => a.mul(b))([tensor([2]), tensor([3])]).map(arr)).toEqual([[3], [2]]);
    const vg = valueAndGrad((x) => x.square().sum())(tensor([3]));
    expect(arr(vg.value)).toBe(9);
    expect(arr(vg.grad)).toEqual([6]);
    const vgs = valueAndGrads((a, b) => a.mul(b).sum())([tensor([2]), tensor([5])]);
    expect(arr(vgs.value)).toBe(10);
    expect(vgs.grads.map(arr)).toEqual([[5], [2]]);
    expect(arr(grad(() => scalar(1))(tensor([1, 2])))).toEqual([0, 0]);
    expect(() => grad((x) => x)(tensor([1], [1], 'int32'))).toThrow(/float32/);
  });

  test('grad with dy weights the output', () => {
    expect(arr(grad((x) => x.mul(3))(tensor([1, 2]), tensor([1, 2])))).toEqual([3, 6]);
  });

  test('stopGradient cuts the path', () => {
    expect(arr(grad((x) => x.mul(stopGradient(x)))(tensor([3])))).toEqual([3]);
  });

  test('customGrad replaces the gradient, and nests under an outer tape', () => {
    const clipped = customGrad((x) => ({
      value: x.square(),
      gradFunc: (dy, [input]) => dy.mul(input.mul(2)).clip(-1, 1),
    }));
    expect(arr(grad((x) => clipped(x))(tensor([3, 0.25])))).toEqual([1, 0.5]);
    expect(arr(clipped(tensor([3])))).toEqual([9]);
  });
});

describe('Variable', () => {
  test('assign, assignAdd, assignSub and value', () => {
    const v = variable(tensor([1, 2]), { name: 'w' });
    v.assign(tensor([3, 4]));
    expect(arr(v)).toEqual([3, 4]);
    v.assignAdd(tensor([1, 1]));
    v.assignSub(tensor([0.5, 0.5]));
    expect(arr(v.value)).toEqual([3.5, 4.5]);
    expect(v.name).toBe('w');
  });

  test('assign checks shape and dtype, and leaves the value intact on error', () => {
    const v = variable(tensor([1, 2]), { name: 'w' });
    expect(() => v.assign(tensor([1, 2, 3]))).toThrow(ShapeError);
    expect(() => v.assign(tensor([1, 2, 3]))).toThrow(/Variable 'w': assign expected shape \[2\], got \[3\]/);
    expect(() => v.assign(tensor([1, 2], [2], 'int32'))).toThrow(DTypeError);
    expect(arr(v)).toEqual([1, 2]);
  });

  test('no tidy disposes a variable', () => {
    const v = tidy(() => {
      const inner = variable(tensor([1, 2]).mul(2));
      return undefined === inner ? null : null;
    });
    expect(v).toBeNull();
    const w = variable(tensor([1]));
    tidy(() => {
      w.assign(tensor([5]));
    });
    expect(arr(w)).toEqual([5]);
  });
});
