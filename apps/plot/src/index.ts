// @horn/plot: the course's figures. Spec builders (also `@horn/plot/specs`, browser-safe) and the
// Node renderer to SVG (vega's headless View) and PNG (resvg).
export { type PngOptions, svgToPng, toSvg } from './node/render.js';
export { type WrittenFigure, writeFigure } from './node/write-figure.js';
export * from './specs/index.js';
