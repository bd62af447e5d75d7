// Browser-safe: the Vega-Lite spec builders only (no Node imports), for the docs site and writeFigure.
export { COLOR_MAPS, type ColorMap, type ImshowOptions, imageData, imshow } from './imshow.js';
export { type LinePlotOptions, linePlot, type Series, seriesRows } from './line-plot.js';
export { type ScatterOptions, scatter } from './scatter.js';
export { type SubplotsOptions, subplots } from './subplots.js';
export type { FigureOptions, FigureSpec, MatrixLike } from './types.js';
export { BASE_CONFIG, VEGA_LITE_SCHEMA } from './types.js';
