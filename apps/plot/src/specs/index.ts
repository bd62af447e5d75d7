// Browser-safe: the Vega-Lite spec builders only (no Node imports), for the docs site and writeFigure.
export { type BarChartOptions, type BarSeries, barChart } from './bar-chart.js';
export { COLOR_MAPS, type ColorMap, type ImshowOptions, imageData, imshow, MAX_ANNOTATED_CELLS } from './imshow.js';
export { type AxisScale, type LinePlotOptions, linePlot, type Series, seriesRows, yScaleOf } from './line-plot.js';
export { type LegendPlace, type OverlayOptions, overlay } from './overlay.js';
export { type ScatterOptions, scatter } from './scatter.js';
export { type SubplotsOptions, subplots } from './subplots.js';
export type { FigureOptions, FigureSpec, MatrixLike } from './types.js';
export { BASE_CONFIG, VEGA_LITE_SCHEMA } from './types.js';
