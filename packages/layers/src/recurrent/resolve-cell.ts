import { ValueError } from '@horn/tensor';
import { deserializeLayer } from '../engine/serialize-layer.js';
import { isSerialized } from '../engine/serialized.js';
import { RNNCell } from './rnn-cell.js';

/**
 * A cell from a config entry: a `{ className, config }` object is rebuilt from the registry (or
 * the `customObjects` in scope) and must be an RNNCell; anything else is returned as given, to be
 * checked by `checkCell`.
 * @example resolveCell({ className: 'LSTMCell', config: { units: 2 } }, 'RNN', 'cell') // an LSTMCell
 */
export function resolveCell(value: unknown, owner: string, option: string): unknown {
  if (!isSerialized(value) || value instanceof RNNCell) return value;
  const layer = deserializeLayer(value);
  if (!(layer instanceof RNNCell)) {
    throw new ValueError(`${owner}: ${option} must be an RNN cell, got the layer ${value.className}`);
  }
  return layer;
}
