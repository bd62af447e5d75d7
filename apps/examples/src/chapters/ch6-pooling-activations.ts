/**
 * Course 6.1 (풀링 연산, 활성 함수): max pooling with a 2x2 window at stride 1 ('valid' and 'same')
 * on the course's [[4, 3], [2, 1]], max and average pooling at strides 1 and 2 on the course's
 * 4x4 grid of 1..16, max pooling of arange(16) (the course's [[5, 7], [13, 15]]), and the course's
 * activations — sigmoid, tanh = 2·sigmoid(2x) − 1, ReLU — with their derivatives by GradientTape
 * (the course's a(1 − a), at most 0.25, and 1 − H²). Where the course draws instead of printing,
 * the goldens are Keras 3's (fixtures/make-course-6.py). Run: `node dist/chapters/ch6-pooling-activations.js`.
 */
import { GradientTape } from '@horn/autograd';
import * as keras from '@horn/keras';
import { range, relu, sigmoid, type Tensor, tanh, tensor } from '@horn/tensor';
import type { Headline } from '../course/course-program.js';
import { runIfMain } from '../run-if-main.js';

/** The (h, w) map of a (1, h, w, 1) pooled image. */
function map2d(x: Tensor): number[][] {
  const [, h, w] = x.shape;
  return x.reshape([h, w]).arraySync() as number[][];
}

function pool(kind: 'max' | 'average', x: Tensor, strides: number, padding: 'valid' | 'same' = 'valid'): number[][] {
  const options = { poolSize: 2, strides, padding };
  const layer = kind === 'max' ? new keras.layers.MaxPool2D(options) : new keras.layers.AveragePooling2D(options);
  return map2d(layer.apply(x) as Tensor);
}

/** The value and the derivative of an activation at each z, by GradientTape. */
function withDerivative(f: (z: Tensor) => Tensor, z: Tensor): [number[], number[]] {
  const tape = new GradientTape();
  tape.watch(z);
  const a = tape.run(() => f(z));
  const [dz] = tape.gradient(a, [z]);
  if (!dz) throw new Error('the activation does not depend on z');
  return [Array.from(a.dataSync()), Array.from(dz.dataSync())];
}

/** Prints the section's values in the course's order and returns them for `run all`. */
export async function run(): Promise<Record<string, Headline>> {
  const values: Record<string, Headline> = {};
  const show = (key: string, value: number[][] | number[]) => {
    console.log(`${key}\n${tensor(value).toString()}`);
    values[key] = value;
  };
  const small = tensor([4, 3, 2, 1], [1, 2, 2, 1]);
  show("max 2x2 stride 1 'valid' on [[4,3],[2,1]]", pool('max', small, 1, 'valid'));
  show("max 2x2 stride 1 'same' on [[4,3],[2,1]]", pool('max', small, 1, 'same'));
  const grid = range(1, 17).reshape([1, 4, 4, 1]);
  show('max 2x2 stride 1 on 1..16', pool('max', grid, 1));
  show('max 2x2 stride 2 on 1..16', pool('max', grid, 2));
  show('average 2x2 stride 2 on 1..16', pool('average', grid, 2));
  show('average 2x2 stride 1 on 1..16', pool('average', grid, 1));
  show('max 2x2 stride 2 on arange(16)', pool('max', range(16).reshape([1, 4, 4, 1]), 2));

  const z = tensor([-4, -2, -1, 0, 1, 2, 4]);
  console.log(`z = ${z.toString()}`);
  const activations: [string, (t: Tensor) => Tensor][] = [
    ['sigmoid', sigmoid],
    ['tanh', tanh],
    ['relu', relu],
  ];
  for (const [name, f] of activations) {
    const [a, da] = withDerivative(f, z);
    show(name, a);
    show(`${name}'`, da);
  }
  const viaSigmoid = Array.from(sigmoid(z.mul(2)).mul(2).sub(1).dataSync());
  show('2 * sigmoid(2z) - 1', viaSigmoid);
  return values;
}

runIfMain(import.meta.url, run);
