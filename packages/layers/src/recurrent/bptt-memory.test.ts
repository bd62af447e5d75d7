import { GradientTape } from '@horn/autograd';
import { memory, mul, profile, randomNormal, sum, type Tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { GRU, LSTM, SimpleRNN } from '../index.js';
import type { RNNConfig } from './base-rnn.js';
import type { BuiltinCell } from './builtin-cell.js';
import type { BuiltinRNN } from './builtin-rnn.js';

type AnyBuiltinRNN = BuiltinRNN<RNNConfig, BuiltinCell>;

/**
 * Tensor bytes alive at the peak of one training step (forward on a tape, then the gradients of
 * the weights), over what was alive before: a deterministic stand-in for BPTT's memory.
 */
function stepPeakBytes(make: () => AnyBuiltinRNN, time: number): number {
  const layer = make();
  const x = randomNormal([8, time, 6], { seed: 1 });
  layer.apply(x).dispose();
  const before = memory().numBytes;
  const p = profile(() => {
    const tape = new GradientTape();
    const loss = tape.run(() => sum(mul(layer.apply(x, { training: true }), 0.5)));
    return tape.gradient(loss, [layer.kernel!, layer.recurrentKernel!, layer.bias!]) as Tensor[];
  });
  for (const g of p.result) g.dispose();
  return p.peakBytes - before;
}

describe('BPTT memory grows linearly with the sequence length', () => {
  const layers: [string, () => AnyBuiltinRNN][] = [
    ['LSTM', () => new LSTM({ units: 16 })],
    ['GRU', () => new GRU({ units: 16, returnSequences: true })],
    ['SimpleRNN', () => new SimpleRNN({ units: 16, goBackwards: true })],
  ];
  for (const [name, make] of layers) {
    test(`${name}: the peak of a training step at T = 80 is within 2.2x of T = 40`, () => {
      const short = stepPeakBytes(make, 40);
      const long = stepPeakBytes(make, 80);
      // Quadratic growth (every step's input gradient padded to the whole sequence) gave 3.4-3.7x here.
      expect(long / short).toBeLessThan(2.2);
      expect(long / short).toBeGreaterThan(1.5);
    });
  }
});
