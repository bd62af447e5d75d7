import { add, gather, mul, slice, type Tensor, tensor } from '@horn/tensor';

/**
 * How an image is resampled: 'bilinear' (half-pixel centers, as tf.image.resize) or 'nearest'.
 * @example
 * const interpolation: ResizeInterpolation = 'nearest';
 * new Resizing({ height: 4, width: 4, interpolation }).apply(tensor([[[[1], [2]], [[3], [4]]]])).shape; // [1, 4, 4, 1]
 */
export type ResizeInterpolation = 'bilinear' | 'nearest';

/**
 * Where output cell `i` of `outSize` reads from an axis of `inSize` cells, with half-pixel centers
 * (tf.image.resize, antialias off): bilinear reads `lower` and `upper` mixed by `lerp`; nearest reads `lower`.
 * @example resizePlan(2, 4, 'bilinear').lerp // [0, 0.25, 0.75, 0]
 */
export function resizePlan(
  inSize: number,
  outSize: number,
  interpolation: ResizeInterpolation,
): { lower: number[]; upper: number[]; lerp: number[] } {
  const scale = inSize / outSize;
  const lower: number[] = [];
  const upper: number[] = [];
  const lerp: number[] = [];
  for (let i = 0; i < outSize; i++) {
    if (interpolation === 'nearest') {
      // TF's HalfPixelScalerForNN: floor((i + 0.5) * scale), clamped to the last cell.
      const j = Math.min(Math.floor((i + 0.5) * scale), inSize - 1);
      lower.push(j);
      upper.push(j);
      lerp.push(0);
      continue;
    }
    const src = (i + 0.5) * scale - 0.5;
    const floor = Math.floor(src);
    lower.push(Math.max(floor, 0));
    upper.push(Math.min(Math.ceil(src), inSize - 1));
    // Before the first center both ends clamp to cell 0, so the weight does not matter there.
    lerp.push(src < 0 ? 0 : src - floor);
  }
  return { lower, upper, lerp };
}

/**
 * Resamples one axis of `x` to `outSize` cells (gathers, so it is differentiable).
 * @example resizeAxis(tensor([[0, 1]]), 1, 4, 'bilinear').arraySync() // [[0, 0.25, 0.75, 1]]
 */
export function resizeAxis(x: Tensor, axis: number, outSize: number, interpolation: ResizeInterpolation): Tensor {
  const inSize = x.shape[axis];
  if (inSize === outSize) return x;
  const plan = resizePlan(inSize, outSize, interpolation);
  const lowerValues = gather(x, tensor(plan.lower, [outSize], 'int32'), axis);
  if (interpolation === 'nearest') return lowerValues;
  const upperValues = gather(x, tensor(plan.upper, [outSize], 'int32'), axis);
  const weightShape = x.shape.map((_, i) => (i === axis ? outSize : 1));
  const upperWeight = tensor(plan.lerp, weightShape);
  const lowerWeight = tensor(
    plan.lerp.map((w) => 1 - w),
    weightShape,
  );
  return add(mul(lowerValues, lowerWeight), mul(upperValues, upperWeight));
}

/**
 * Resizes NHWC images (`[n, h, w, c]`, or `[h, w, c]`) to `[height, width]` like tf.image.resize
 * (half-pixel centers, no antialiasing).
 * @example resizeImages(ones([1, 2, 2, 1]), [4, 4], 'bilinear').shape // [1, 4, 4, 1]
 */
export function resizeImages(x: Tensor, size: readonly [number, number], interpolation: ResizeInterpolation): Tensor {
  const hAxis = x.rank - 3;
  return resizeAxis(resizeAxis(x, hAxis, size[0], interpolation), hAxis + 1, size[1], interpolation);
}

/**
 * The largest centered `[top, left, height, width]` box of an `[h, w]` image with the aspect
 * ratio of `target` (Keras' `crop_to_aspect_ratio` / `smart_resize`).
 * @example aspectCropBox([4, 8], [2, 2]) // [0, 2, 4, 4]
 */
export function aspectCropBox(
  size: readonly [number, number],
  target: readonly [number, number],
): [number, number, number, number] {
  const [height, width] = size;
  const cropHeight = Math.max(Math.min(height, Math.trunc((width * target[0]) / target[1])), 1);
  const cropWidth = Math.max(Math.min(width, Math.trunc((height * target[1]) / target[0])), 1);
  return [Math.trunc((height - cropHeight) / 2), Math.trunc((width - cropWidth) / 2), cropHeight, cropWidth];
}

/**
 * Crops NHWC images (rank 3 or 4) to the `[top, left, height, width]` box.
 * @example cropImages(ones([1, 4, 4, 1]), [1, 1, 2, 2]).shape // [1, 2, 2, 1]
 */
export function cropImages(x: Tensor, box: readonly [number, number, number, number]): Tensor {
  const [top, left, height, width] = box;
  const lead = x.rank === 4 ? [0] : [];
  const leadSize = x.rank === 4 ? [-1] : [];
  return slice(x, [...lead, top, left, 0], [...leadSize, height, width, -1]);
}
