import type { KerasOptions, Tensor } from '@horn/tensor';
import type { ActivationFn } from '../activations/activations.js';
import { BaseRNN, type RNNConfig } from './base-rnn.js';
import { BuiltinCell } from './builtin-cell.js';
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
export abstract class BuiltinRNN<C extends RNNConfig, K extends BuiltinCell> extends BaseRNN<C> {
  static override readonly configKeys: readonly string[] = BuiltinCell.configKeys;
  readonly cell: K;

  constructor(config: KerasOptions<C>) {
    super(config);
    const { returnSequences, returnState, goBackwards, stateful, unroll, zeroOutputForMask, batchSize, ...rest } = this
      .config as RNNConfig;
    const { inputShape, batchInputShape, inputDim, activityRegularizer, trainable, ...cellOptions } = rest;
    this.cell = this.makeCell({ ...cellOptions, name: this.name }, new.target.className);
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

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), ...this.cell.cellConfig() };
  }
}
