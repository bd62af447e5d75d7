import type { DType } from '@horn/tensor';
import {
  add,
  DTypeError,
  ENGINE,
  fmt,
  ShapeError,
  shapesEqual,
  sub,
  Tensor,
  type TensorLike,
  toTensor,
} from '@horn/tensor';

/**
 * Options of {@link variable}.
 * @example
 * const w = variable(tensor([1, 2]), { name: 'w', trainable: false, dtype: 'float32' });
 * w.trainable; // false: tapes do not watch it, optimizers do not update it
 */
export interface VariableOptions {
  /** A name for messages and saving; default `variable_<n>`. */
  name?: string;
  /** Whether tapes watch it automatically and optimizers update it. Default true. */
  trainable?: boolean;
  /** Casts the initial value. */
  dtype?: DType;
}

let counter = 0;

/**
 * A mutable holder of a tensor value: model weights and optimizer slots. It is a Tensor (every op
 * takes it) whose data `assign` replaces. Trainable variables are watched by every active
 * `GradientTape` as soon as an op reads them. No `tidy()` disposes a variable.
 * @example
 * const w = variable(tensor([1, 2]), { name: 'w' });
 * w.assign(tensor([3, 4]));
 * w.arraySync(); // [3, 4]
 */
export class Variable extends Tensor {
  readonly name: string;
  trainable: boolean;

  /** @internal Use {@link variable}. */
  constructor(initial: Tensor, name: string, trainable: boolean) {
    super(initial.shape, initial.dtype, initial.ref);
    ENGINE.adoptExisting(this);
    this.name = name;
    this.trainable = trainable;
  }

  /** The current value, as a new tensor (reading it is differentiable). */
  get value(): Tensor {
    return this.clone();
  }

  /** Replaces the value; the new value must have the same shape and dtype. Returns this variable. */
  assign(value: TensorLike): this {
    const t = toTensor(value, 'value', `Variable '${this.name}'.assign`, this.dtype);
    if (!shapesEqual(t.shape, this.shape)) {
      throw new ShapeError(`Variable '${this.name}': assign expected shape ${fmt(this.shape)}, got ${fmt(t.shape)}`);
    }
    if (t.dtype !== this.dtype) {
      throw new DTypeError(`Variable '${this.name}': assign expected dtype ${this.dtype}, got ${t.dtype}`);
    }
    ENGINE.swapData(this, t);
    return this;
  }

  /** `this = this + delta`. */
  assignAdd(delta: TensorLike): this {
    const next = add(this, delta);
    this.assign(next);
    next.dispose();
    return this;
  }

  /** `this = this - delta`. */
  assignSub(delta: TensorLike): this {
    const next = sub(this, delta);
    this.assign(next);
    next.dispose();
    return this;
  }
}

/**
 * Creates a {@link Variable} holding `initial` (copied by reference: tensors are immutable).
 * @example
 * const x = variable(tensor([1, 2, 3]));
 * x.trainable; // true
 */
export function variable(initial: TensorLike, options: VariableOptions = {}): Variable {
  let t = toTensor(initial, 'initial', 'variable');
  if (options.dtype && options.dtype !== t.dtype) t = t.cast(options.dtype);
  return new Variable(t, options.name ?? `variable_${counter++}`, options.trainable ?? true);
}
