import { GradientTape } from '@horn/autograd';
import * as T from '@horn/tensor';
import type * as L from '../index.js';
import type { LayerCase } from './layer-cases.js';

/** A layer's output and its loss gradients for every trainable weight, read back. */
interface LayerRun {
  output: number[];
  grads: (number[] | null)[];
  weights: T.TypedArray[];
  shapes: number[][];
}

function inputsOf(options: L.LayerTestOptions<L.LayerConfig>, seed: number): T.Tensor | T.Tensor[] {
  if (options.inputData !== undefined) return options.inputData;
  const shapes = options.inputShape;
  if (shapes.length > 0 && Array.isArray(shapes[0])) {
    return (shapes as number[][]).map((s, i) => T.randomUniform(s, { min: -1, max: 1, seed: seed + i + 1 }));
  }
  return T.randomUniform(shapes as number[], { min: -1, max: 1, seed });
}

/**
 * Runs a case's layer once on the active backend in inference mode: builds it from a seeded
 * stream, optionally sets `weights` (from another backend), and returns its output and the
 * gradients of `sum(output · target)` for its trainable weights (ReluGrad, conv backprop,
 * UnsortedSegmentSum... run on the backend too).
 * @example runLayerOnce(layerCases()[0], null)
 */
function runLayerOnce(k: LayerCase, weights: LayerRun | null): LayerRun {
  const layers: L.Layer[] = [];
  let run: LayerRun | null = null;
  try {
    T.tidy(() => {
      const options = k.options();
      T.setSeed(1337);
      const x = inputsOf(options, 1337);
      const layer = new k.cls(options.config as never);
      layers.push(layer);
      layer.apply(x);
      if (weights)
        layer.setWeights(weights.weights.map((w, i) => T.tensor(w, weights.shapes[i], layer.weights[i].dtype)));
      const out = layer.apply(x) as T.Tensor;
      const target = T.randomUniform(out.shape, { min: -1, max: 1, seed: 7 });
      const tape = new GradientTape();
      const loss = tape.run(() => T.sum(T.mul(layer.apply(x) as T.Tensor, target)));
      const grads = layer.trainableWeights.length > 0 ? tape.gradient(loss, layer.trainableWeights) : [];
      run = {
        output: [...out.dataSync()],
        grads: grads.map((g) => (g ? [...g.dataSync()] : null)),
        weights: layer.getWeights().map((w) => w.dataSync().slice()),
        shapes: layer.weights.map((w) => [...w.shape]),
      };
    });
  } finally {
    for (const l of layers) l.dispose();
  }
  return run as unknown as LayerRun;
}

/**
 * The first element where `got` and `want` differ by more than `tol · (1 + |want|)` (NaN equal to
 * NaN), as a message; null when they agree.
 * @example mismatch([1, 2], [1, 2.1], 1e-4) // 'at 1: got 2, expected 2.1'
 */
function mismatch(got: readonly number[], want: readonly number[], tol: number): string | null {
  if (got.length !== want.length) return `${got.length} values, expected ${want.length}`;
  for (let i = 0; i < got.length; i++) {
    const same = Number.isNaN(got[i])
      ? Number.isNaN(want[i])
      : Math.abs(got[i] - want[i]) <= tol * (1 + Math.abs(want[i]));
    if (!same) return `at ${i}: got ${got[i]}, expected ${want[i]}`;
  }
  return null;
}

/**
 * What {@link sameWeightsParity} found: the differences, and the kernels the backend's run ran.
 * @example
 * const report: ParityReport = sameWeightsParity(layerCases()[0], 'cpu', 1e-4);
 * report.problems; // []: every output and gradient agrees
 * report.kernels.length > 0; // true: the kernels the run used
 */
export interface ParityReport {
  problems: string[];
  kernels: T.KernelProfile[];
}

/**
 * Runs a case on cpu and then on `backend` with the cpu weights; returns the differences found
 * (output and each gradient; none when everything agrees within `tol`) and the kernels run.
 * @example sameWeightsParity(layerCases()[0], 'wasm', 1e-4).problems // []
 */
export function sameWeightsParity(k: LayerCase, backend: string, tol: number): ParityReport {
  const original = T.getBackend();
  try {
    T.setBackend('cpu');
    const cpu = runLayerOnce(k, null);
    T.setBackend(backend);
    const { result: other, kernels } = T.profile(() => runLayerOnce(k, cpu));
    const problems: string[] = [];
    const out = mismatch(other.output, cpu.output, tol);
    if (out) problems.push(`${k.label} output ${out}`);
    cpu.grads.forEach((g, i) => {
      const h = other.grads[i];
      if ((g === null) !== (h === null)) problems.push(`${k.label} gradient ${i}: null on one backend only`);
      else if (g && h) {
        const d = mismatch(h, g, tol);
        if (d) problems.push(`${k.label} gradient ${i} ${d}`);
      }
    });
    return { problems, kernels };
  } finally {
    T.setBackend(original);
  }
}
