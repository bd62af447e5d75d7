import { split, type Tensor, where, zerosLike } from '@horn/tensor';

/** How {@link runTimeLoop} walks the sequence. */
export interface TimeLoopOptions {
  /** `[batch, time]` bool: false steps are skipped (states kept), or null. */
  mask: Tensor | null;
  /** Walk from the last step to the first (outputs come in walking order, as Keras). */
  goBackwards: boolean;
  /** Masked steps output zeros instead of the previous output. */
  zeroOutputForMask: boolean;
  /** Keep every step's output (else only the last). */
  returnSequences: boolean;
  /** Which state holds the previous output (0; a stack of cells: the last cell's first state). Default 0. */
  outputState?: number;
  /**
   * Keras 3's unrolled loop (`unroll=True`): a masked step outputs the previous step's output
   * (zeros before the first step, not the initial state) and `zeroOutputForMask` is not used.
   * Default false (the scan form).
   */
  unroll?: boolean;
}

/** What the time loop gives back: the last output, every output (walking order) and the final states. */
export interface TimeLoopResult {
  last: Tensor;
  outputs: Tensor[];
  states: Tensor[];
}

/**
 * The masked time loop of Keras 3's backend `rnn` (the scan form, `unroll=False`): at step t,
 * `step(t, states)` gives the output and the new states; where the mask is false, the states stay
 * the previous ones and the output is the previous output (the first state, as Keras assumes) or
 * zeros with `zeroOutputForMask`. With `goBackwards` the steps (and the mask) are walked from the end.
 * With `unroll` a masked step outputs the previous output (zeros at the first step), as Keras' unrolled loop.
 * @example const { last, states } = runTimeLoop((t, s) => cell.recurrentStep(xs[t], s), time, zeros, options);
 */
export function runTimeLoop(
  step: (t: number, states: Tensor[]) => [Tensor, Tensor[]],
  time: number,
  initial: Tensor[],
  options: TimeLoopOptions,
): TimeLoopResult {
  const maskSteps = options.mask ? split(options.mask, time, 1) : null; // each [batch, 1]
  const outputs: Tensor[] = [];
  let states = initial;
  let last: Tensor | null = null;
  for (let k = 0; k < time; k++) {
    const t = options.goBackwards ? time - 1 - k : k;
    let [output, next] = step(t, states);
    if (maskSteps) {
      const keep = maskSteps[t];
      const previous = states;
      output = where(keep, output, maskedOutput(output, last, previous, options));
      next = next.map((s, i) => where(keep, s, previous[i]));
    }
    states = next;
    last = output;
    if (options.returnSequences) outputs.push(output);
  }
  return { last: last!, outputs, states };
}

/** What a masked step outputs: zeros, the previous state holding the output (scan), or the previous output (unrolled). */
function maskedOutput(output: Tensor, last: Tensor | null, previous: Tensor[], options: TimeLoopOptions): Tensor {
  if (options.unroll) return last ?? zerosLike(output);
  return options.zeroOutputForMask ? zerosLike(output) : previous[options.outputState ?? 0];
}
