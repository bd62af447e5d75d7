import type { KerasOptions } from '@horn/tensor';
import { add, concat, flip, mul, type Tensor, ValueError } from '@horn/tensor';
import { enumOption } from '../engine/identifiers.js';
import { layerLabel } from '../engine/input-checks.js';
import type { CallOptions, Layer, LayerShape } from '../engine/layer.js';
import { serializeLayer } from '../engine/serialize-layer.js';
import type { Serialized } from '../engine/serialized.js';
import { BaseRNN } from './base-rnn.js';
import { copyLayer, resolveLayer, Wrapper, type WrapperConfig } from './wrapper.js';

/** How Bidirectional combines the forward and backward outputs. */
export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave';

const MERGE_MODES: readonly MergeMode[] = ['concat', 'sum', 'mul', 'ave'];

/** Options of {@link Bidirectional}. */
export interface BidirectionalConfig extends WrapperConfig {
  /** A recurrent layer (SimpleRNN, LSTM, GRU), copied for the forward direction. */
  layer: Layer | Serialized;
  /** Default `'concat'` (features side by side); `null` returns `[forward, backward]`. */
  mergeMode?: MergeMode | null;
  /** The backward layer; default a copy of `layer` with `goBackwards` flipped. */
  backwardLayer?: Layer | Serialized | null;
}

function withoutPrefix(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/**
 * Runs a recurrent layer over the sequence in both directions and merges the two outputs (Keras'
 * `Bidirectional`). The forward layer is a copy of `layer` named `forward_<name>`, the backward
 * one a copy with `goBackwards` flipped named `backward_<name>`. With `returnSequences`, the
 * backward outputs are put back in time order before merging, so step t holds both directions'
 * view of step t. With `returnState`, the output is followed by the forward then backward states.
 * Inputs: `x`, or `[x, ...forwardStates, ...backwardStates]`.
 * @example
 * const bi = new Bidirectional({ layer: new LSTM({ units: 4, returnSequences: true }) });
 * bi.apply(ones([2, 5, 3])).shape; // [2, 5, 8]
 */
export class Bidirectional extends Wrapper<BidirectionalConfig> {
  static override readonly configKeys: readonly string[] = ['mergeMode', 'backwardLayer'];
  static override readonly className: string = 'Bidirectional';
  readonly forwardLayer: BaseRNN;
  readonly backwardLayer: BaseRNN;
  readonly mergeMode: MergeMode | null;

  constructor(config: KerasOptions<BidirectionalConfig>) {
    super(config);
    const label = layerLabel(this);
    const template = asRNN(resolveLayer(this.config.layer, label, 'layer'), label, 'layer');
    this.forwardLayer = asRNN(
      copyLayer(template, { name: `forward_${withoutPrefix(template.name, 'forward_')}` }),
      label,
      'layer',
    );
    const backward = this.config.backwardLayer;
    this.backwardLayer =
      backward === undefined || backward === null
        ? asRNN(
            copyLayer(template, {
              name: `backward_${withoutPrefix(template.name, 'backward_')}`,
              goBackwards: !template.goBackwards,
            }),
            label,
            'layer',
          )
        : asRNN(resolveLayer(backward, label, 'backwardLayer'), label, 'backwardLayer');
    this.mergeMode =
      this.config.mergeMode === null
        ? null
        : enumOption(this.config.mergeMode ?? 'concat', MERGE_MODES, 'mergeMode', label);
    const [f, b] = [this.forwardLayer, this.backwardLayer];
    if (f.goBackwards === b.goBackwards) {
      throw new ValueError(`${label}: the forward and backward layers must have different goBackwards values`);
    }
    if (f.returnSequences !== b.returnSequences || f.returnState !== b.returnState) {
      throw new ValueError(
        `${label}: the forward and backward layers must agree on returnSequences and returnState, got ${f.returnSequences}/${f.returnState} and ${b.returnSequences}/${b.returnState}`,
      );
    }
    this.forwardLayer.trainable = this.trainable;
    this.backwardLayer.trainable = this.trainable;
    this.inputSpec = [{ ndim: 3 }];
  }

  protected innerLayers(): readonly Layer[] {
    return [this.forwardLayer, this.backwardLayer];
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const sequence = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as LayerShape;
    this.buildInner(this.forwardLayer, sequence);
    this.buildInner(this.backwardLayer, sequence);
  }

  override call(inputs: Tensor | Tensor[], options: CallOptions): Tensor | Tensor[] {
    const [x, ...states] = Array.isArray(inputs) ? inputs : [inputs];
    const half = states.length / 2;
    if (!Number.isInteger(half)) {
      throw new ValueError(
        `${layerLabel(this)}: initial states must come in two equal halves (forward, then backward), got ${states.length}`,
      );
    }
    const run = (layer: BaseRNN, s: Tensor[]) => {
      const out = layer.apply(s.length > 0 ? [x, ...s] : x, options);
      return Array.isArray(out) ? out : [out];
    };
    const [y, ...forwardStates] = run(this.forwardLayer, states.slice(0, half));
    let [yBack, ...backwardStates] = run(this.backwardLayer, states.slice(half));
    if (this.forwardLayer.returnSequences) yBack = flip(yBack, 1);
    const merged = this.merge(y, yBack);
    if (!this.forwardLayer.returnState) return merged.length === 1 ? merged[0] : merged;
    return [...merged, ...forwardStates, ...backwardStates];
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    const sequence = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as LayerShape;
    const shapes = this.forwardLayer.computeOutputShape(sequence);
    const [out, ...stateShapes] = (this.forwardLayer.returnState ? shapes : [shapes]) as LayerShape[];
    const last = out[out.length - 1];
    const merged =
      this.mergeMode === null
        ? [out, out]
        : [this.mergeMode === 'concat' ? [...out.slice(0, -1), last === null ? null : 2 * last] : out];
    if (!this.forwardLayer.returnState) return merged.length === 1 ? merged[0] : merged;
    return [...merged, ...stateShapes, ...stateShapes];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      layer: serializeLayer(this.forwardLayer),
      backwardLayer: serializeLayer(this.backwardLayer),
      mergeMode: this.mergeMode,
    };
  }

  private merge(forward: Tensor, backward: Tensor): Tensor[] {
    switch (this.mergeMode) {
      case 'concat':
        return [concat([forward, backward], -1)];
      case 'sum':
        return [add(forward, backward)];
      case 'mul':
        return [mul(forward, backward)];
      case 'ave':
        return [mul(add(forward, backward), 0.5)];
      default:
        return [forward, backward];
    }
  }
}

function asRNN(layer: Layer, owner: string, option: string): BaseRNN {
  if (!(layer instanceof BaseRNN)) {
    throw new ValueError(
      `${owner}: ${option} must be a recurrent layer (SimpleRNN, LSTM, GRU), got ${layer.className}`,
    );
  }
  return layer;
}
