import { ValueError } from '@horn/tensor';
import type { FigureOptions, FigureSpec } from './types.js';
import { specHead } from './types.js';

/** Options of {@link overlay}: the figure's title and size (the layers' own are dropped). */
export interface OverlayOptions extends FigureOptions {
  xLabel?: string;
  yLabel?: string;
  /** Where the legend sits (inside the plot, as matplotlib's `loc`, or 'right' of it). Default 'top-right'. */
  legend?: LegendPlace;
}

/** Legend positions {@link overlay} accepts. */
export type LegendPlace = 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left' | 'right';
const LEGEND_PLACES: readonly LegendPlace[] = ['top-right', 'top-left', 'bottom-right', 'bottom-left', 'right'];

/**
 * Draws several figures on one pair of axes — matplotlib's repeated `plt.plot` / `plt.scatter` on
 * the same figure: the diabetes points with the fitted line, a cost curve with the path gradient
 * descent took on it. The layers share their x, y and colour scales (one legend naming every series);
 * each layer keeps its own data and marks.
 *
 * @example
 * const spec = overlay(
 *   [scatter({ series: [{ name: 'data', x: [1, 2, 3], y: [2, 4, 5] }] }),
 *    linePlot({ series: [{ name: 'fit', x: [1, 3], y: [2.2, 5.2] }], points: false })],
 *   { title: 'fit', xLabel: 'x', yLabel: 'y' },
 * );
 */
export function overlay(layers: FigureSpec[], options: OverlayOptions = {}): FigureSpec {
  if (layers.length === 0) throw new ValueError('overlay: no layers; expected at least one spec');
  const { title, width = 400, height = 280, xLabel, yLabel } = options;
  const names = new Set<string>();
  const stripped = layers.map((spec, i) => {
    const s = spec as unknown as Layer;
    if (!('mark' in s) && !('layer' in s)) {
      throw new ValueError(`overlay: layer ${i} is a grid or concat; expected a single chart (a mark or a layer)`);
    }
    const { $schema: _s, config: _c, title: _t, width: _w, height: _h, ...rest } = s;
    const values = (rest.data as { values?: { series?: unknown }[] } | undefined)?.values ?? [];
    for (const row of values) if (typeof row.series === 'string') names.add(row.series);
    return rest;
  });
  const place = options.legend ?? 'top-right';
  if (!LEGEND_PLACES.includes(place)) {
    throw new ValueError(`overlay: unknown legend place '${place}'; expected one of ${LEGEND_PLACES.join(', ')}`);
  }
  const legend = names.size > 1 ? { orient: place } : null;
  const retitle = (layer: Layer): Layer => {
    const enc = layer.encoding as Record<string, Record<string, unknown>> | undefined;
    const encoding = enc && {
      ...enc,
      ...(enc.x && xLabel !== undefined ? { x: { ...enc.x, title: xLabel } } : {}),
      ...(enc.y && yLabel !== undefined ? { y: { ...enc.y, title: yLabel } } : {}),
      ...(enc.color && enc.color.field === 'series' ? { color: { ...enc.color, legend } } : {}),
    };
    return {
      ...layer,
      ...(encoding ? { encoding } : {}),
      ...(Array.isArray(layer.layer) ? { layer: (layer.layer as Layer[]).map(retitle) } : {}),
    };
  };
  return {
    ...specHead(title, width, height),
    layer: stripped.map(retitle),
    resolve: { scale: { x: 'shared', y: 'shared', color: 'shared' } },
  } as unknown as FigureSpec;
}

type Layer = Record<string, unknown>;
