import { ValueError } from '@horn/tensor';
import type { FigureOptions, FigureSpec } from './types.js';
import { specHead } from './types.js';
import { finiteNumbers, sameLength } from './validate.js';

/** One curve: its legend name, its y values and optionally its x values (default 1, 2, 3, …). */
export interface Series {
  name: string;
  y: ArrayLike<number>;
  x?: ArrayLike<number>;
}

/** Options of {@link linePlot}. */
export interface LinePlotOptions extends FigureOptions {
  series: Series[];
  xLabel?: string;
  yLabel?: string;
  /** Draw a point on every value as well as the line (default: only when a series has < 30 values). */
  points?: boolean;
  /** Fix the y axis to `[min, max]` instead of fitting the data. */
  yDomain?: [number, number];
  /** 'log' draws y on a log scale, as matplotlib's `plt.yscale('log')` (every y must be > 0). Default 'linear'. */
  yScale?: AxisScale;
  /** Fix the x axis to `[min, max]` instead of fitting the data. */
  xDomain?: [number, number];
  /** Where the legend sits when there are several series. Default 'top-right'. */
  legend?: 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left' | 'right';
}

/** How an axis maps values: evenly ('linear') or by powers of ten ('log'). */
export type AxisScale = 'linear' | 'log';

/** The Vega-Lite `scale` of a y axis: fitted (not from zero) or fixed, linear or log; checks log data. */
export function yScaleOf(
  rows: readonly { y: number }[],
  yScale: AxisScale,
  yDomain: [number, number] | undefined,
  fn: string,
): Record<string, unknown> {
  if (yScale !== 'linear' && yScale !== 'log') {
    throw new ValueError(`${fn}: unknown yScale '${yScale}'; expected 'linear' or 'log'`);
  }
  if (yScale === 'log') {
    const bad = rows.findIndex((r) => !(r.y > 0));
    if (bad >= 0) {
      throw new ValueError(`${fn}: yScale 'log' needs every y > 0; value ${bad} is ${rows[bad].y}`);
    }
    if (yDomain !== undefined && !(yDomain[0] > 0)) {
      throw new ValueError(`${fn}: yScale 'log' needs yDomain[0] > 0; got ${yDomain[0]}`);
    }
  }
  if (yScale === 'log') return yDomain === undefined ? { type: 'log' } : { type: 'log', domain: yDomain };
  return yDomain === undefined ? { zero: false } : { domain: yDomain };
}

/** The rows `{series, x, y}` of every series, checked. */
export function seriesRows(series: Series[], fn: string): { series: string; x: number; y: number }[] {
  if (series.length === 0) throw new ValueError(`${fn}: series is empty; expected at least one {name, y}`);
  const rows: { series: string; x: number; y: number }[] = [];
  for (const s of series) {
    const y = finiteNumbers(s.y, `series '${s.name}' y`, fn);
    const x = s.x === undefined ? y.map((_, i) => i + 1) : finiteNumbers(s.x, `series '${s.name}' x`, fn);
    sameLength(x, y, `series '${s.name}'`, fn);
    for (let i = 0; i < y.length; i++) rows.push({ series: s.name, x: x[i], y: y[i] });
  }
  return rows;
}

/**
 * A line chart of one or more series — the course's `plt.plot(history.history['loss'])`, or train
 * and validation curves side by side. Without `x`, a series is drawn against 1, 2, 3, … (epochs).
 *
 * @example
 * const spec = linePlot({
 *   series: [{ name: 'loss', y: history.loss }, { name: 'val_loss', y: history.val_loss }],
 *   title: 'Loss', xLabel: 'epoch', yLabel: 'loss',
 * });
 * await writeFigure(spec, 'figures/loss'); // figures/loss.svg and figures/loss.png
 * // A loss that falls over decades reads better on a log axis:
 * linePlot({ series: [{ name: 'loss', y: [1, 0.1, 0.01] }], yScale: 'log' });
 */
export function linePlot(options: LinePlotOptions): FigureSpec {
  const { series, title, xLabel = 'x', yLabel = 'y', width = 400, height = 260, yDomain, xDomain } = options;
  const values = seriesRows(series, 'linePlot');
  const points = options.points ?? series.every((s) => s.y.length < 30);
  return {
    ...specHead(title, width, height),
    data: { values },
    mark: { type: 'line', point: points, strokeWidth: 2 },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: xLabel,
        scale: xDomain === undefined ? { zero: false, nice: false } : { domain: xDomain },
        // Whole-number x (epochs, iterations) gets whole-number ticks: 1, 2, 3, not 1.0, 1.5, 2.0.
        ...(values.every((r) => Number.isInteger(r.x)) ? { axis: { tickMinStep: 1, format: 'd' } } : {}),
      },
      y: {
        field: 'y',
        type: 'quantitative',
        title: yLabel,
        scale: yScaleOf(values, options.yScale ?? 'linear', yDomain, 'linePlot'),
      },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        sort: series.map((s) => s.name),
        legend: series.length > 1 ? { orient: options.legend ?? 'top-right' } : null,
      },
    },
  };
}
