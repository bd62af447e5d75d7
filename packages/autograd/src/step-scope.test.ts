import { keep, memory, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test, vi } from 'vitest';
import { consumeGradients, GradientTape, resetLeakWatch, variable } from './index.js';

describe('GradientTape memory (a training step without tidy)', () => {
  test('run() releases what it made and did not return once gradient() is done', () => {
    const w = variable(tensor([1, 2, 3]));
    const x = tensor([2, 2, 2]);
    const before = memory().numTensors;
    const tape = new GradientTape();
    // w * x, then its square, then the sum: two intermediates, one result.
    const loss = tape.run(() => w.mul(x).square().sum());
    const g = tape.gradient(loss, w)!;
    // d/dw sum((w x)^2) = 2 x^2 w = [8, 16, 24]
    expect(g.arraySync()).toEqual([8, 16, 24]);
    expect(loss.dataSync()[0]).toBe(4 + 16 + 36);
    expect(memory().numTensors).toBe(before + 2); // the loss and the gradient, nothing else
    expect(x.isDisposed).toBe(false);
  });

  test("an applied step's results go when the next step begins; kept ones, inputs and persistent tapes stay", () => {
    const w = variable(tensor([1]));
    const x = tensor([3]);
    const step = (): [Tensor, Tensor] => {
      const tape = new GradientTape();
      const loss = tape.run(() => w.mul(x).sum());
      const g = tape.gradient(loss, w)!;
      return [loss, g];
    };
    const [loss1, g1] = step();
    consumeGradients([g1]); // what an optimizer's applyGradients does
    const kept = keep(step()[0]);
    expect(loss1.isDisposed && g1.isDisposed).toBe(true);
    const [loss3, g3] = step(); // not applied: left to the caller
    step();
    expect(loss3.isDisposed || g3.isDisposed || kept.isDisposed || x.isDisposed).toBe(false);
    const persistent = new GradientTape({ persistent: true });
    const y = persistent.run(() => w.mul(x).sum());
    consumeGradients([persistent.gradient(y, w)]);
    step();
    expect(y.isDisposed).toBe(false);
    persistent.dispose();
  });

  test('tapes that no optimizer follows are not a training loop: no warning (checkGradients, derivatives)', () => {
    resetLeakWatch();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const w = variable(tensor([1, 2]));
    const kept: Tensor[] = [];
    for (let i = 0; i < 30; i++) {
      const tape = new GradientTape();
      const y = tape.run(() => w.square().sum());
      kept.push(tape.gradient(y, w) as Tensor, y); // the caller keeps both: its own tensors
    }
    expect(kept[58].arraySync()).toEqual([2, 4]); // d/dw sum(w²) = 2w
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
