/**
 * The course's multi-class chapter (4.5): softmax e^z / Σe^z against plain shares z / Σz for
 * z = [1, 2, 3] (9.0% against 16.7% for the smallest: softmax makes the largest stand out more),
 * sigmoid outputs turned back into logits with z = −log(1/ŷ − 1), normalized by softmax (compared
 * with plain proportions), and the categorical cross-entropy −log(0.2) of the worked example. Run: `node dist/chapters/softmax.js`.
 */
import { categoricalCrossentropy } from '@horn/losses';
import { div, exp, log, mul, neg, reciprocal, round, softmax, sub, sum, type Tensor, tensor } from '@horn/tensor';
import type { Headline } from '../course/course-program.js';
import { runIfMain } from '../run-if-main.js';

/**
 * The logits behind sigmoid outputs, z = −log(1/ŷ − 1), rounded to two decimals as the course
 * writes them (2.20, 1.39, 0.85) before it applies softmax to them.
 */
function logit(yHat: Tensor): Tensor {
  return round(mul(neg(log(sub(reciprocal(yHat), 1))), 100)).div(100);
}

/** The chapter's numbers by name. */
export function softmaxChapter(): Record<string, Tensor> {
  const z = tensor([1, 2, 3]);
  const cars = tensor([0.9, 0.8, 0.7]);
  const planes = tensor([0.5, 0.2, 0.1]);
  return {
    'z = [1, 2, 3]: e^z': exp(z),
    'z = [1, 2, 3]: sum of e^z': sum(exp(z)),
    'z = [1, 2, 3]: softmax(z)': softmax(z),
    'z = [1, 2, 3]: z / sum(z)': div(z, sum(z)),
    'z for ŷ = 0.9, 0.8, 0.7': logit(cars),
    'e^z': exp(logit(cars)),
    'sum of e^z': sum(exp(logit(cars))),
    'softmax(z)': softmax(logit(cars)),
    'ŷ / sum(ŷ)': div(cars, sum(cars)),
    'z for ŷ = 0.5, 0.2, 0.1': logit(planes),
    'softmax(z) second': softmax(logit(planes)),
    'ŷ / sum(ŷ) second': div(planes, sum(planes)),
    'cross-entropy of a = [0.7, 0.1, 0.2], y = [0, 0, 1]': categoricalCrossentropy(
      tensor([[0, 0, 1]]),
      tensor([[0.7, 0.1, 0.2]]),
    ),
  };
}

/** Prints the chapter's numbers; returns them for `run all`. */
export async function run(): Promise<Record<string, Headline>> {
  const r = softmaxChapter();
  for (const [name, value] of Object.entries(r)) console.log(`${name}: ${value.toString()}`);
  return Object.fromEntries(
    Object.entries(r).map(([name, v]) => [name, v.rank === 0 ? v.dataSync()[0] : [...v.dataSync()]]),
  );
}

runIfMain(import.meta.url, run);
