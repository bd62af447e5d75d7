/**
 * Course 2.1–2.2 (MSE, SGD): the cost J(w, b) = ½(ŷ − y)² of ŷ = wx + b, its partial derivatives
 * by the chain rule, dJ/dw = (ŷ − y)·x and dJ/db = (ŷ − y), checked against Horn's GradientTape,
 * and the worked example x = 2, y = 2, w = −1, b = 0, learning rate 0.01: one step, then the
 * steps repeated until convergence (수렴까지 반복). Run: `node dist/chapters/ch2-gradient-descent.js`.
 */
import { GradientTape, variable } from '@horn/autograd';
import { mul, square, sub, type Tensor, tensor } from '@horn/tensor';
import type { Headline } from '../course/course-program.js';
import { runIfMain } from '../run-if-main.js';

/** J(w, b) = ½(ŷ − y)², the course's cost for one sample. */
const cost = (yHat: number, y: number) => 0.5 * (yHat - y) ** 2;

/** dJ/dw and dJ/db at (w, b) for one sample, by Horn's GradientTape (automatic differentiation). */
function tapeGradients(x: number, y: number, w: number, b: number): [number, number] {
  const wv = variable(tensor(w));
  const bv = variable(tensor(b));
  const tape = new GradientTape();
  const j = tape.run(() => mul(square(sub(wv.mul(x).add(bv), y)), 0.5));
  const [dw, db] = tape.gradient(j, [wv, bv]) as Tensor[];
  return [dw.dataSync()[0], db.dataSync()[0]];
}

/** The worked example, step by step; returns its numbers for `run all`. */
export async function run(): Promise<Record<string, Headline>> {
  console.log(
    `2.1 J = ½(ŷ − y)²: ŷ = 4, y = 2 gives ${cost(4, 2)}; ŷ = 2, y = 4 gives ${cost(2, 4)} (the order does not matter)`,
  );
  const [x, y, rate] = [2, 2, 0.01];
  let [w, b] = [-1, 0];
  const yHat = w * x + b;
  const j = cost(yHat, y);
  const dw = (yHat - y) * x;
  const db = yHat - y;
  const [tapeDw, tapeDb] = tapeGradients(x, y, w, b);
  console.log(`x = ${x}, y = ${y}, w = ${w}, b = ${b}: ŷ = wx + b = ${yHat}, J = ${j}`);
  console.log(`dJ/dw = (ŷ − y)·x = ${dw}, dJ/db = (ŷ − y) = ${db} (GradientTape: ${tapeDw}, ${tapeDb})`);
  w -= rate * dw;
  b -= rate * db;
  console.log(`w = w − ${rate}·dw = ${w.toFixed(2)}, b = b − ${rate}·db = ${b.toFixed(2)}`);
  const [firstW, firstB] = [w, b];
  let steps = 1;
  while (Math.abs(w * x + b - y) >= 1e-6) {
    const err = w * x + b - y;
    w -= rate * err * x;
    b -= rate * err;
    steps++;
  }
  console.log(
    `repeated until |ŷ − y| < 1e-6: ${steps} steps, w = ${w.toFixed(4)}, b = ${b.toFixed(4)}, ŷ = ${(w * x + b).toFixed(4)}`,
  );
  return {
    ŷ: yHat,
    J: j,
    'dJ/dw': dw,
    'dJ/db': db,
    'GradientTape dJ/dw, dJ/db': [tapeDw, tapeDb],
    'w after one step': firstW,
    'b after one step': firstB,
    'steps to convergence': steps,
    'converged w, b': [w, b],
  };
}

runIfMain(import.meta.url, run);
