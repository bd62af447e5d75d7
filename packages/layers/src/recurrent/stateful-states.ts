import { stopGradient, type Variable, variable } from '@horn/autograd';
import { fmt, ShapeError, type Tensor, ValueError, zeros } from '@horn/tensor';

/**
 * The states a stateful recurrent layer keeps between calls (Keras' `RNN.states`): non-trainable
 * variables of a fixed batch size, written after each call with the gradient stopped (so
 * consecutive windows are truncated BPTT), read as the next call's initial states.
 * @example const kept = new StatefulStates("LSTM 'lstm'", 4, null); kept.read(4, [3, 3]);
 */
export class StatefulStates {
  private batch: number | null;
  private values: Variable[] | null = null;

  constructor(
    private readonly label: string,
    batchSize: unknown,
    batchInputShape: (number | null)[] | null,
  ) {
    if (batchSize !== undefined && batchSize !== null && !(Number.isInteger(batchSize) && (batchSize as number) > 0)) {
      throw new ValueError(`${label}: batchSize must be a positive integer, got ${JSON.stringify(batchSize)}`);
    }
    this.batch = (batchSize as number | undefined) ?? batchInputShape?.[0] ?? null;
  }

  /** The fixed batch size, or null while unknown. */
  get batchSize(): number | null {
    return this.batch;
  }

  /**
   * Takes the batch size of a symbolic input (an `Input` with `batchSize`); a null batch with
   * none declared is the Keras error: a stateful layer needs a fixed batch size.
   */
  declareBatch(batch: number | null): void {
    if (this.batch !== null) return;
    if (batch === null) {
      throw new ValueError(
        `${this.label}: stateful=true needs a fixed batch size: give batchInputShape (or batchSize with inputShape) on the layer, or Input({ shape, batchSize }); got an input with an unknown batch size`,
      );
    }
    this.batch = batch;
  }

  /** The kept states for a call on `batch` samples (zeros on the first call); a ValueError for another batch size. */
  read(batch: number, sizes: number[]): Tensor[] {
    this.declareBatch(this.batch ?? batch);
    if (batch !== this.batch) {
      throw new ValueError(
        `${this.label}: a stateful layer takes batches of exactly ${this.batch} samples (its fixed batch size), got ${batch}; use a batch size that divides the data, or drop the last partial batch`,
      );
    }
    const values = this.ensure(sizes);
    return values.map((v) => stopGradient(v));
  }

  /** Keeps the final states of a call (gradient stopped). */
  write(states: Tensor[]): void {
    if (!this.values) return;
    states.forEach((s, i) => {
      this.values![i].assign(stopGradient(s));
    });
  }

  /** Zeros, or the given values (one `[batch, size]` per state). */
  reset(sizes: number[], given?: readonly Tensor[]): void {
    if (this.batch === null) {
      if (given === undefined) return; // nothing kept yet: the first call starts from zeros anyway
      this.batch = given[0]?.shape[0] ?? null;
    }
    const values = this.ensure(sizes);
    if (given === undefined) {
      for (const v of values) v.assign(zeros(v.shape));
      return;
    }
    if (given.length !== values.length) {
      throw new ValueError(`${this.label}: resetStates expected ${values.length} state values, got ${given.length}`);
    }
    given.forEach((s, i) => {
      if (s.rank !== 2 || s.shape[0] !== this.batch || s.shape[1] !== sizes[i]) {
        throw new ShapeError(
          `${this.label}: resetStates: state ${i} must have shape [${this.batch}, ${sizes[i]}], got ${fmt(s.shape)}`,
        );
      }
    });
    given.forEach((s, i) => {
      values[i].assign(s.dtype === 'float32' ? s : s.cast('float32'));
    });
  }

  /** Copies of the kept states, or null before the first call. */
  current(): Tensor[] | null {
    return this.values ? this.values.map((v) => v.clone()) : null;
  }

  dispose(): void {
    for (const v of this.values ?? []) v.dispose();
    this.values = null;
  }

  private ensure(sizes: number[]): Variable[] {
    if (!this.values) {
      const batch = this.batch as number;
      this.values = sizes.map((size, i) =>
        variable(zeros([batch, size]), { name: `rnn_state_${i}`, trainable: false }),
      );
    }
    return this.values;
  }
}
