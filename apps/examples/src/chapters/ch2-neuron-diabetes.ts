/**
 * Course 2.3 (선형회귀 구현): the course's `Neuron` — ŷ = wx + b, forpass / backprop, w = b = 1,
 * one update per sample with learning rate 1 — trained on the diabetes data's third feature (bmi,
 * `diabetes.data[:, 2]`) for the course's 100 epochs, then until an epoch moves w and b by less
 * than 1e-6, beside the least-squares line it approaches. Run: `node dist/chapters/ch2-neuron-diabetes.js`.
 */
import { diabetes } from '@horn/datasets';
import type { Headline } from '../course/course-program.js';
import { runIfMain } from '../run-if-main.js';

/** The course's Neuron, as its Python: one feature, one weight, one bias. */
export class Neuron {
  w = 1.0;
  b = 1.0;

  /** The forward pass: ŷ = wx + b (직선 방정식). */
  forpass(x: number): number {
    return x * this.w + this.b;
  }

  /** The backward pass: the gradients (ŷ − y)·x and (ŷ − y)·1 from the error. */
  backprop(x: number, err: number): [number, number] {
    return [x * err, 1 * err];
  }

  /** Stochastic gradient descent: an update after every sample, `epochs` times over the data. */
  fit(x: ArrayLike<number>, y: ArrayLike<number>, epochs = 100): void {
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = 0; i < x.length; i++) {
        const yHat = this.forpass(x[i]);
        const err = -(y[i] - yHat);
        const [wGrad, bGrad] = this.backprop(x[i], err);
        this.w -= wGrad;
        this.b -= bGrad;
      }
    }
  }
}

/** The least-squares line through the points (the closed form the updates approach). */
function leastSquares(x: ArrayLike<number>, y: ArrayLike<number>): [number, number] {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++) {
    mx += x[i] / x.length;
    my += y[i] / x.length;
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  const w = sxy / sxx;
  return [w, my - w * mx];
}

/** Trains the Neuron as the course does, prints w and b, and returns them for `run all`. */
export async function run(): Promise<Record<string, Headline>> {
  const { data, target } = diabetes.loadData();
  const values = data.dataSync();
  const x = Array.from({ length: data.shape[0] }, (_, i) => values[i * data.shape[1] + 2]);
  const y = Array.from(target.dataSync());
  console.log(
    `diabetes: ${x.length} patients, feature 2 (bmi) from ${Math.min(...x).toFixed(4)} to ${Math.max(...x).toFixed(4)}`,
  );

  const neuron = new Neuron();
  neuron.fit(x, y, 100);
  console.log(`the course's 100 epochs: w = ${neuron.w.toFixed(4)}, b = ${neuron.b.toFixed(4)}`);

  const converging = new Neuron();
  let epochs = 0;
  for (let moved = Number.POSITIVE_INFINITY; moved >= 1e-6; epochs++) {
    const [w, b] = [converging.w, converging.b];
    converging.fit(x, y, 1);
    moved = Math.max(Math.abs(converging.w - w), Math.abs(converging.b - b));
  }
  console.log(`converged after ${epochs} epochs: w = ${converging.w.toFixed(4)}, b = ${converging.b.toFixed(4)}`);
  const [lw, lb] = leastSquares(x, y);
  console.log(`least squares: w = ${lw.toFixed(4)}, b = ${lb.toFixed(4)} (learning rate 1 settles short of it)`);
  const predict = (xi: number) => neuron.forpass(xi);
  console.log(`the line at bmi = -0.1 and 0.15: ${predict(-0.1).toFixed(1)}, ${predict(0.15).toFixed(1)}`);
  return {
    w: neuron.w,
    b: neuron.b,
    'epochs to convergence': epochs,
    'converged w': converging.w,
    'converged b': converging.b,
    'least-squares w': lw,
    'least-squares b': lb,
  };
}

runIfMain(import.meta.url, run);
