import { makeTensor, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import { type BytesLike, bytesToText } from './bytes.js';

/**
 * Options of {@link readCsv}.
 * @example
 * const { columns, data } = readCsv('# iris\nsl sw\n5.1 3.5\n4.9 3.0', { skipRows: 1, header: true, delimiter: /\s+/ });
 * columns; // ['sl', 'sw']
 * data.shape; // [2, 2]
 */
export interface CsvOptions {
  /** The first (non-skipped) line holds column names. Default false. */
  header?: boolean;
  /** The field separator. Default `','`; use `'\t'` for TSV and `/\s+/` for whitespace-separated files. */
  delimiter?: string | RegExp;
  /** Lines to skip before the header or data (comments, a title). Default 0. */
  skipRows?: number;
}

/** What {@link parseCsv} returns: column names, size and values as float64. */
export interface CsvTable {
  /** Column names when `header` is true, else `null`. */
  columns: string[] | null;
  /** Number of data rows. */
  rows: number;
  /** Number of columns. */
  cols: number;
  /** Row-major values; empty cells and `nan` are NaN. */
  values: Float64Array;
}

/**
 * Parses numeric CSV text (or gzip/raw bytes of it) into a float64 table. Blank lines are skipped;
 * a ragged row is a ShapeError and a non-numeric cell a ValueError naming its line and column.
 * @example parseCsv('a,b\n1,2\n3,4', { header: true }).values // Float64Array [1, 2, 3, 4]
 */
export function parseCsv(source: string | BytesLike, options: CsvOptions = {}): CsvTable {
  const text = typeof source === 'string' ? source : bytesToText(source, 'CSV data');
  const delimiter = options.delimiter ?? ',';
  const lines = text.split(/\r?\n/);
  let at = options.skipRows ?? 0;
  const split = (line: string) =>
    typeof delimiter === 'string' ? line.split(delimiter) : line.trim().split(delimiter);
  let columns: string[] | null = null;
  if (options.header) {
    while (at < lines.length && lines[at].trim() === '') at++;
    if (at < lines.length) columns = split(lines[at++]).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  }
  const values: number[] = [];
  let cols = columns?.length ?? -1;
  let rows = 0;
  for (; at < lines.length; at++) {
    if (lines[at].trim() === '') continue;
    const cells = split(lines[at]);
    if (cols === -1) cols = cells.length;
    if (cells.length !== cols) {
      throw new ShapeError(`readCsv: line ${at + 1} has ${cells.length} fields, expected ${cols}`);
    }
    for (let c = 0; c < cells.length; c++) values.push(parseCell(cells[c], at + 1, c + 1));
    rows++;
  }
  return { columns, rows, cols: Math.max(cols, 0), values: Float64Array.from(values) };
}

/** A float as Python's `float()` (and so `np.loadtxt`) reads one. */
const FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity)$/i;

function parseCell(cell: string, line: number, column: number): number {
  const s = cell.trim();
  if (s === '' || s.toLowerCase() === 'nan') return Number.NaN;
  // As NumPy's loadtxt reads a float: decimal digits, a point, an exponent, inf / infinity / nan — not
  // JavaScript's extras ('0x10', '0b101', '0o7', 'Infinity' spelled only that way, '1_000').
  const v = FLOAT.test(s) ? Number(s.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity')) : Number.NaN;
  if (Number.isNaN(v)) throw new ValueError(`readCsv: line ${line}, column ${column} is not a number: '${cell}'`);
  return v;
}

/**
 * Reads a numeric CSV file into a float32 tensor `[rows, cols]`, with the header's column names.
 * @example
 * const { columns, data } = readCsv('x,y\n1,2\n3,4', { header: true });
 * columns // ['x', 'y']; data.shape // [2, 2]
 */
export function readCsv(
  source: string | BytesLike,
  options: CsvOptions = {},
): { columns: string[] | null; data: Tensor } {
  const table = parseCsv(source, options);
  return {
    columns: table.columns,
    data: makeTensor(Float32Array.from(table.values), [table.rows, table.cols], 'float32'),
  };
}
