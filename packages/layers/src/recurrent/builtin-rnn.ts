import { type KerasOptions, type Tensor, ValueError } from '@horn/tensor';
import type { ActivationFn } from '../activations/activations.js';
import type { RNNConfig } from './base-rnn.js';
import { BuiltinCell } from './builtin-cell.js';
import { RNN, type RNNWrapperConfig } from './rnn.js';
import type { WeightOptions } from './rnn-options.js';

/**
 * The base of SimpleRNN, LSTM and GRU: an RNN over its own built-in cell, made from the layer's
 * options and named as the layer (so the weights are `lstm/kernel`, `lstm/recurrent_kernel`,
 * `lstm/bias`, as TF.js names them). The config is flat (the cell's options beside the sequence
 * options, as Keras' `LSTM.get_config`), and the cell's weights and options read through.
 * @example
 * const lstm = new LSTM({ units: 4 });
 * lstm.apply(ones([2, 5, 3])); lstm.cell.kernel === lstm.kernel; // true
 */
export abstract class BuiltinRNN<C extends RNNConfig, K extends BuiltinCell> extends RNN {
  static override readonly configKeys: readonly string[] = BuiltinCell.configKeys;
  declare readonly cell: K;

  // The layer's options are C (no cell): RNN's constructor reads them and calls createCell.
  constructor(config: KerasOptions<C>) {
    super(config as unknown as KerasOptions<RNNWrapperConfig>);
  }

  /** The layer's own cell, made from its options (RNN's constructor calls this). */
  protected override createCell(): K {
    const { returnSequences, returnState, goBackwards, stateful, unroll, zeroOutputForMask, batchSize, ...rest } = this
      .config as RNNConfig & { cell?: unknown };
    const { inputShape, batchInputShape, inputDim, activityRegularizer, trainable, cell, ...cellOptions } = rest;
    if (cell !== undefined) {
      throw new ValueError(
        `${this.className} '${this.name}': cell is not an option of ${this.className}, which makes its own cell; use RNN({ cell }) for another cell`,
      );
    }
    return this.makeCell({ ...cellOptions, name: this.name }, this.className);
  }

  /** Makes the cell from the layer's cell options (the layer's name included); errors name `owner`. */
  protected abstract makeCell(options: Record<string, unknown>, owner: string): K;

  get units(): number {
    return this.cell.units;
  }
  get activation(): ActivationFn {
    return this.cell.activation;
  }
  get useBias(): boolean {
    return this.cell.useBias;
  }
  get dropout(): number {
    return this.cell.dropout;
  }
  get recurrentDropout(): number {
    return this.cell.recurrentDropout;
  }
  get seed(): number | undefined {
    return this.cell.seed;
  }
  get kernelOptions(): WeightOptions {
    return this.cell.kernelOptions;
  }
  get recurrentOptions(): WeightOptions {
    return this.cell.recurrentOptions;
  }
  get biasOptions(): WeightOptions {
    return this.cell.biasOptions;
  }
  /** The cell's `kernel` `[features, gates·units]` (null before build). */
  get kernel(): Tensor | null {
    return this.cell.kernel;
  }
  /** The cell's `recurrent_kernel` `[units, gates·units]` (null before build). */
  get recurrentKernel(): Tensor | null {
    return this.cell.recurrentKernel;
  }
  /** The cell's `bias` (null before build or without `useBias`). */
  get bias(): Tensor | null {
    return this.cell.bias;
  }

  /** Flat, as Keras' `LSTM.get_config`: the cell's options in place of `cell`. */
  override getConfig(): Record<string, unknown> {
    const { cell, ...config } = super.getConfig();
    return { ...config, ...this.cell.cellConfig() };
  }
}
