import {
  add,
  matmul,
  mul,
  Random,
  randomNormal,
  sigmoid,
  slice,
  split,
  stack,
  type Tensor,
  tanh,
  zeros,
} from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { dropoutMask } from '../core/random-layer.js';
import { GRU, LSTM, SimpleRNN } from '../index.js';
import { expectClose } from './reference-math.test.helpers.js';

const [batch, time, features, units] = [2, 4, 3, 3];
const x = randomNormal([batch, time, features], { seed: 21 });
const step = (t: number) => slice(x, [0, t, 0], [batch, 1, features]).reshape([batch, features]);

describe('dropout and recurrentDropout as Keras 3: masks drawn once per call, fixed over time', () => {
  test('LSTM with recurrentDropout (Keras implementation 1): one input and one recurrent mask per gate', () => {
    const lstm = new LSTM({ units, dropout: 0.4, recurrentDropout: 0.3, seed: 11, returnSequences: true });
    lstm.apply(x); // builds; inference draws nothing
    const y = lstm.apply(x, { training: true }) as Tensor;
    // The same draws, in the cell's order: 4 input masks [batch, features], then 4 recurrent masks [batch, units].
    const rng = new Random(11);
    const inputMasks = Array.from({ length: 4 }, () => dropoutMask([batch, features], 0.4, rng));
    const recurrentMasks = Array.from({ length: 4 }, () => dropoutMask([batch, units], 0.3, rng));
    const K = split(lstm.kernel!, 4, 1);
    const U = split(lstm.recurrentKernel!, 4, 1);
    const b = split(lstm.bias!, 4, 0);
    let h = zeros([batch, units]);
    let c = zeros([batch, units]);
    const outputs: Tensor[] = [];
    for (let t = 0; t < time; t++) {
      const z = [0, 1, 2, 3].map((g) =>
        add(add(matmul(mul(step(t), inputMasks[g]), K[g]), b[g]), matmul(mul(h, recurrentMasks[g]), U[g])),
      );
      c = add(mul(sigmoid(z[1]), c), mul(sigmoid(z[0]), tanh(z[2])));
      h = mul(sigmoid(z[3]), tanh(c));
      outputs.push(h);
    }
    expectClose(y, stack(outputs, 1));
    // Inference is exact (no masks).
    const again = lstm.apply(x) as Tensor;
    expect(again.sub(y).abs().sum().dataSync()[0]).toBeGreaterThan(1e-3);
  });

  test('GRU with dropout only (Keras implementation 2): one input mask shared by the gates', () => {
    const gru = new GRU({ units, dropout: 0.5, seed: 3, returnSequences: true });
    const reference = new GRU({ units, returnSequences: true });
    gru.apply(x);
    reference.apply(x);
    reference.setWeights(gru.getWeights());
    const y = gru.apply(x, { training: true }) as Tensor;
    const mask = dropoutMask([batch, features], 0.5, new Random(3));
    expectClose(y, reference.apply(mul(x, mask.reshape([batch, 1, features]))) as Tensor);
  });

  test('SimpleRNN: with a zero recurrent kernel and the same input at every step, every step drops the same units', () => {
    const rnn = new SimpleRNN({
      units: 4,
      dropout: 0.5,
      recurrentDropout: 0.5,
      seed: 5,
      returnSequences: true,
      recurrentInitializer: 'zeros',
    });
    const same = stack([step(0), step(0), step(0)], 1);
    const y = rnn.apply(same, { training: true }) as Tensor;
    const [a, b2, c] = split(y, 3, 1);
    expectClose(b2, a);
    expectClose(c, a);
    // A second call draws new masks.
    const y2 = rnn.apply(same, { training: true }) as Tensor;
    expect(y2.sub(y).abs().sum().dataSync()[0]).toBeGreaterThan(1e-4);
  });
});
