import { reshape, type Tensor } from '@horn/tensor';
import type { NamedLayer } from '../engine/input-checks.js';
import { assertInputRank } from '../engine/input-checks.js';
import type { LayerShape } from '../engine/layer-shape.js';

/**
 * Checks that an image layer's input is a batch `[n, h, w, c]` or one image `[h, w, c]` (as Keras'
 * preprocessing layers accept) and returns the shape.
 * @example imageShape(layer, [null, 32, 32, 3])
 */
export function imageShape(layer: NamedLayer, shape: LayerShape): LayerShape {
  assertInputRank(layer, shape, [3, 4]);
  return shape;
}

/**
 * Runs `fn` on a rank-4 batch: a rank-3 image gets a batch of one, removed again afterwards.
 * @example onImageBatch(image, (batch) => flip(batch, 2))
 */
export function onImageBatch(x: Tensor, fn: (batch: Tensor) => Tensor): Tensor {
  if (x.rank === 4) return fn(x);
  const y = fn(reshape(x, [1, ...x.shape]));
  return reshape(y, y.shape.slice(1));
}
