import { ValueError } from '@horn/tensor';
import { Layer, type LayerConfig } from '../engine/layer.js';
import { deserializeLayer, serializeLayer } from '../engine/serialize-layer.js';
import { isSerialized, type Serialized } from '../engine/serialized.js';

/**
 * Options of a {@link Wrapper}: the wrapped layer, as an instance or `{ className, config }`.
 * @example
 * const wrapper = new TimeDistributed({ layer: new Dense({ units: 2 }), name: 'per_step' });
 * wrapper.name; // 'per_step'
 */
export interface WrapperConfig extends LayerConfig {
  layer: Layer | Serialized;
}

/**
 * The base of layers that wrap other layers (Keras' `Wrapper`): the wrapped layers' weights,
 * regularization losses, constraints, parameter count and `trainable` flag are the wrapper's
 * (its `subLayers`, which `Layer` aggregates).
 * @example
 * const td = new TimeDistributed({ layer: new Dense({ units: 2 }) });
 * td.apply(ones([1, 3, 4])); td.trainableWeights.length; // 2 (the Dense kernel and bias)
 */
export abstract class Wrapper<C extends WrapperConfig = WrapperConfig> extends Layer<C> {
  static override readonly configKeys: readonly string[] = ['layer'];
  /** The layers this wrapper runs (set by the subclass constructor). */
  protected abstract innerLayers(): readonly Layer[];

  /** Builds a wrapped layer for a shape without calling it. */
  protected buildInner(layer: Layer, shape: Parameters<Layer['build']>[0]): void {
    if (layer.built) return;
    layer.build(shape);
    layer.built = true;
  }

  /** The wrapped layers are the sub-layers (not a `config.layer` template). */
  override get subLayers(): Layer[] {
    // Layer's constructor runs before the subclass has set its wrapped layers.
    return (this.innerLayers() ?? []).filter((l) => l !== undefined);
  }
}

/**
 * A wrapped layer from a config entry: a Layer is used as is, `{ className, config }` is rebuilt
 * from the registry; anything else is a ValueError naming the wrapper.
 * @example const inner = resolveLayer(config.layer, 'TimeDistributed', 'layer');
 */
export function resolveLayer(value: unknown, owner: string, option: string): Layer {
  if (value instanceof Layer) return value;
  if (isSerialized(value)) return deserializeLayer(value);
  throw new ValueError(
    `${owner}: ${option} must be a Layer or a { className, config } object, got ${value === null ? 'null' : typeof value}`,
  );
}

/**
 * A fresh layer with the same config as `layer` and some entries replaced (used for
 * Bidirectional's forward and backward copies).
 * @example copyLayer(rnn, { name: 'forward_lstm' })
 */
export function copyLayer(layer: Layer, overrides: Record<string, unknown>): Layer {
  const { className, config } = serializeLayer(layer);
  return deserializeLayer({ className, config: { ...config, ...overrides } });
}
