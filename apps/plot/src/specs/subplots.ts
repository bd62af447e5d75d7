import { ShapeError, ValueError } from '@horn/tensor';
import type { FigureSpec } from './types.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA } from './types.js';
import { positiveInt } from './validate.js';

/** Options of {@link subplots}. */
export interface SubplotsOptions {
  /** Rows of the grid. Default: the grid's rows, or enough rows for `cols` per row. */
  rows?: number;
  /** Cells per row. Default: the longest row of the grid, or all cells in one row. */
  cols?: number;
  title?: string;
  /** Pixels between cells. Default 10. */
  spacing?: number;
}

/**
 * Lays figures out in a grid — matplotlib's `plt.subplot(rows, cols, i)`: MNIST digit grids,
 * feature maps of each filter. Takes rows of specs (`grid[r][c]`) or a flat list filled row by row;
 * every cell keeps its own scales (each image its own colour range, as matplotlib's subplots).
 *
 * @example
 * const cells = digits.map((d, i) => imshow(d, { title: `label ${labels[i]}` }));
 * const spec = subplots(cells, { rows: 2, cols: 5, title: 'MNIST' });
 * await writeFigure(spec, 'figures/digits');
 */
export function subplots(grid: FigureSpec[] | FigureSpec[][], options: SubplotsOptions = {}): FigureSpec {
  const nested = grid.length > 0 && Array.isArray(grid[0]);
  if (nested && !(grid as unknown[]).every(Array.isArray)) {
    throw new ShapeError('subplots: the grid mixes rows (arrays) and single specs; expected one or the other');
  }
  const rowsOf = nested ? (grid as FigureSpec[][]) : undefined;
  const cells = nested ? (grid as FigureSpec[][]).flat() : (grid as FigureSpec[]);
  if (cells.length === 0) throw new ValueError('subplots: the grid is empty; expected at least one spec');
  const cols = positiveInt(
    options.cols ?? (rowsOf ? Math.max(...rowsOf.map((r) => r.length)) : cells.length),
    'cols',
    'subplots',
  );
  const rows = positiveInt(
    options.rows ?? (rowsOf ? rowsOf.length : Math.ceil(cells.length / cols)),
    'rows',
    'subplots',
  );
  if (rowsOf) {
    rowsOf.forEach((r, i) => {
      if (r.length > cols || (r.length < cols && i < rowsOf.length - 1)) {
        throw new ShapeError(
          `subplots: row ${i} has ${r.length} cells; expected ${cols} (only the last row may be shorter)`,
        );
      }
    });
  }
  if (cells.length > rows * cols) {
    throw new ShapeError(`subplots: ${cells.length} cells do not fit a ${rows} x ${cols} grid`);
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title === undefined ? {} : { title: { text: options.title, anchor: 'middle' } }),
    config: { ...BASE_CONFIG, view: { stroke: null }, concat: { spacing: options.spacing ?? 10 } },
    columns: cols,
    concat: cells.map(cell),
    resolve: { scale: { color: 'independent', stroke: 'independent' } },
  } as FigureSpec;
}

/** A top-level spec made a concat cell: no schema, no config of its own. */
function cell(spec: FigureSpec): FigureSpec {
  const { $schema: _schema, config: _config, ...rest } = spec as FigureSpec & { config?: unknown };
  return rest as FigureSpec;
}
