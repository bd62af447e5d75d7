import { ValueError } from '@horn/tensor';
import { fmtShape } from '../engine/input-checks.js';
import type { LayerShape } from '../engine/layer-shape.js';

/**
 * The shapes of an attention layer's `[query, value]` or `[query, value, key]` inputs as
 * `[query, value, key]` (the key defaults to the value); a ValueError naming the layer otherwise.
 * @example attentionInputShapes("Attention 'a'", [[2, 3, 4], [2, 5, 4]]) // [[2, 3, 4], [2, 5, 4], [2, 5, 4]]
 */
export function attentionInputShapes(
  label: string,
  inputShape: LayerShape | LayerShape[],
): [LayerShape, LayerShape, LayerShape] {
  const shapes = Array.isArray(inputShape[0]) ? (inputShape as LayerShape[]) : null;
  if (!shapes || shapes.length < 2 || shapes.length > 3) {
    const given = shapes ? `${shapes.length} inputs` : `one input ${fmtShape(inputShape as LayerShape)}`;
    throw new ValueError(`${label}: expected a list [query, value] or [query, value, key], got ${given}`);
  }
  const [q, v, k = v] = shapes;
  return [q, v, k];
}
