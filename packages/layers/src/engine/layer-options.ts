import type { Tensor } from '@horn/tensor';
import type { ConstraintId } from '../constraints/get-constraint.js';
import type { InitializerId } from '../initializers/get-initializer.js';
import type { RegularizerId } from '../regularizers/get-regularizer.js';

/**
 * Options every layer takes.
 * @example
 * const dense = new Dense({ units: 2, name: 'hidden', trainable: false, inputShape: [4], activityRegularizer: 'l1' });
 * dense.name; // 'hidden'
 * dense.trainable; // false
 */
export interface LayerConfig {
  /** Unique per class by default: `dense`, `dense_1`, ... */
  name?: string;
  /** Whether the layer's weights are trained. Default true. */
  trainable?: boolean;
  /** Only `'float32'` for now. */
  dtype?: 'float32';
  /** Keras `input_shape`: the input shape without the batch dimension. */
  inputShape?: (number | null)[];
  /** Keras `batch_input_shape`: the input shape with the batch dimension. */
  batchInputShape?: (number | null)[];
  /**
   * Keras `input_dim`: the same as `inputShape: [inputDim]`, for layers without an `inputDim` option
   * of their own (Embedding's `inputDim` is its vocabulary size).
   */
  inputDim?: number;
  /** A penalty on the layer's output, added to `losses` on each call, divided by the batch size (as Keras 3). */
  activityRegularizer?: RegularizerId | null;
}

/**
 * Options of `Layer.apply` and `Layer.call`.
 * @example
 * const dropout = new Dropout({ rate: 0.5, seed: 1 });
 * dropout.apply(ones([1, 4]), { training: false }).arraySync(); // [[1, 1, 1, 1]]: inference passes through
 * dropout.apply(ones([1, 4]), { training: true }); // drops about half, scales the rest by 2
 */
export interface CallOptions {
  /** Training mode: Dropout drops, BatchNormalization uses batch statistics. Default false. */
  training?: boolean;
  /**
   * Keras' `mask`: which time steps of the input are real (`true`) and which are padding
   * (`false`), a bool tensor `[batch, time]` for a single input, or one entry per input (null where
   * an input has no mask) for layers called on a list. `apply` fills it from the mask the input
   * carries (`Embedding({ maskZero: true })`, `Masking`) when it is not given.
   */
  mask?: LayerMask;
}

/**
 * A mask for one input (null: none), or one entry per input of a layer called on a list.
 * @example
 * const emb = new Embedding({ inputDim: 5, outputDim: 2, maskZero: true });
 * const mask: LayerMask = emb.computeMask(tensor([[1, 0]]));
 * (mask as Tensor).arraySync(); // [[1, 0]] (bool): index 0 is padding
 */
export type LayerMask = Tensor | null | (Tensor | null)[];

/**
 * Options of `Layer.addWeight`.
 * @example
 * class Scale extends Layer {
 *   static override readonly className = 'Scale';
 *   scale!: Variable;
 *   override build() {
 *     this.scale = this.addWeight('scale', [1], { initializer: 'ones', regularizer: 'l2', constraint: 'nonNeg', trainable: true });
 *   }
 *   override call(x: Tensor | Tensor[]) { return (x as Tensor).mul(this.scale); }
 * }
 * new Scale().apply(tensor([[1, 2]])).arraySync(); // [[1, 2]]
 */
export interface AddWeightOptions {
  /** Default `'glorotUniform'` (as Keras' add_weight for float weights). */
  initializer?: InitializerId;
  regularizer?: RegularizerId | null;
  constraint?: ConstraintId | null;
  /** Default true. */
  trainable?: boolean;
  dtype?: 'float32';
}

/**
 * Whether a class between `cls` and `base` (Layer) declares `key` in its own `configKeys` (Embedding's `inputDim`).
 * @example declaresBelow(Embedding, 'inputDim', Layer) // true
 */
export function declaresBelow(cls: object, key: string, base: object): boolean {
  for (let c: object | null = cls; c !== null && c !== base; c = Object.getPrototypeOf(c)) {
    const own = Object.hasOwn(c, 'configKeys') ? (c as { configKeys: unknown }).configKeys : null;
    if (Array.isArray(own) && own.includes(key)) return true;
  }
  return false;
}

/**
 * The refusal of a positional argument (Keras' `Dense(8)`), naming Horn's options form.
 * @example positionalMessage('Dense', ['units'], 8) // "Dense: expected an options object, got number 8; ..."
 */
export function positionalMessage(className: string, keys: readonly string[] | null, given: unknown): string {
  // Keras' first positional parameter: units / filters / layer / kernel_size where the class has it.
  const first = ['units', 'filters', 'layer', 'kernelSize'].find((k) => keys?.includes(k)) ?? keys?.[0];
  const shown = typeof given === 'string' ? `'${given}'` : JSON.stringify(given);
  const example =
    first && first !== 'name' ? `new ${className}({ ${first}: ${shown}, ... })` : `new ${className}({ ... })`;
  return `${className}: expected an options object, got ${Array.isArray(given) ? 'an array' : typeof given} ${shown}; this looks like Keras' positional form ${className}(${shown}, ...), which Horn does not take: pass options by name, e.g. ${example}`;
}
