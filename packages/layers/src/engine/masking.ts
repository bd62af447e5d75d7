import { ones, Tensor, tidy, ValueError, zeros } from '@horn/tensor';
import { standInShape } from './infer-output-shape.js';
import { layerLabel, type NamedLayer } from './input-checks.js';
import { getKerasMask, setKerasMask } from './keras-mask.js';
import type { LayerMask } from './layer-options.js';
import type { LayerShape } from './layer-shape.js';

/**
 * What the mask propagation reads of a layer.
 * @example
 * const layer: MaskingLayer = new Masking({ maskValue: 0 });
 * layer.supportsMasking; // true
 */
export interface MaskingLayer extends NamedLayer {
  readonly className: string;
  readonly supportsMasking: boolean;
  computeMask(inputs: Tensor | Tensor[], mask?: LayerMask): LayerMask;
  /** A layer that knows without stand-ins which outputs carry a mask (a model: from its graph). */
  symbolicMaskFlags?(inputs: readonly MaskedShape[]): boolean[];
}

/**
 * Whether a layer's class overrides `computeMask` (Keras 3: `supports_masking` defaults to true
 * exactly then): the method it has is not the one of the topmost class that defines it (Layer).
 * @example overridesComputeMask(new Embedding({ inputDim: 3, outputDim: 2 })) // true
 */
export function overridesComputeMask(layer: object): boolean {
  let base: object | null = null;
  for (let p = Object.getPrototypeOf(layer); p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (Object.hasOwn(p, 'computeMask')) base = p;
  }
  const own = (layer as { computeMask?: unknown }).computeMask;
  return base !== null && own !== (base as { computeMask?: unknown }).computeMask;
}

function maskList(mask: LayerMask | undefined): (Tensor | null)[] {
  if (mask === undefined || mask === null) return [];
  return Array.isArray(mask) ? mask : [mask];
}

/** Checks that a given mask is a Tensor (or null); its shape is the consuming layer's to check, as Keras. */
function checkMask(layer: NamedLayer, mask: unknown, which: string): void {
  if (mask === null || mask === undefined || mask instanceof Tensor) return;
  throw new ValueError(`${layerLabel(layer)}: ${which} must be a bool Tensor or null, got ${typeof mask}`);
}

/**
 * The mask a layer's `call` receives (Keras' `__call__`, step 6): the `mask` given to `apply` when
 * it is neither undefined nor null, else the masks the inputs carry (the first input's for one
 * input, one entry per input for a list; undefined when none carries one). A given mask must be a
 * Tensor; its shape is checked by the layer that uses it (GlobalAveragePooling1D, the merge
 * layers, attention, the recurrent layers), as Keras.
 * @example callMask(dense, [x], false, undefined) // the mask x carries, or undefined
 */
export function callMask(
  layer: NamedLayer,
  inputs: readonly Tensor[],
  isList: boolean,
  given: LayerMask | undefined,
): LayerMask | undefined {
  if (given !== undefined && given !== null) {
    // A layer called on a list checks its own mask list (merge, attention), with its own words.
    if (!isList) checkMask(layer, Array.isArray(given) && given.length === 1 ? given[0] : given, 'mask');
    return given;
  }
  const carried = inputs.map(getKerasMask);
  if (!carried.some((m) => m !== null)) return given;
  return isList ? carried : carried[0];
}

const warned = new WeakSet<object>();

/**
 * After a layer's eager call (Keras' `_set_mask_metadata`): a layer that supports masking attaches
 * `computeMask(inputs, mask)` to each output that carries no mask yet (nothing is computed when
 * every output has one); a layer that does not drops a mask it was given, with a console warning
 * once per layer, as Keras.
 * @example attachOutputMasks(dense, x, y, mask) // y now carries mask
 */
export function attachOutputMasks(
  layer: MaskingLayer,
  inputs: Tensor | Tensor[],
  outputs: Tensor | Tensor[],
  mask: LayerMask | undefined,
): void {
  const outs = Array.isArray(outputs) ? outputs : [outputs];
  if (!layer.supportsMasking) {
    if (maskList(mask).some((m) => m !== null) && !warned.has(layer)) {
      warned.add(layer);
      console.warn(
        `Layer '${layer.name}' (of type ${layer.className}) was passed an input with a mask attached to it. However, this layer does not support masking and will therefore destroy the mask information. Downstream layers will not see the mask.`,
      );
    }
    return;
  }
  if (outs.every((t) => !(t instanceof Tensor) || getKerasMask(t) !== null)) return;
  const computed = maskList(layer.computeMask(inputs, mask ?? null));
  outs.forEach((t, i) => {
    const m = computed[i];
    if (t instanceof Tensor && m && getKerasMask(t) === null) setKerasMask(t, m);
  });
}

/**
 * What {@link symbolicOutputMasks} reads of a symbolic input.
 * @example
 * const inputs: MaskedShape[] = [{ shape: [null, 4], hasMask: false }];
 * symbolicOutputMasks(new Embedding({ inputDim: 5, outputDim: 2, maskZero: true }), inputs, false, 1); // [true]
 */
export interface MaskedShape {
  readonly shape: LayerShape;
  readonly hasMask: boolean;
}

/**
 * Which outputs of a symbolic call carry a mask (Keras' masks on `KerasTensor`s): none when the
 * layer does not support masking; its own `symbolicMaskFlags` when it has one (a model); the
 * inputs' when it keeps the default `computeMask`; otherwise
 * found by running its `computeMask` on stand-in zeros and stand-in masks (the input shape without
 * its last axis) inside `tidy`.
 * @example symbolicOutputMasks(new Embedding({ inputDim: 5, outputDim: 2, maskZero: true }), [x], false, 1) // [true]
 */
export function symbolicOutputMasks(
  layer: MaskingLayer,
  inputs: readonly MaskedShape[],
  isList: boolean,
  count: number,
): boolean[] {
  const flags = new Array<boolean>(count).fill(false);
  if (!layer.supportsMasking) return flags;
  if (layer.symbolicMaskFlags) {
    const own = layer.symbolicMaskFlags(inputs);
    return flags.map((_, i) => own[i] ?? false);
  }
  const masked = inputs.map((t) => t.hasMask);
  if (!overridesComputeMask(layer)) {
    const passed = isList ? masked : masked.slice(0, 1);
    return flags.map((_, i) => passed[i] ?? false);
  }
  tidy(() => {
    const xs = inputs.map((t) => zeros(standInShape(t.shape, 0)));
    const ms = inputs.map((t, i) =>
      t.hasMask ? ones(xs[i].rank >= 2 ? xs[i].shape.slice(0, -1) : xs[i].shape, 'bool') : null,
    );
    const given = masked.includes(true) ? (isList ? ms : ms[0]) : null;
    maskList(layer.computeMask(isList ? xs : xs[0], given)).forEach((m, i) => {
      if (i < count) flags[i] = m !== null;
    });
  });
  return flags;
}
