import { GradientTape } from '@horn/autograd';
import { getKerasMask } from '@horn/layers';
import { type Tensor, tidy, ValueError } from '@horn/tensor';
import type { BatchLoss, CompiledState } from './compiled-state.js';
import { checkStepWeights } from './step-weights.js';
import type { TrainableModel } from './trainable-model.js';

/** One batch, standardized: a tensor per model input, a label tensor and a sample weight per output. */
export interface StepData {
  xs: Tensor[];
  ys: Tensor[];
  sampleWeights: (Tensor | null)[];
}

/**
 * Runs the model on a batch; one input is passed as a tensor, several as an array.
 * @example const [pred] = runModel(model, [x], false);
 */
export function runModel(model: TrainableModel, xs: readonly Tensor[], training: boolean): Tensor[] {
  const out = model.apply(xs.length === 1 ? xs[0] : [...xs], { training });
  return Array.isArray(out) ? out : [out];
}

function checkOutputCount(op: string, model: TrainableModel, preds: readonly Tensor[], ys: readonly Tensor[]): void {
  // No targets at all: an addLoss-only model (checked by standardizeTargets).
  if (ys.length > 0 && preds.length !== ys.length) {
    throw new ValueError(
      `${op}: model '${model.name}' returned ${preds.length} output(s), but y holds ${ys.length} label tensor(s); pass one per output`,
    );
  }
}

function forward(op: string, model: TrainableModel, compiled: CompiledState, batch: StepData, training: boolean) {
  const preds = runModel(model, batch.xs, training);
  checkOutputCount(op, model, preds, batch.ys);
  // The masks the predictions carry are returned with them, so they outlive the tape's scope (the metrics read them).
  const outputs = { ys: batch.ys, preds, sampleWeights: batch.sampleWeights, masks: preds.map(getKerasMask) };
  checkStepWeights(op, compiled.losses, compiled.outputNames, outputs);
  const loss: BatchLoss = compiled.computeLoss(outputs, model.losses);
  return { outputs, loss };
}

/**
 * One training step, as Keras' `train_step`: the forward pass in training mode under a
 * `GradientTape`, the loss (compiled losses weighted per output, plus the model's regularization
 * and `addLoss` terms), its gradient with respect to the trainable weights, one optimizer update,
 * then the running metrics (computed on the predictions made before the update). Leaks no tensor.
 * @example trainStep('fit', model, model.compiled!, { xs: [x], ys: [y], sampleWeights: [null] });
 */
export function trainStep(op: string, model: TrainableModel, compiled: CompiledState, batch: StepData): void {
  tidy(() => {
    const weights = model.trainableWeights;
    const tape = new GradientTape();
    let step: ReturnType<typeof forward>;
    try {
      step = tape.run(() => forward(op, model, compiled, batch, true));
    } catch (e) {
      tape.dispose();
      throw e;
    }
    if (weights.length > 0) {
      const grads = tape.gradient(step.loss.total, weights);
      compiled.optimizer.applyGradients(weights.map((w, i) => [grads[i], w] as const));
    } else {
      tape.dispose();
    }
    compiled.updateState(step.outputs, step.loss, batch.xs[0].shape[0]);
  });
}

/**
 * One evaluation step, as Keras' `test_step`: the forward pass in inference mode, the loss, and
 * the running metrics.
 * @example testStep('evaluate', model, model.compiled!, { xs: [x], ys: [y], sampleWeights: [null] });
 */
export function testStep(op: string, model: TrainableModel, compiled: CompiledState, batch: StepData): void {
  tidy(() => {
    const step = forward(op, model, compiled, batch, false);
    compiled.updateState(step.outputs, step.loss, batch.xs[0].shape[0]);
  });
}

/**
 * One prediction step: the model's outputs in inference mode (new tensors the caller owns).
 * @example const [probs] = predictStep(model, [x]);
 */
export function predictStep(model: TrainableModel, xs: readonly Tensor[]): Tensor[] {
  return tidy(() => runModel(model, xs, false));
}
