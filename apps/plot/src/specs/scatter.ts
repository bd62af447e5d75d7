import { ValueError } from '@horn/tensor';
import { type Series, seriesRows } from './line-plot.js';
import type { FigureOptions, FigureSpec } from './types.js';
import { specHead } from './types.js';

/** Options of {@link scatter}: groups of points (each a colour), like repeated `plt.scatter`. */
export interface ScatterOptions extends FigureOptions {
  series: (Series & { x: ArrayLike<number> })[];
  xLabel?: string;
  yLabel?: string;
  /** Point area in square pixels. Default 30. */
  size?: number;
}

/**
 * A scatter plot: one colour per group of points, as the course's `plt.scatter(x[:, 0], x[:, 1])`.
 *
 * @example
 * const spec = scatter({
 *   series: [{ name: 'train', x: [1, 2, 3], y: [2, 4, 5] }],
 *   title: 'data', xLabel: 'x', yLabel: 'y',
 * });
 */
export function scatter(options: ScatterOptions): FigureSpec {
  const { series, title, xLabel = 'x', yLabel = 'y', width = 400, height = 300, size = 30 } = options;
  for (const s of series) {
    if (s.x === undefined) throw new ValueError(`scatter: series '${s.name}' has no x values; expected x and y`);
  }
  return {
    ...specHead(title, width, height),
    data: { values: seriesRows(series, 'scatter') },
    mark: { type: 'point', filled: true, size },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xLabel, scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: yLabel, scale: { zero: false } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        sort: series.map((s) => s.name),
        legend: series.length > 1 ? { orient: 'top-right' } : null,
      },
    },
  };
}
