/**
 * Whether model.json's `keras_version` names a writer whose `'hard_sigmoid'` is the old
 * piecewise-linear `clip(0.2x + 0.5, 0, 1)`: TF.js (`'tfjs-layers 4.22.0'`) and Keras 1 / 2
 * (`'2.15.0'`). Keras 3 (`'3.x'`) and Horn (`'horn-models ...'`) mean `relu6(x + 3) / 6`.
 * @example writesLegacyHardSigmoid('tfjs-layers 4.22.0') // true
 */
export function writesLegacyHardSigmoid(kerasVersion: unknown): boolean {
  if (typeof kerasVersion !== 'string') return false;
  return kerasVersion.startsWith('tfjs-layers') || /^[12]\./.test(kerasVersion);
}

/**
 * Reads a TF.js / Keras 2 config's `hardSigmoid` activations (an `activation` or
 * `recurrentActivation` value, at any depth: TF.js' LSTM and GRU gate default) as Horn's
 * `legacyHardSigmoid`, which computes what those writers computed. Returns a new config.
 * @example legacyActivations({ className: 'LSTM', config: { recurrentActivation: 'hardSigmoid' } })
 * // { className: 'LSTM', config: { recurrentActivation: 'legacyHardSigmoid' } }
 */
export function legacyActivations<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => legacyActivations(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const isActivation = key === 'activation' || key === 'recurrentActivation';
    out[key] = isActivation && v === 'hardSigmoid' ? 'legacyHardSigmoid' : legacyActivations(v);
  }
  return out as T;
}
