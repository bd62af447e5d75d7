/**
 * Course 2.4 (시그모이드 함수): the odds ratio p / (1 − p), the logit log(p / (1 − p)) = z, and
 * the sigmoid 1 / (1 + e^−z) that turns the logit back into p (the course's derivation). The
 * course draws the curves and prints no values; the goldens are NumPy's
 * (`fixtures/make-course-2-4.py`). Run: `node dist/chapters/ch2-odds-logit.js`.
 */
import { div, log, sigmoid, sub, tensor } from '@horn/tensor';
import type { Headline } from '../course/course-program.js';
import { runIfMain } from '../run-if-main.js';

/** Odds, logit and sigmoid at p = 0.1, 0.25, 0.5, 0.75, 0.9; returns them for `run all`. */
export async function run(): Promise<Record<string, Headline>> {
  const p = tensor([0.1, 0.25, 0.5, 0.75, 0.9]);
  const odds = div(p, sub(1, p));
  const logit = log(odds);
  const back = sigmoid(logit);
  const show = (values: ArrayLike<number>) => Array.from(values, (v) => v.toFixed(4)).join(', ');
  console.log(`p:                ${show(p.dataSync())}`);
  console.log(`odds p/(1-p):     ${show(odds.dataSync())} (slow at first, steep as p nears 1)`);
  console.log(`logit log(odds): ${show(logit.dataSync())} (0 at p = 0.5, symmetric)`);
  console.log(`sigmoid(logit):   ${show(back.dataSync())} (p again)`);
  return { odds: [...odds.dataSync()], logit: [...logit.dataSync()], 'sigmoid(logit)': [...back.dataSync()] };
}

runIfMain(import.meta.url, run);
