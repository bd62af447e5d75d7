import { ShapeError, type Tensor, tidy, ValueError, zeros } from '@horn/tensor';
import { fmtShape } from './input-checks.js';
import type { LayerShape } from './layer-shape.js';

// Two runs with different stand-ins tell unknown dimensions from fixed ones: a dimension that is
// the same in both runs is fixed, one that differs is unknown (null). The batch stand-ins are small;
// other unknown dimensions (sequence length, image size) get powers of two, so that strided
// convolutions and poolings still see a valid size and still give different sizes in the two runs.
const BATCH_STAND_INS = [2, 3] as const;
const DIM_STAND_INS = [16, 32] as const;

/**
 * `[null, 4]` with the stand-ins of run `run` for its null dimensions: `[2, 4]`.
 * @example standInShape([null, null, 4], 0) // [2, 16, 4]
 */
export function standInShape(shape: LayerShape, run: 0 | 1): number[] {
  return shape.map((d, i) => d ?? (i === 0 ? BATCH_STAND_INS[run] : DIM_STAND_INS[run]));
}

function outputShapesOf(label: string, out: unknown): number[][] {
  const list: unknown[] = Array.isArray(out) ? out : [out];
  return list.map((t, i) => {
    if (t === null || typeof t !== 'object' || !('shape' in t) || !('dtype' in t)) {
      const what = Array.isArray(out) ? `output ${i}` : 'the output';
      throw new ValueError(`${label}: call() must return a Tensor or an array of Tensors; ${what} is ${typeof t}`);
    }
    return [...(t as Tensor).shape];
  });
}

/** Whether `shape` is a list of shapes (a multi-input or multi-output call) rather than one shape. */
export function isShapeList(shape: LayerShape | LayerShape[]): shape is LayerShape[] {
  return shape.length > 0 && Array.isArray(shape[0]);
}

/**
 * A layer's output shape(s) found by running its `call` (Keras' `compute_output_spec`): `call`
 * runs twice inside `tidy`, on zeros of the input shape(s) with each null dimension replaced by a
 * stand-in, and a dimension that differs between the runs comes back as null. `call` must return a
 * Tensor (one shape back) or an array of Tensors (a list of shapes back, even for one).
 * @example
 * inferOutputShapeByCalling("CustomDense 'custom_dense'", [null, 4], (x) => myLayer.call(x, {})); // [null, 10]
 */
export function inferOutputShapeByCalling(
  label: string,
  inputShape: LayerShape | LayerShape[],
  call: (inputs: Tensor | Tensor[]) => unknown,
): LayerShape | LayerShape[] {
  const list = isShapeList(inputShape);
  const shapes = (list ? inputShape : [inputShape]) as LayerShape[];
  let multiOutput = false;
  const runs = ([0, 1] as const).map((run) => {
    let result: number[][] = [];
    tidy(() => {
      const inputs = shapes.map((s) => zeros(standInShape(s, run)));
      const out = call(list ? inputs : inputs[0]);
      multiOutput = Array.isArray(out);
      result = outputShapesOf(label, out);
    });
    return result;
  });
  const [a, b] = runs;
  if (a.length !== b.length || a.some((s, i) => s.length !== b[i].length)) {
    throw new ShapeError(
      `${label}: cannot infer the output shape: call() gave ${a.map(fmtShape).join(', ')} and ${b.map(fmtShape).join(', ')} for stand-in batch sizes ${BATCH_STAND_INS.join(' and ')}; implement computeOutputShape(inputShape)`,
    );
  }
  const merged = a.map((s, i) => s.map((d, k) => (d === b[i][k] ? d : null)));
  return multiOutput ? merged : merged[0];
}
