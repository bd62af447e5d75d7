import { ShapeError, ValueError } from '@horn/tensor';
import type { FigureOptions, FigureSpec, MatrixLike } from './types.js';
import { BASE_CONFIG, specHead } from './types.js';
import { finiteNumbers } from './validate.js';

/** The colour maps `imshow` knows, named as matplotlib names them. */
export const COLOR_MAPS: Readonly<Record<'gray' | 'gray_r' | 'viridis', { range: string[] } | { scheme: 'viridis' }>> =
  {
    gray: { range: ['black', 'white'] },
    gray_r: { range: ['white', 'black'] },
    viridis: { scheme: 'viridis' },
  };

/** A matplotlib colour map name {@link imshow} supports. */
export type ColorMap = keyof typeof COLOR_MAPS;

/** Options of {@link imshow}. */
export interface ImshowOptions extends FigureOptions {
  /** Colour map, as matplotlib's `cmap`. Default 'gray' (the course's `cmap='gray'`). */
  cmap?: ColorMap;
  /** Value drawn in the map's first colour. Default: the image's minimum, as matplotlib. */
  vmin?: number;
  /** Value drawn in the map's last colour. Default: the image's maximum. */
  vmax?: number;
  /** Show a colour bar (legend). Default false. */
  colorbar?: boolean;
  /**
   * Write each cell's value in it (white on dark cells, black on light), as the course's worked
   * convolution and pooling matrices. For small matrices; refused above 400 cells. Default false.
   */
  annotate?: boolean;
  /** Decimals of the written values. Default 0 when every value is an integer, else 2. */
  digits?: number;
}

/** Cells `imshow` writes values into at most (beyond that the numbers cannot be read). */
export const MAX_ANNOTATED_CELLS = 400;

/** A 2-D image as `[height, width]` and row-major values, checked. */
export function imageData(image: number[][] | MatrixLike, fn: string): { shape: [number, number]; values: number[] } {
  if (Array.isArray(image)) {
    const height = image.length;
    if (height === 0) throw new ValueError(`${fn}: the image has no rows; expected a non-empty 2-D matrix`);
    const width = image[0].length;
    image.forEach((row, r) => {
      if (!Array.isArray(row)) throw new ShapeError(`${fn}: row ${r} is not an array; expected a 2-D matrix`);
      if (row.length !== width) {
        throw new ShapeError(`${fn}: ragged image: row ${r} has ${row.length} values, row 0 has ${width}`);
      }
    });
    return { shape: [height, width], values: finiteNumbers(image.flat(), 'the image', fn) };
  }
  if (image.shape.length !== 2) {
    throw new ShapeError(
      `${fn}: expected a 2-D image [height, width]; got shape [${image.shape.join(', ')}] (slice or reshape it first)`,
    );
  }
  const [height, width] = image.shape;
  return { shape: [height, width], values: finiteNumbers(image.dataSync(), 'the image', fn) };
}

/**
 * An image drawn as a grid of cells — matplotlib's `plt.imshow(image, cmap='gray')`: row 0 at the
 * top, the colour scale running from the image's minimum to its maximum unless `vmin`/`vmax` fix it.
 * Takes a number[][] or a 2-D Horn `Tensor`. One cell of a {@link subplots} grid of digits or feature maps.
 *
 * @example
 * const digit = xTrain.slice([0, 0, 0], [1, 28, 28]).reshape([28, 28]);
 * const spec = imshow(digit, { cmap: 'gray', title: 'label 5' });
 * // A 3x3 filter with its numbers in the cells:
 * imshow([[1, 0, -1], [1, 0, -1], [1, 0, -1]], { annotate: true, title: 'filter' });
 */
export function imshow(image: number[][] | MatrixLike, options: ImshowOptions = {}): FigureSpec {
  const { shape, values } = imageData(image, 'imshow');
  const [rows, cols] = shape;
  const cmap = options.cmap ?? 'gray';
  if (!(cmap in COLOR_MAPS)) {
    throw new ValueError(`imshow: unknown cmap '${cmap}'; expected one of ${Object.keys(COLOR_MAPS).join(', ')}`);
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const vmin = options.vmin ?? lo;
  const vmax = options.vmax ?? (hi > vmin ? hi : vmin + 1);
  if (!(vmax > vmin)) throw new ValueError(`imshow: vmax (${vmax}) must be greater than vmin (${vmin})`);
  const pixel = options.annotate
    ? Math.max(24, Math.floor(160 / Math.max(rows, cols)))
    : Math.max(2, Math.floor(140 / Math.max(rows, cols)));
  const width = options.width ?? cols * pixel;
  const height = options.height ?? rows * pixel;
  const data = values.map((v, i) => ({ r: Math.floor(i / cols), c: i % cols, v }));
  const axis = null;
  const x = { field: 'c', type: 'ordinal', axis, scale: { domain: range(cols) } } as const;
  const y = { field: 'r', type: 'ordinal', axis, scale: { domain: range(rows) } } as const;
  const color = {
    field: 'v',
    type: 'quantitative',
    scale: { ...COLOR_MAPS[cmap], domain: [vmin, vmax], clamp: true },
    legend: options.colorbar ? { title: null } : null,
  } as const;
  const head = specHead(options.title, width, height, { ...BASE_CONFIG, view: { stroke: null } });
  if (!options.annotate) {
    // Each cell is also stroked in its own colour, so anti-aliasing leaves no seams between pixels.
    const stroke = { ...color, legend: null };
    return {
      ...head,
      data: { values: data },
      mark: { type: 'rect', strokeWidth: 0.6 },
      encoding: { x, y, color, stroke },
    } as FigureSpec;
  }
  if (values.length > MAX_ANNOTATED_CELLS) {
    throw new ValueError(
      `imshow: annotate writes a number per cell; ${rows}x${cols} = ${values.length} cells is more than ${MAX_ANNOTATED_CELLS}`,
    );
  }
  const digits = options.digits ?? (values.every(Number.isInteger) ? 0 : 2);
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new ValueError(`imshow: digits must be an integer from 0 to 10; got ${digits}`);
  }
  const darkLow = cmap !== 'gray_r';
  const labelled = data.map((d) => {
    const t = Math.min(1, Math.max(0, (d.v - vmin) / (vmax - vmin)));
    return { ...d, label: d.v.toFixed(digits), dark: darkLow ? t < 0.5 : t >= 0.5 };
  });
  const fontSize = Math.max(8, Math.min(16, Math.floor(Math.min(width / cols, height / rows) / 3)));
  return {
    ...head,
    data: { values: labelled },
    layer: [
      { mark: { type: 'rect', stroke: '#bbb', strokeWidth: 0.5 }, encoding: { x, y, color } },
      {
        mark: { type: 'text', fontSize },
        encoding: {
          x,
          y,
          text: { field: 'label', type: 'nominal' },
          color: { condition: { test: 'datum.dark', value: 'white' }, value: 'black' },
        },
      },
    ],
  } as FigureSpec;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
