import { GradientTape, variable } from '@horn/autograd';
import { conv2d, ones, range } from '@horn/tensor';

const image = range(1, 10).reshape([1, 3, 3, 1]);
const same = conv2d(image, ones([2, 2, 1, 1]), { padding: 'same' });
console.log(same.reshape([3, 3]).toString());
const x = variable(range(1, 4));
const tape = new GradientTape();
const y = tape.run(() => x.pow(3).add(x.mul(2)).add(5));
console.log(tape.gradient(y, x)?.toString());
