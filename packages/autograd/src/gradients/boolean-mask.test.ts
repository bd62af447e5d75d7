import { booleanMask, mul, randomUniform, sum, type Tensor, tensor } from '@horn/tensor';
import { expect, test } from 'vitest';
import { checkGradients, grad } from '../index.js';

// booleanMask is a Gather of the flattened masked dimensions, so its gradient scatters dy back to the
// kept positions and leaves zeros at the dropped ones.
test('booleanMask: the gradient is dy at the kept positions, 0 elsewhere; finite differences agree', () => {
  const mask = [
    [true, false],
    [false, true],
    [true, true],
  ];
  const w = tensor([1, 2, 3, 4]);
  const g = grad((x: Tensor) => sum(mul(booleanMask(x, mask), w)))(tensor([0, 0, 0, 0, 0, 0], [3, 2]));
  expect(g.arraySync()).toEqual([
    [1, 0],
    [0, 2],
    [3, 4],
  ]);
  const x = randomUniform([2, 3, 2], { min: -1, max: 1, seed: 7 });
  const weights = randomUniform([2, 2, 2], { min: 0.5, max: 1.5, seed: 8 });
  const report = checkGradients((t) => sum(mul(booleanMask(t, [false, true, true], 1), weights)), [x]);
  expect(report.passed).toBe(true);
  expect(report.maxError).toBeLessThan(1e-2);
});
