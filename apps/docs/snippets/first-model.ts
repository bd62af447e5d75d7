/**
 * A first model with what Horn ships today: one Dense layer learns y = 2x − 1 from four points,
 * with GradientTape for the gradients and SGD for the updates — the loop `model.fit` will run
 * for you once @horn/models lands.
 */
import { GradientTape } from '@horn/autograd';
import { Dense } from '@horn/layers';
import { MeanSquaredError } from '@horn/losses';
import { SGD } from '@horn/optimizers';
import { tensor, tidy } from '@horn/tensor';

export function firstModel(steps = 200): { w: number; b: number; loss: number } {
  const x = tensor([[-1], [0], [1], [2]]);
  const y = tensor([[-3], [-1], [1], [3]]);
  const dense = new Dense({ units: 1, kernelInitializer: 'zeros' });
  const mse = new MeanSquaredError();
  const optimizer = new SGD({ learningRate: 0.1 });
  let loss = 0;
  for (let step = 0; step < steps; step++) {
    loss = tidy(() => {
      const tape = new GradientTape();
      const l = tape.run(() => mse.apply(y, dense.apply(x)));
      const grads = tape.gradient(l, dense.trainableWeights);
      optimizer.applyGradients(dense.trainableWeights.map((w, i) => [grads[i], w]));
      return l.dataSync()[0];
    });
  }
  const [w, b] = dense.getWeights().map((t) => t.dataSync()[0]);
  return { w, b, loss };
}
