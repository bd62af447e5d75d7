import type { TopLevelSpec } from 'vega-lite';

/** A Vega-Lite specification, as the builders return it and `writeFigure` (or vega-embed) takes it. */
export type FigureSpec = TopLevelSpec;

/** Anything with a shape and flat row-major values: a Horn `Tensor`, or a plain stand-in. */
export interface MatrixLike {
  readonly shape: readonly number[];
  dataSync(): ArrayLike<number>;
}

/** The size and titles every builder takes. */
export interface FigureOptions {
  title?: string;
  /** Width of the plotting area in pixels. */
  width?: number;
  /** Height of the plotting area in pixels. */
  height?: number;
}

/** The Vega-Lite schema every top-level spec names. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Shared look: white background, matplotlib-like sans-serif text. */
export const BASE_CONFIG = {
  background: 'white',
  font: 'DejaVu Sans, Arial, sans-serif',
  view: { stroke: '#888' },
  legend: { labelLimit: 360 },
} as const;

/** The head every single-chart spec starts with: schema, optional title, size and the shared look. */
export function specHead(title: string | undefined, width: number, height: number, config: object = BASE_CONFIG) {
  return { $schema: VEGA_LITE_SCHEMA, ...(title === undefined ? {} : { title }), width, height, config };
}
