import { Dense, Input } from '@horn/layers';
import { Loss } from '@horn/losses';
import { SGD } from '@horn/optimizers';
import { clip, log, mean, mul, neg, square, sub, type TensorLike, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Sequential } from '../index.js';

// Keras-style subclasses: call returns per-sample losses; the base class weights and reduces.
class MyMSE extends Loss {
  static override readonly className = 'MyMSE';
  call(yTrue: TensorLike, yPred: TensorLike) {
    return mean(square(sub(yTrue, yPred)), -1);
  }
}
class MyBCE extends Loss {
  static override readonly className = 'MyBCE';
  call(yTrue: TensorLike, yPred: TensorLike) {
    const p = clip(yPred, 1e-7, 1 - 1e-7);
    return neg(mean(mul(yTrue, log(p)).add(mul(sub(1, yTrue), log(sub(1, p)))), -1));
  }
}

const n = 64;
const xs = Array.from({ length: n }, (_, i) => [i / n - 0.5]);
const x = tensor(xs);
const y = tensor(xs.map(([v]) => [2 * v + 1]));
const labels = xs.map(([v]) => [v > 0.1 ? 1 : 0]);
const sampleWeight = tensor(xs.map((_, i) => (i % 2 === 0 ? 1 : 3)));

async function oneStep(
  loss: Loss | string,
  target: TensorLike,
  options: Record<string, unknown> = {},
  activation?: 'sigmoid',
) {
  const model = new Sequential([
    Input({ shape: [1] }),
    new Dense({ units: 1, activation, kernelInitializer: 'zeros', biasInitializer: 'zeros' }),
  ]);
  model.compile({ optimizer: new SGD({ learningRate: 0.1 }), loss });
  const history = await model.fit(x, target, { batchSize: 64, epochs: 1, shuffle: false, verbose: 0, ...options });
  const [w, b] = model.getWeights().map((t) => t.dataSync()[0]);
  return [w, b, history.history.loss[0]];
}

function expectAllClose(got: number[], want: number[], digits: number) {
  expect(got).toHaveLength(want.length);
  for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], digits);
}

// Numbers from Keras 3.15.1 (jax): Sequential([Input((1,)), Dense(1, zeros, zeros)]), SGD(0.1),
// fit(x, y, batch_size=64, epochs=1, shuffle=False) with the same subclass (and the built-in loss).
describe('fit with a Loss subclass that overrides call (Keras per-sample contract)', () => {
  test('one SGD step at batch 64 moves the weights as Keras does (not batch-size times more)', async () => {
    const expected = [0.03178710862994194, 0.19687500596046448, 1.30224609375];
    const mine = await oneStep(new MyMSE(), y);
    expectAllClose(mine, expected, 5);
    const builtIn = await oneStep('mse', y);
    expectAllClose(builtIn, mine, 6);
  });

  test("sample weights and the subclass' reduction are applied by the base class", async () => {
    const weighted = await oneStep(new MyMSE(), y, { sampleWeight });
    expectAllClose(weighted, [0.06508789211511612, 0.3968749940395355, 2.63525390625], 5);
    const summed = await oneStep(new MyMSE({ reduction: 'sum' }), y);
    expectAllClose(summed, [2.034374952316284, 12.600000381469727, 83.34375], 3);
  });

  test('class weights reach a subclass too', async () => {
    const got = await oneStep(new MyBCE(), labels, { classWeight: { 0: 1, 1: 4 } }, 'sigmoid');
    expectAllClose(got, [0.02938232384622097, 0.04765624925494194, 1.5054296255111694], 5);
  });
});
