import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ValueError } from '@horn/tensor';
import type { FigureSpec } from '../specs/types.js';
import { type PngOptions, svgToPng, toSvg } from './render.js';

/** What {@link writeFigure} wrote. */
export interface WrittenFigure {
  svgPath: string;
  pngPath: string;
  svgBytes: number;
  pngBytes: number;
}

/**
 * Renders a spec and writes `<path>.svg` and `<path>.png` (making the folder when missing) —
 * matplotlib's `plt.savefig`.
 *
 * @example
 * await writeFigure(linePlot({ series: [{ name: 'loss', y: history.loss }] }), 'figures/loss');
 */
export async function writeFigure(
  spec: FigureSpec,
  pathWithoutExt: string,
  options: PngOptions = {},
): Promise<WrittenFigure> {
  if (/\.(svg|png)$/i.test(pathWithoutExt)) {
    throw new ValueError(
      `writeFigure: give the path without extension (it writes .svg and .png); got '${pathWithoutExt}'`,
    );
  }
  const svg = await toSvg(spec);
  const png = svgToPng(svg, options);
  await mkdir(dirname(pathWithoutExt), { recursive: true });
  const svgPath = `${pathWithoutExt}.svg`;
  const pngPath = `${pathWithoutExt}.png`;
  await writeFile(svgPath, svg);
  await writeFile(pngPath, png);
  return { svgPath, pngPath, svgBytes: Buffer.byteLength(svg), pngBytes: png.length };
}
