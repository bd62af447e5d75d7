import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { getKernel } from '../engine/registry.js';
import { DTypeError, ShapeError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { sigmoid, tanh } from './activations.js';
import { add, mul } from './arithmetic.js';
import { cast } from './cast.js';
import { split } from './split.js';

/**
 * One LSTM step after the gate products (Keras' LSTM cell with its default activations): `z` is
 * `x_t·W + h_{t-1}·U + b`, `[batch, 4·units]`, the gates i, f, c, o side by side (Keras' order), and
 * `cPrev` the carry `[batch, units]`. Returns `[h, c]` with `i = σ(z_i)`, `f = σ(z_f)`,
 * `c = f·cPrev + i·tanh(z_c)`, `o = σ(z_o)`, `h = o·tanh(c)` (σ the logistic sigmoid), in float32:
 * the same numbers as those ops one after another. On a backend with an `LSTMCell` kernel (cpu,
 * wasm) it is one pass over the gates, and its gradient one `LSTMCellGrad` pass; elsewhere it runs
 * the separate ops.
 * @example
 * const [h, c] = lstmCell(zeros([1, 4]), ones([1, 1]));
 * c.arraySync(); // [[0.5]]      (f = σ(0) = 0.5, tanh(0) = 0)
 * h.arraySync(); // [[0.2310585]] (σ(0)·tanh(0.5))
 */
export function lstmCell(z: TensorLike, cPrev: TensorLike): [Tensor, Tensor] {
  const op = 'lstmCell';
  const gates = floatInput(toTensor(z, 'z', op), 'z');
  const carry = floatInput(toTensor(cPrev, 'cPrev', op), 'cPrev');
  if (carry.rank !== 2) throw new ShapeError(`${op}: cPrev must be [batch, units], got ${fmt(carry.shape)}`);
  const [batch, units] = carry.shape;
  if (gates.rank !== 2 || gates.shape[0] !== batch || gates.shape[1] !== 4 * units) {
    throw new ShapeError(
      `${op}: z must be [batch, 4·units] = ${fmt([batch, 4 * units])} for cPrev ${fmt(carry.shape)}, got ${fmt(gates.shape)}`,
    );
  }
  if (getKernel('LSTMCell', ENGINE.backendName) === undefined) return lstmCellOps(gates, carry);
  const [h, c] = ENGINE.runKernelMulti('LSTMCell', { z: gates, cPrev: carry });
  return [h, c];
}

/**
 * {@link lstmCell} as separate ops (split, sigmoid, tanh, mul, add): what a backend without an
 * `LSTMCell` kernel runs, and the reference the fused kernels are tested against.
 * @example lstmCellOps(zeros([1, 4]), ones([1, 1]))[1].arraySync() // [[0.5]]
 */
export function lstmCellOps(z: Tensor, cPrev: Tensor): [Tensor, Tensor] {
  const [zi, zf, zc, zo] = split(z, 4, 1);
  const c = add(mul(sigmoid(zf), cPrev), mul(sigmoid(zi), tanh(zc)));
  return [mul(sigmoid(zo), tanh(c)), c];
}

function floatInput(t: Tensor, arg: string): Tensor {
  if (t.dtype === 'bool') throw new DTypeError(`lstmCell: '${arg}' must be numeric (float32 or int32), got bool`);
  return cast(t, 'float32');
}
