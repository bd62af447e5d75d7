import { ENGINE, memory, Tensor } from '@horn/tensor';
import { Variable } from './variable.js';

/**
 * The tensors of one training step: what a non-persistent tape's `run()` returned and the
 * gradients its `gradient()` computed (only tensors made during the step, never an input).
 */
export class StepTensors {
  readonly tensors = new Set<Tensor>();
  /** Ids of tensors made before the step began: those are never released as the step's. */
  readonly firstId: number;
  scheduled = false;

  constructor() {
    this.firstId = ENGINE.nextTensorId();
  }

  /** Records the step's tensors among `values` (any container); returns `values`. */
  add<T>(values: T): T {
    visit(values, (t) => {
      if (t.id > this.firstId && !(t instanceof Variable)) this.tensors.add(t);
    });
    return values;
  }
}

function visit(value: unknown, fn: (t: Tensor) => void, depth = 0): void {
  if (value instanceof Tensor) fn(value);
  else if (depth < 4 && Array.isArray(value)) for (const v of value) visit(v, fn, depth + 1);
  else if (
    depth < 4 &&
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    for (const v of Object.values(value)) visit(v, fn, depth + 1);
  }
}

const stepOf = new WeakMap<Tensor, StepTensors>();
let pending: StepTensors[] = [];

/** Links each gradient to the step that computed it. */
export function linkGradients(step: StepTensors, grads: readonly (Tensor | null)[]): void {
  for (const g of grads) if (g) stepOf.set(g, step);
}

/**
 * Called by an optimizer once it has applied gradients: the steps that computed them are done,
 * and their tensors (the tape's results and the gradients) are released when the next step
 * begins. Gradients that no tape made are left alone.
 * @example consumeGradients(grads) // inside Optimizer.applyGradients
 */
export function consumeGradients(grads: readonly (Tensor | null)[]): void {
  for (const g of grads) {
    const step = g ? stepOf.get(g) : undefined;
    if (step && !step.scheduled) {
      step.scheduled = true;
      pending.push(step);
    }
  }
}

/**
 * Consecutive steps with more live tensors than the step before, before the warning fires.
 * @example
 * LEAK_WARNING_STEPS; // 20: console.warn fires after 20 steps in a row that each left more live tensors
 */
export const LEAK_WARNING_STEPS = 20;
let lastCount = -1;
let firstGrowing = 0;
let growingSteps = 0;
let warned = false;

/**
 * A new training step begins (a top-level GradientTape starts recording): releases the tensors
 * of the steps an optimizer has finished (unless `keep()`-ed or disposed already), then, when an
 * optimizer finished the step before (a training loop), watches
 * the live-tensor count, warning once (console.warn, with the counts) when it grew on each of
 * {@link LEAK_WARNING_STEPS} consecutive steps.
 * @example beginStep() // inside GradientTape.run
 */
export function beginStep(): void {
  const done = pending;
  pending = [];
  for (const step of done) for (const t of step.tensors) if (!t.kept && !t.isDisposed) t.dispose();
  // Only training steps are watched: a tape whose previous step no optimizer finished (checkGradients,
  // a tape used for a derivative alone) is not a training loop, and its tensors are the caller's.
  if (done.length === 0) {
    lastCount = -1;
    growingSteps = 0;
    return;
  }
  const count = memory().numTensors;
  if (lastCount >= 0 && count > lastCount) {
    if (growingSteps === 0) firstGrowing = lastCount;
    growingSteps++;
  } else growingSteps = 0;
  lastCount = count;
  if (!warned && growingSteps >= LEAK_WARNING_STEPS) {
    warned = true;
    const perStep = ((count - firstGrowing) / growingSteps).toFixed(1);
    console.warn(
      `GradientTape: live tensors grew on each of the last ${growingSteps} training steps (${firstGrowing} -> ${count}, about ${perStep} per step). Tensors made outside tape.run() are not released for you: wrap the step in tidy(), dispose() what you keep, or use optimizer.minimize() / model.trainOnBatch().`,
    );
  }
}

/**
 * Forgets the leak watch (the count and whether it warned), for tests.
 * @example resetLeakWatch()
 */
export function resetLeakWatch(): void {
  lastCount = -1;
  growingSteps = 0;
  warned = false;
}
