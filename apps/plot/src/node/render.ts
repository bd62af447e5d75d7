import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { FigureSpec } from '../specs/types.js';

/**
 * Renders a Vega-Lite spec to an SVG string: compiled by `vega-lite`, drawn by `vega`'s headless
 * View (no browser, no canvas).
 *
 * @example
 * const svg = await toSvg(linePlot({ series: [{ name: 'loss', y: [0.9, 0.5, 0.3] }] }));
 */
export async function toSvg(spec: FigureSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Pixels per SVG unit. Default 2 (crisp on high-density screens). */
  scale?: number;
}

/**
 * Rasterizes an SVG string to PNG bytes with resvg (`@resvg/resvg-js`, a prebuilt binary), on white,
 * with the system's fonts (DejaVu Sans where present).
 *
 * @example
 * const png = svgToPng(await toSvg(spec), { scale: 2 });
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
