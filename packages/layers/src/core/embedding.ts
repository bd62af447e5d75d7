import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { cast, gather, notEqual, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import type { Constraint } from '../constraints/constraint.js';
import { type ConstraintId, getConstraint, serializeConstraint } from '../constraints/get-constraint.js';
import { booleanOption, positiveInteger } from '../conv/layer-options.js';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { getInitializer, type InitializerId, serializeInitializer } from '../initializers/get-initializer.js';
import type { Initializer } from '../initializers/initializer.js';
import { RandomUniform } from '../initializers/random-initializers.js';
import { getRegularizer, type RegularizerId, serializeRegularizer } from '../regularizers/get-regularizer.js';
import type { Regularizer } from '../regularizers/regularizer.js';

/**
 * Options of {@link Embedding}.
 * @example
 * const emb = new Embedding({ inputDim: 10, outputDim: 4, maskZero: true, embeddingsInitializer: 'ones' });
 * emb.apply(tensor([[1, 0, 3]], undefined, 'int32')).shape; // [1, 3, 4]
 */
export interface EmbeddingConfig extends LayerConfig {
  /** The vocabulary size: indices lie in `[0, inputDim)`. */
  inputDim: number;
  /** The size of each embedding vector. */
  outputDim: number;
  /** Default `'uniform'`: RandomUniform(-0.05, 0.05), as Keras. */
  embeddingsInitializer?: InitializerId;
  embeddingsRegularizer?: RegularizerId | null;
  embeddingsConstraint?: ConstraintId | null;
  /**
   * Index 0 is padding: `computeMask` returns where the input is not 0, and that mask rides on the
   * output to the layers downstream (recurrent, pooling, merge, attention). Default false.
   */
  maskZero?: boolean;
  /** The sequence length, when fixed (Keras 2 / TF.js `input_length`); checked on every call. */
  inputLength?: number | null;
}

/**
 * Turns integer indices into dense vectors: row `i` of `embeddings [inputDim, outputDim]` for each
 * index `i` (a gather, so the gradient adds up into the rows used, repeated indices included).
 * Input `[...]` of indices (int32, or floats holding integers); output `[..., outputDim]`.
 * @example
 * const embed = new Embedding({ inputDim: 1000, outputDim: 16 });
 * embed.apply(tensor([[4, 20, 7]], [1, 3], 'int32')).shape; // [1, 3, 16]
 */
export class Embedding extends Layer<EmbeddingConfig> {
  static override readonly configKeys: readonly string[] = [
    'inputDim',
    'outputDim',
    'embeddingsInitializer',
    'embeddingsRegularizer',
    'embeddingsConstraint',
    'maskZero',
    'inputLength',
  ];
  static override readonly className: string = 'Embedding';
  readonly inputDim: number;
  readonly outputDim: number;
  readonly embeddingsInitializer: Initializer;
  readonly embeddingsRegularizer: Regularizer | null;
  readonly embeddingsConstraint: Constraint | null;
  readonly maskZero: boolean;
  readonly inputLength: number | null;
  embeddings: Variable | null = null;

  constructor(config: KerasOptions<EmbeddingConfig>) {
    super(config);
    this.inputDim = positiveInteger(this.config.inputDim, 'inputDim', 'Embedding');
    this.outputDim = positiveInteger(this.config.outputDim, 'outputDim', 'Embedding');
    const init = this.config.embeddingsInitializer ?? 'uniform';
    // Keras' 'uniform' id is RandomUniform with its defaults (-0.05, 0.05).
    this.embeddingsInitializer = init === 'uniform' ? new RandomUniform() : getInitializer(init);
    this.embeddingsRegularizer = this.config.embeddingsRegularizer
      ? getRegularizer(this.config.embeddingsRegularizer)
      : null;
    this.embeddingsConstraint = this.config.embeddingsConstraint
      ? getConstraint(this.config.embeddingsConstraint)
      : null;
    this.maskZero = booleanOption(this.config.maskZero, false, 'maskZero', layerLabel(this));
    this.supportsMasking = this.maskZero; // Keras: supports_masking = mask_zero
    this.inputLength =
      this.config.inputLength === undefined || this.config.inputLength === null
        ? null
        : positiveInteger(this.config.inputLength, 'inputLength', 'Embedding');
  }

  /**
   * As TF.js and Keras 2: without `inputShape` / `batchInputShape`, `inputLength` declares the input
   * `[null, inputLength]`, so a Sequential that starts with this layer is built at once.
   */
  override get batchInputShape(): (number | null)[] | null {
    return super.batchInputShape ?? (this.inputLength === null ? null : [null, this.inputLength]);
  }

  override build(): void {
    this.embeddings = this.addWeight('embeddings', [this.inputDim, this.outputDim], {
      initializer: this.embeddingsInitializer,
      regularizer: this.embeddingsRegularizer,
      constraint: this.embeddingsConstraint,
    });
  }

  override call(indices: Tensor): Tensor {
    this.checkLength(indices.shape);
    const values = indices.dataSync();
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isInteger(v)) {
        throw new ValueError(`${layerLabel(this)}: indices must be integers, got ${v} at flat position ${i}`);
      }
      if (v < 0 || v >= this.inputDim) {
        throw new ValueError(
          `${layerLabel(this)}: index ${v} at flat position ${i} is out of range for inputDim ${this.inputDim} (valid indices are 0 to ${this.inputDim - 1})`,
        );
      }
    }
    return gather(this.embeddings!, cast(indices, 'int32'), 0);
  }

  /**
   * Where the input is not the padding index 0 (a bool tensor of the input's shape) when
   * `maskZero` is set; null otherwise.
   * @example new Embedding({ inputDim: 5, outputDim: 2, maskZero: true }).computeMask(tensor([[0, 3]])) // [[false, true]]
   */
  override computeMask(indices: Tensor): Tensor | null {
    return this.maskZero ? notEqual(indices, 0) : null;
  }

  /** In a symbolic call: the output has a mask when `maskZero` is set. */
  symbolicMaskFlags(): boolean[] {
    return [this.maskZero];
  }

  override computeOutputShape(inputShape: LayerShape): LayerShape {
    this.checkLength(inputShape);
    return [...inputShape, this.outputDim];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      inputDim: this.inputDim,
      outputDim: this.outputDim,
      embeddingsInitializer: serializeInitializer(this.embeddingsInitializer),
      embeddingsRegularizer: this.embeddingsRegularizer ? serializeRegularizer(this.embeddingsRegularizer) : null,
      embeddingsConstraint: this.embeddingsConstraint ? serializeConstraint(this.embeddingsConstraint) : null,
      maskZero: this.maskZero,
      inputLength: this.inputLength,
    };
  }

  private checkLength(shape: LayerShape): void {
    if (this.inputLength === null) return;
    const length = shape.length > 1 ? shape[1] : undefined;
    if (length !== null && length !== this.inputLength) {
      throw new ShapeError(
        `${layerLabel(this)}: expected input [batch, ${this.inputLength}] (inputLength ${this.inputLength}), got ${fmtShape(shape)}`,
      );
    }
  }
}
