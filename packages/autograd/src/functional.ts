import { type Tensor, type TensorLike, toTensor, ValueError, zerosLike } from '@horn/tensor';
import { GradientTape } from './tape.js';

function prepare(args: readonly TensorLike[], op: string): Tensor[] {
  return args.map((a, i) => {
    const t = toTensor(a, `args[${i}]`, op);
    if (t.dtype !== 'float32')
      throw new ValueError(`${op}: argument ${i} must be float32 to have a gradient, got ${t.dtype}`);
    return t;
  });
}

function checkValue(value: unknown, op: string): Tensor {
  if (!(value !== null && typeof value === 'object' && 'shape' in value)) {
    throw new ValueError(`${op}: f must return a Tensor, got ${typeof value}`);
  }
  return value as Tensor;
}

function run(f: (...xs: Tensor[]) => Tensor, xs: Tensor[], dy: Tensor | undefined, op: string) {
  const tape = new GradientTape({ watchAccessedVariables: false });
  tape.watch(xs);
  const value = tape.run(() => checkValue(f(...xs), op));
  const grads = tape.gradient(value, xs, { outputGradients: dy, unconnectedGradients: 'zero' }) as Tensor[];
  return { value, grads: grads.map((g, i) => g ?? zerosLike(xs[i])) };
}

/**
 * Turns `f(x)` into a function returning the gradient of `sum(f(x))` (or of `f(x)·dy`) at `x`.
 * A value that `f` does not depend on gets zeros.
 * @example
 * const g = grad((x) => x.square());
 * g(tensor([1, 2])).arraySync(); // [2, 4]
 */
export function grad(f: (x: Tensor) => Tensor): (x: TensorLike, dy?: Tensor) => Tensor {
  return (x, dy) => run(f, prepare([x], 'grad'), dy, 'grad').grads[0];
}

/**
 * Like {@link grad} for a function of several tensors: returns one gradient per argument.
 * @example
 * const g = grads((a, b) => a.mul(b));
 * g([tensor([2]), tensor([3])]).map((t) => t.arraySync()); // [[3], [2]]
 */
export function grads(f: (...xs: Tensor[]) => Tensor): (args: readonly TensorLike[], dy?: Tensor) => Tensor[] {
  return (args, dy) => run(f, prepare(args, 'grads'), dy, 'grads').grads;
}

/**
 * Like {@link grad}, also returning `f(x)`.
 * @example
 * const { value, grad: g } = valueAndGrad((x) => x.square().sum())(tensor([3]));
 * // value 9, g [6]
 */
export function valueAndGrad(
  f: (x: Tensor) => Tensor,
): (x: TensorLike, dy?: Tensor) => { value: Tensor; grad: Tensor } {
  return (x, dy) => {
    const { value, grads: g } = run(f, prepare([x], 'valueAndGrad'), dy, 'valueAndGrad');
    return { value, grad: g[0] };
  };
}

/**
 * Like {@link grads}, also returning `f(...args)`.
 * @example
 * const { value, grads: g } = valueAndGrads((a, b) => a.mul(b).sum())([tensor([2]), tensor([3])]);
 */
export function valueAndGrads(
  f: (...xs: Tensor[]) => Tensor,
): (args: readonly TensorLike[], dy?: Tensor) => { value: Tensor; grads: Tensor[] } {
  return (args, dy) => run(f, prepare(args, 'valueAndGrads'), dy, 'valueAndGrads');
}
