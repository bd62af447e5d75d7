import { enumOption } from './identifiers.js';

/**
 * Channels-last (NHWC, the default) or channels-first (NCHW).
 * @example
 * const format: DataFormat = 'channelsLast';
 * new Flatten({ dataFormat: format }).apply(ones([2, 3, 4])).shape; // [2, 12]
 */
export type DataFormat = 'channelsLast' | 'channelsFirst';

/**
 * Reads a `dataFormat` option: `'channelsLast'` (default), `'channelsFirst'`, or their snake_case
 * forms; anything else throws a ValueError naming the caller.
 * @example normalizeDataFormat('channels_first', 'Conv2D') // 'channelsFirst'
 */
export function normalizeDataFormat(value: unknown, caller: string): DataFormat {
  if (value === undefined || value === null) return 'channelsLast';
  return enumOption(value, ['channelsLast', 'channelsFirst'] as const, 'dataFormat', caller);
}
