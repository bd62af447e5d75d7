import { type KernelRecord, type Recorder, setRecorder } from '@horn/tensor';
import type { TapeNode } from './node.js';

/** What a tape does with each kernel the engine runs while the tape is active. */
export interface TapeLike {
  recordKernel(record: KernelRecord): void;
  recordNode(node: TapeNode): void;
}

const active: TapeLike[] = [];
let pausedDepth = 0;
let installed = false;
let chained: Recorder | null = null;

const recorder: Recorder = {
  record(record) {
    chained?.record(record);
    if (pausedDepth > 0) return;
    for (const tape of active) tape.recordKernel(record);
  },
};

/** Makes `tape` record the kernels run by `fn`. */
export function withTape<T>(tape: TapeLike, fn: () => T): T {
  if (!installed) {
    chained = setRecorder(recorder);
    installed = true;
  }
  active.push(tape);
  try {
    return fn();
  } finally {
    const i = active.lastIndexOf(tape);
    if (i >= 0) active.splice(i, 1);
  }
}

/** Runs `fn` with no tape recording (stopGradient, customGrad's forward pass). */
export function withoutRecording<T>(fn: () => T): T {
  pausedDepth++;
  try {
    return fn();
  } finally {
    pausedDepth--;
  }
}

/** The tapes now recording, innermost last. */
export function activeTapes(): readonly TapeLike[] {
  return pausedDepth > 0 ? [] : active;
}
