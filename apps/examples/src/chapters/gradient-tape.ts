/**
 * The course's GradientTape chapter: automatic differentiation of x^3 + 2x + 5, a second
 * derivative, and the gradients of the linear and logistic units derived by hand in chapters 1-2.
 * Run: `node dist/chapters/gradient-tape.js`.
 */
import { GradientTape, grad, variable } from '@horn/autograd';
import { log, mul, neg, sigmoid, square, sub, type Tensor, tensor } from '@horn/tensor';
import { runIfMain } from '../run-if-main.js';

/** The chapter's results by name. */
export function gradientTapeChapter(): Record<string, Tensor> {
  const x = variable(tensor([1, 2, 3]));
  const tape = new GradientTape();
  const y = tape.run(() => x.pow(3).add(x.mul(2)).add(5));
  const dydx = tape.gradient(y, x) as Tensor;

  const outer = new GradientTape();
  const first = outer.run(() => {
    const inner = new GradientTape();
    const cube = inner.run(() => x.pow(3));
    return inner.gradient(cube, x) as Tensor;
  });
  const second = outer.gradient(first, x) as Tensor;

  // ŷ = wx + b, J = ½(ŷ − y)² at x = 2, y = 2, w = −1, b = 0.
  const w = variable(tensor(-1));
  const b = variable(tensor(0));
  const linear = new GradientTape();
  const cost = linear.run(() => mul(square(sub(w.mul(2).add(b), 2)), 0.5));
  const [dw, db] = linear.gradient(cost, [w, b]) as Tensor[];

  // Logistic unit: L = −(y log a + (1 − y) log(1 − a)), a = sigmoid(z): dL/dz = a − y.
  const target = tensor([1, 0]);
  const dz = grad((z) => {
    const a = sigmoid(z);
    return neg(mul(target, log(a)).add(mul(sub(1, target), log(sub(1, a)))));
  })(tensor([0.5, -1]));

  return { 'd/dx (x^3 + 2x + 5)': dydx, 'd2/dx2 x^3': second, 'dJ/dw': dw, 'dJ/db': db, 'dL/dz': dz };
}

/**
 * Runs the program as `node dist/chapters/gradient-tape.js` does and returns its headline values
 * (the `run all` harness checks them).
 * @example (await run()).dydx // [5, 14, 29]
 */
export async function run(_options = { short: false }): Promise<Record<string, number | number[]>> {
  const r = gradientTapeChapter();
  for (const [name, value] of Object.entries(r)) console.log(`${name} = ${value.toString()}`);
  return {
    dydx: r['d/dx (x^3 + 2x + 5)'].arraySync() as number[],
    dJdw: r['dJ/dw'].dataSync()[0],
    dJdb: r['dJ/db'].dataSync()[0],
  };
}

runIfMain(import.meta.url, () => run());
