import { ShapeError, ValueError } from '@horn/tensor';
import { type AxisScale, yScaleOf } from './line-plot.js';
import type { FigureOptions, FigureSpec } from './types.js';
import { specHead } from './types.js';
import { finiteNumbers } from './validate.js';

/** One group of bars: its legend name and one value per category. */
export interface BarSeries {
  name: string;
  values: ArrayLike<number>;
}

/** Options of {@link barChart}. */
export interface BarChartOptions extends FigureOptions {
  /** The label under each bar (or group of bars), left to right. */
  categories: readonly (string | number)[];
  /** One series draws one bar per category; several draw them side by side, one colour each. */
  series: BarSeries[];
  xLabel?: string;
  yLabel?: string;
  /** 'log' for a log y axis (every value > 0). Default 'linear', bars from 0. */
  yScale?: AxisScale;
  /** Fix the y axis to `[min, max]`. */
  yDomain?: [number, number];
  /** Write each bar's value above it with this many decimals. Default: no labels. */
  labelDigits?: number;
}

/**
 * A bar chart — matplotlib's `plt.bar(categories, values)`: softmax probabilities per class, the
 * weights of a model per feature. Several series are grouped side by side (one colour each, with a
 * legend), as the course's L1 vs L2 weights.
 *
 * @example
 * const spec = barChart({
 *   categories: ['car', 'plane', 'rocket'],
 *   series: [{ name: 'softmax', values: [0.665, 0.245, 0.09] }],
 *   title: 'softmax([1, 2, 3] reversed)', yLabel: 'probability', labelDigits: 3,
 * });
 */
export function barChart(options: BarChartOptions): FigureSpec {
  const { categories, series, title, xLabel = '', yLabel = 'value', width = 400, height = 260, yDomain } = options;
  if (categories.length === 0) throw new ValueError('barChart: categories is empty; expected at least one');
  if (series.length === 0) throw new ValueError('barChart: series is empty; expected at least one {name, values}');
  const names = categories.map(String);
  if (new Set(names).size !== names.length) {
    throw new ValueError(`barChart: categories repeat (${names.join(', ')}); expected distinct labels`);
  }
  const rows: { series: string; category: string; y: number }[] = [];
  for (const s of series) {
    const v = finiteNumbers(s.values, `series '${s.name}' values`, 'barChart');
    if (v.length !== names.length) {
      throw new ShapeError(
        `barChart: series '${s.name}' has ${v.length} values for ${names.length} categories; expected one per category`,
      );
    }
    for (let i = 0; i < v.length; i++) rows.push({ series: s.name, category: names[i], y: v[i] });
  }
  const yScale = options.yScale ?? 'linear';
  const scale = yScaleOf(rows, yScale, yDomain, 'barChart');
  if (yScale === 'linear' && yDomain === undefined) scale.zero = true;
  const grouped = series.length > 1;
  const x = { field: 'category', type: 'nominal', title: xLabel || null, sort: names, axis: { labelAngle: 0 } };
  const y = { field: 'y', type: 'quantitative', title: yLabel, scale };
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    sort: series.map((s) => s.name),
    legend: grouped ? { orient: 'top-right' } : null,
  };
  const encoding = { x, y, color, ...(grouped ? { xOffset: { field: 'series', sort: color.sort } } : {}) };
  // A fixed y domain that does not hold 0 would draw bars past the axes: clip them to the plot.
  const clip = yDomain === undefined ? {} : { clip: true };
  const bars = { mark: { type: 'bar', ...clip }, encoding };
  const digits = options.labelDigits;
  if (digits !== undefined && (!Number.isInteger(digits) || digits < 0 || digits > 10)) {
    throw new ValueError(`barChart: labelDigits must be an integer from 0 to 10; got ${digits}`);
  }
  const layers =
    digits === undefined
      ? [bars]
      : [
          bars,
          {
            mark: { type: 'text', dy: -6, fontSize: 11, ...clip },
            encoding: {
              x,
              y,
              ...(grouped ? { xOffset: encoding.xOffset } : {}),
              text: { field: 'y', type: 'quantitative', format: `.${digits}f` },
            },
          },
        ];
  return {
    ...specHead(title, width, height),
    data: { values: rows },
    layer: layers,
  } as FigureSpec;
}
