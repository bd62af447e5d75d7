import type { Variable } from '@horn/autograd';
import { Bidirectional, type Layer, TimeDistributed } from '@horn/layers';
import type { Model } from '../model.js';

/**
 * The names model.json gives a model's weights, in `model.weights` order: each variable's own
 * name (`dense/kernel`), except inside the wrappers, named as TF.js 4.x names them when it builds
 * the model from the config Horn writes, so that `tf.loadLayersModel` finds them:
 * `<time_distributed>/kernel` (the wrapped layer's weights under the wrapper's name) and, for a
 * Bidirectional whose `layer` config is named `forward_lstm` (Keras 3 writes the forward layer's
 * config there), `<bidirectional>/forward_forward_lstm/kernel` and
 * `<bidirectional>/backward_forward_lstm/kernel` (TF.js prefixes the `layer` config's name without
 * stripping an existing prefix, as Keras 3 does). Nested models are walked.
 * @example savedWeightNames(model) // ['bidirectional/forward_forward_lstm/kernel', ..., 'dense/kernel', 'dense/bias']
 */
export function savedWeightNames(model: Model): string[] {
  const names = new Map<Variable, string>();
  const visit = (layer: Layer) => {
    if (layer instanceof Bidirectional) {
      const configName = layer.forwardLayer.name;
      for (const [inner, prefix] of [
        [layer.forwardLayer, 'forward'],
        [layer.backwardLayer, 'backward'],
      ] as const) {
        for (const v of inner.weights) names.set(v, `${layer.name}/${prefix}_${configName}/${shortName(v, inner)}`);
      }
    } else if (layer instanceof TimeDistributed) {
      for (const v of layer.layer.weights) names.set(v, `${layer.name}/${shortName(v, layer.layer)}`);
    } else {
      const nested = (layer as { layers?: unknown }).layers;
      if (Array.isArray(nested)) for (const l of nested) visit(l as Layer);
    }
  };
  for (const layer of model.layers) visit(layer);
  return model.weights.map((v) => names.get(v) ?? v.name);
}

/** A weight's name without its layer's prefix: `kernel` for `forward_lstm/kernel`. */
function shortName(v: Variable, layer: Layer): string {
  const prefix = `${layer.name}/`;
  return v.name.startsWith(prefix) ? v.name.slice(prefix.length) : v.name;
}
