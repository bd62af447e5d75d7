import type { KerasOptions } from '@horn/tensor';
import { add, concat, flip, mul, type Tensor, ValueError } from '@horn/tensor';
import { enumOption } from '../engine/identifiers.js';
import { layerLabel } from '../engine/input-checks.js';
import type { CallOptions, Layer, LayerMask, LayerShape } from '../engine/layer.js';
import { serializeLayer } from '../engine/serialize-layer.js';
import type { Serialized } from '../engine/serialized.js';
import { BaseRNN } from './base-rnn.js';
import { copyLayer, resolveLayer, Wrapper, type WrapperConfig } from './wrapper.js';

/**
 * How Bidirectional combines the forward and backward outputs.
 * @example
 * const mergeMode: MergeMode = 'sum';
 * new Bidirectional({ layer: new GRU({ units: 4 }), mergeMode }).apply(ones([2, 5, 3])).shape; // [2, 4]
 */
export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave';

const MERGE_MODES: readonly MergeMode[] = ['concat', 'sum', 'mul', 'ave'];

/**
 * Options of {@link Bidirectional}.
 * @example
 * new Bidirectional({ layer: new LSTM({ units: 4, returnSequences: true }), mergeMode: 'concat' }).apply(ones([2, 5, 3])).shape; // [2, 5, 8]
 */
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
 * `Bidirectional`). The forward layer is a copy of `layer` named `forward_<name>`; the backward
 * one is `backwardLayer` as given, or a copy of `layer` named `backward_<name>` with `goBackwards`
 * flipped (Keras 3 sets it to true, which is the same for the usual `goBackwards: false` layer; the
 * flip also loads TF.js and Keras 2 configs). The two must differ in `goBackwards` and agree on
 * `stateful`, `returnSequences` and `returnState` (a ValueError naming the attribute otherwise).
 * With `returnSequences`, the backward outputs are put back in time order before merging, so step
 * t holds both directions' view of step t. With `returnState`, the output(s) are followed by the
 * forward then the backward states. Inputs: `x`, or `[x, ...forwardStates, ...backwardStates]`
 * (initial states, split half and half as Keras). A mask (`apply(x, { mask })`) reaches both
 * directions; `computeMask` is Keras'. Weights: the forward layer's, then the backward layer's.
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
    verifyDirections(this.forwardLayer, this.backwardLayer, label);
    // As Keras: with returnSequences the masked steps of both directions output zeros.
    for (const layer of [this.forwardLayer, this.backwardLayer]) {
      const flagged = layer as { zeroOutputForMask?: boolean };
      if (flagged.zeroOutputForMask !== undefined) flagged.zeroOutputForMask = layer.returnSequences;
    }
    this.supportsMasking = true;
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
    // Both directions see the sequence's mask (the first entry when the inputs are a list).
    const mask = sequenceMask(options.mask);
    const run = (layer: BaseRNN, s: Tensor[]) => {
      const out = layer.apply(s.length > 0 ? [x, ...s] : x, { ...options, mask });
      return Array.isArray(out) ? out : [out];
    };
    const [y, ...forwardStates] = run(this.forwardLayer, states.slice(0, half));
    let [yBack, ...backwardStates] = run(this.backwardLayer, states.slice(half));
    if (this.forwardLayer.returnSequences) yBack = flip(yBack, 1);
    const merged = this.merge(y, yBack);
    if (!this.forwardLayer.returnState) return merged.length === 1 ? merged[0] : merged;
    return [...merged, ...forwardStates, ...backwardStates];
  }

  /**
   * Keras' `compute_mask`: with `returnSequences` the input's mask (once, or once per output when
   * `mergeMode` is null), else none; with `returnState` a null follows for every state.
   * @example
   * const bi = new Bidirectional({ layer: new LSTM({ units: 2, returnSequences: true }) });
   * bi.computeMask(x, mask) // mask
   */
  override computeMask(_inputs: Tensor | Tensor[], mask?: LayerMask): LayerMask {
    const m = this.forwardLayer.returnSequences ? sequenceMask(mask) : null;
    const outputs = this.mergeMode === null ? [m, m] : [m];
    if (!this.forwardLayer.returnState) return outputs.length === 1 ? outputs[0] : outputs;
    const states = [this.forwardLayer, this.backwardLayer].flatMap((l) => l.stateSize.map(() => null));
    return [...outputs, ...states];
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    const sequence = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as LayerShape;
    const [out, ...forwardStates] = this.directionShapes(this.forwardLayer, sequence);
    const [back, ...backwardStates] = this.directionShapes(this.backwardLayer, sequence);
    const [last, backLast] = [out[out.length - 1], back[back.length - 1]];
    const merged =
      this.mergeMode === null
        ? [out, back]
        : [
            this.mergeMode === 'concat'
              ? [...out.slice(0, -1), last === null || backLast === null ? null : last + backLast]
              : out,
          ];
    if (!this.forwardLayer.returnState) return merged.length === 1 ? merged[0] : merged;
    return [...merged, ...forwardStates, ...backwardStates];
  }

  private directionShapes(layer: BaseRNN, sequence: LayerShape): LayerShape[] {
    const shapes = layer.computeOutputShape(sequence);
    return (layer.returnState ? shapes : [shapes]) as LayerShape[];
  }

  /** Whether both directions keep their states between calls (the wrapped layer's `stateful`). */
  get stateful(): boolean {
    return statefulOf(this.forwardLayer);
  }

  /**
   * Keras' `Bidirectional.reset_states`: sets both directions' kept states back to zeros, or to
   * `states` (the forward layer's, then the backward layer's, one `[batch, size]` value each, as
   * the call's initial states). A ValueError when the wrapped layer is not stateful.
   * @example
   * const bi = new Bidirectional({ layer: new LSTM({ units: 2, stateful: true, batchInputShape: [4, 3, 2] }) });
   * bi.apply(x); bi.resetStates(); // the next call starts from zeros
   */
  resetStates(states?: readonly Tensor[]): void {
    if (!this.stateful) {
      throw new ValueError(
        `${layerLabel(this)}: resetStates() needs a stateful layer (stateful: true on the wrapped layer)`,
      );
    }
    const forwardCount = this.forwardLayer.stateSize.length;
    const expected = forwardCount + this.backwardLayer.stateSize.length;
    if (states !== undefined && states.length !== expected) {
      throw new ValueError(
        `${layerLabel(this)}: resetStates expected ${expected} state values (the forward layer's ${forwardCount}, then the backward layer's), got ${states.length}`,
      );
    }
    this.forwardLayer.resetStates(states?.slice(0, forwardCount));
    this.backwardLayer.resetStates(states?.slice(forwardCount));
  }

  /**
   * Keras' `Bidirectional.states`: the kept states of a stateful wrapper (copies), the forward
   * layer's then the backward layer's; null before the first call or when not stateful.
   * @example bi.getStates(); // [hForward, cForward, hBackward, cBackward] for an LSTM
   */
  getStates(): Tensor[] | null {
    const forward = this.forwardLayer.getStates();
    const backward = this.backwardLayer.getStates();
    return forward && backward ? [...forward, ...backward] : null;
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

/** The sequence's mask: the given one, or the first entry of a per-input list. */
function sequenceMask(mask: LayerMask | undefined): Tensor | null {
  if (mask === undefined || mask === null) return null;
  return Array.isArray(mask) ? (mask[0] ?? null) : mask;
}

/** A recurrent layer's `stateful` flag (false where the layer has none). */
function statefulOf(layer: BaseRNN): boolean {
  const own = (layer as { stateful?: unknown }).stateful;
  return typeof own === 'boolean' ? own : layer.getConfig().stateful === true;
}

/**
 * Keras' `_verify_layer_config`: the directions must differ in `goBackwards` and agree on
 * `stateful`, `returnSequences` and `returnState`; else a ValueError naming the attribute.
 */
function verifyDirections(forward: BaseRNN, backward: BaseRNN, label: string): void {
  if (forward.goBackwards === backward.goBackwards) {
    throw new ValueError(
      `${label}: the forward and backward layers must have different goBackwards values, got forward goBackwards=${forward.goBackwards} and backward goBackwards=${backward.goBackwards}`,
    );
  }
  const flags: [string, boolean, boolean][] = [
    ['stateful', statefulOf(forward), statefulOf(backward)],
    ['returnSequences', forward.returnSequences, backward.returnSequences],
    ['returnState', forward.returnState, backward.returnState],
  ];
  for (const [name, f, b] of flags) {
    if (f !== b) {
      throw new ValueError(
        `${label}: the forward and backward layers must have the same ${name}, got ${f} for the forward layer and ${b} for the backward layer`,
      );
    }
  }
}
