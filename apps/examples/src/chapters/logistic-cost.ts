/**
 * The course's logistic-regression chapter: the cost −log(ŷ) when y = 1 and −log(1 − ŷ) when
 * y = 0, computed with Keras's binary cross-entropy at the predictions the course tabulates, and
 * the sigmoid that makes them. Run: `node dist/chapters/logistic-cost.js`.
 */
import { binaryCrossentropy } from '@horn/losses';
import { sigmoid, type Tensor, tensor } from '@horn/tensor';
import type { Headline } from '../course/course-program.js';
import { runIfMain } from '../run-if-main.js';

/** The costs the course tabulates, and sigmoid at a few points. */
export function logisticCostChapter(): Record<string, Tensor> {
  const rows = (yHat: number[], y: number) =>
    binaryCrossentropy(tensor(yHat.map(() => [y])), tensor(yHat.map((p) => [p])));
  return {
    'y = 1, ŷ = 0.1, 0.4, 0.6': rows([0.1, 0.4, 0.6], 1),
    'y = 0, ŷ = 0.9, 0.5': rows([0.9, 0.5], 0),
    'y = 1, ŷ = 1 and y = 0, ŷ = 0': tensor([
      binaryCrossentropy(tensor([[1]]), tensor([[1]])).dataSync()[0],
      binaryCrossentropy(tensor([[0]]), tensor([[0]])).dataSync()[0],
    ]),
    'sigmoid(-10, 0, 10)': sigmoid(tensor([-10, 0, 10])),
  };
}

/** Prints the chapter's numbers; returns the costs for `run all`. */
export async function run(): Promise<Record<string, Headline>> {
  const r = logisticCostChapter();
  for (const [name, value] of Object.entries(r)) console.log(`${name}: ${value.toString()}`);
  return {
    'cost, y = 1': [...r['y = 1, ŷ = 0.1, 0.4, 0.6'].dataSync()],
    'cost, y = 0': [...r['y = 0, ŷ = 0.9, 0.5'].dataSync()],
  };
}

runIfMain(import.meta.url, run);
