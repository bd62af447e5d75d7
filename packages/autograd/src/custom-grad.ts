import { type Tensor, type TensorLike, toTensor, ValueError } from '@horn/tensor';
import { activeTapes, withoutRecording } from './recording.js';

/**
 * What the function given to {@link customGrad} returns.
 * @example
 * const straightThrough = customGrad((x) => ({ value: x.round(), gradFunc: (dy) => dy }));
 * grad((x) => straightThrough(x))(tensor([0.3, 1.7])).arraySync(); // [1, 1]
 */
export interface CustomGradResult {
  value: Tensor;
  /** The gradient of each input, given the gradient `dy` of `value`. */
  gradFunc: (dy: Tensor, inputs: readonly Tensor[]) => Tensor | readonly Tensor[];
}

/**
 * Defines a function with its own gradient: the forward pass is not recorded, and tapes use
 * `gradFunc` instead. Useful for numerically better gradients, or straight-through estimators.
 * @example
 * const clipGrad = customGrad((x) => ({ value: x.square(), gradFunc: (dy, [x]) => dy.mul(x.mul(2)).clip(-1, 1) }));
 * grad((x) => clipGrad(x))(tensor([3])).arraySync(); // [1]
 */
export function customGrad(f: (...inputs: Tensor[]) => CustomGradResult): (...inputs: TensorLike[]) => Tensor {
  return (...args) => {
    const inputs = args.map((a, i) => toTensor(a, `inputs[${i}]`, 'customGrad'));
    const result = withoutRecording(() => f(...inputs));
    if (!result || typeof result.gradFunc !== 'function' || !result.value) {
      throw new ValueError('customGrad: f must return { value: Tensor, gradFunc: (dy, inputs) => Tensor[] }');
    }
    const { value, gradFunc } = result;
    const named = Object.fromEntries(inputs.map((t, i) => [String(i), t]));
    for (const tape of activeTapes()) {
      tape.recordNode({
        name: 'CustomGradient',
        inputs: named,
        outputs: [value],
        backward: (dys) => {
          const g = gradFunc(dys[0], inputs);
          const list = Array.isArray(g) ? g : [g as Tensor];
          if (list.length !== inputs.length) {
            throw new ValueError(`customGrad: gradFunc returned ${list.length} gradients for ${inputs.length} inputs`);
          }
          return Object.fromEntries(list.map((t, i) => [String(i), t]));
        },
      });
    }
    return value;
  };
}

/**
 * The same values with no gradient flowing back through them.
 * @example grad((x) => x.mul(stopGradient(x)))(tensor([3])).arraySync() // [3]
 */
export function stopGradient(x: TensorLike): Tensor {
  const t = toTensor(x, 'x', 'stopGradient');
  return withoutRecording(() => t.clone());
}
