import type { DataValues, DType, TypedArray } from './types.js';

const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;

/**
 * Formats values as NumPy's `str(array)`: `[[1. 2.]\n [3. 4.]]`, shortest float32 digits aligned
 * on the decimal point, scientific notation for wide ranges, `...` past 1,000 elements.
 * @example formatTensor(new Float32Array([1, 2.5]), [2], 'float32') // '[1.  2.5]'
 */
export function formatTensor(values: DataValues, shape: readonly number[], dtype: DType): string {
  const summarize = values.length > THRESHOLD;
  const shown = summarize ? shownIndices(shape) : null;
  if (dtype === 'string' && shape.length === 0) return String(values[0]);
  const cell =
    dtype === 'string' ? (v: Cell) => pythonRepr(String(v)) : numericCell(values as TypedArray, dtype, shown);
  if (shape.length === 0) return cell(values[0]).trim();
  return formatLevel(values, shape, 0, 0, cell, summarize, ' ');
}

type Cell = number | string;

function formatLevel(
  values: DataValues,
  shape: readonly number[],
  dim: number,
  offset: number,
  cell: (v: Cell) => string,
  summarize: boolean,
  indent: string,
): string {
  const n = shape[dim];
  let stride = 1;
  for (let d = dim + 1; d < shape.length; d++) stride *= shape[d];
  const indices = summarize && n > 2 * EDGE_ITEMS ? edgeIndices(n) : Array.from({ length: n }, (_, i) => i);
  if (dim === shape.length - 1) {
    const items = indices.map((i) => (i < 0 ? '...' : cell(values[offset + i])));
    return `[${wrap(items, indent)}]`;
  }
  const separator = `\n${'\n'.repeat(shape.length - dim - 2)}${indent}`;
  const parts = indices.map((i) =>
    i < 0 ? '...' : formatLevel(values, shape, dim + 1, offset + i * stride, cell, summarize, `${indent} `),
  );
  return `[${parts.join(separator)}]`;
}

function wrap(items: string[], indent: string): string {
  let line = '';
  const lines: string[] = [];
  for (const item of items) {
    const next = line === '' ? item : `${line} ${item}`;
    if (next.length + indent.length + 1 > LINE_WIDTH && line !== '') {
      lines.push(line);
      line = item;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines.join(`\n${indent}`);
}

function edgeIndices(n: number): number[] {
  return [0, 1, 2, -1, n - 3, n - 2, n - 1];
}

function shownIndices(shape: readonly number[]): Set<number> {
  const out = new Set<number>();
  const walk = (dim: number, offset: number) => {
    if (dim === shape.length) {
      out.add(offset);
      return;
    }
    let stride = 1;
    for (let d = dim + 1; d < shape.length; d++) stride *= shape[d];
    const n = shape[dim];
    const idx = n > 2 * EDGE_ITEMS ? edgeIndices(n).filter((i) => i >= 0) : Array.from({ length: n }, (_, i) => i);
    for (const i of idx) walk(dim + 1, offset + i * stride);
  };
  walk(0, 0);
  return out;
}

/** A string as Python's `repr` writes it: single quotes unless it holds one and no double quote. */
function pythonRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  if (quote === "'") body = body.replace(/'/g, "\\'");
  return `${quote}${body}${quote}`;
}

function numericCell(values: TypedArray, dtype: DType, shown: Set<number> | null): (v: Cell) => string {
  const cell = cellFormatter(values, dtype, shown);
  return (v) => cell(v as number);
}

function cellFormatter(values: TypedArray, dtype: DType, shown: Set<number> | null): (v: number) => string {
  const picked: number[] = [];
  if (shown) for (const i of shown) picked.push(values[i]);
  else for (let i = 0; i < values.length; i++) picked.push(values[i]);
  if (dtype === 'bool') {
    const width = picked.some((v) => v === 0) ? 5 : 4;
    return (v) => (v ? 'True' : 'False').padStart(width);
  }
  if (dtype === 'int32') {
    const width = Math.max(1, ...picked.map((v) => String(v).length));
    return (v) => String(v).padStart(width);
  }
  const finite = picked.filter((v) => Number.isFinite(v)).map(Math.abs);
  const nonzero = finite.filter((v) => v !== 0);
  const maxAbs = finite.length ? Math.max(...finite) : 0;
  const minAbs = nonzero.length ? Math.min(...nonzero) : 0;
  const scientific = maxAbs >= 1e8 || (nonzero.length > 0 && (minAbs < 1e-4 || maxAbs / minAbs > 1e3));
  const texts = picked.filter((v) => Number.isFinite(v)).map((v) => (scientific ? sciText(v) : fixedText(v)));
  const [intWidth, fracWidth] = widths(texts, scientific);
  const special = picked.filter((v) => !Number.isFinite(v)).map((v) => (Number.isNaN(v) ? 3 : v > 0 ? 3 : 4));
  const total = Math.max(intWidth + 1 + fracWidth, ...special);
  return (v) => {
    if (Number.isNaN(v)) return 'nan'.padStart(total);
    if (!Number.isFinite(v)) return (v > 0 ? 'inf' : '-inf').padStart(total);
    const text = scientific ? sciText(v) : fixedText(v);
    const [whole, rest] = splitText(text, scientific);
    return `${whole.padStart(intWidth)}.${rest.padEnd(fracWidth)}`.padStart(total);
  };
}

function widths(texts: string[], scientific: boolean): [number, number] {
  let intWidth = 1;
  let fracWidth = 0;
  for (const t of texts) {
    const [whole, rest] = splitText(t, scientific);
    intWidth = Math.max(intWidth, whole.length);
    fracWidth = Math.max(fracWidth, rest.length);
  }
  return [intWidth, fracWidth];
}

function splitText(text: string, scientific: boolean): [string, string] {
  const dot = text.indexOf('.');
  if (dot < 0) return [text, ''];
  if (!scientific) return [text.slice(0, dot), text.slice(dot + 1)];
  return [text.slice(0, dot), text.slice(dot + 1)];
}

/** The shortest decimal digits that read back as the same float32. */
function shortestDigits(v: number): string {
  for (let p = 1; p <= 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === Math.fround(v)) return s;
  }
  return v.toPrecision(9);
}

function fixedText(v: number): string {
  const n = Number(shortestDigits(v));
  let s = Math.abs(n) >= 1e21 ? n.toFixed(0) : String(n);
  if (s.includes('e')) s = n.toFixed(20).replace(/0+$/, '');
  return s.includes('.') ? s : `${s}.`;
}

function sciText(v: number): string {
  const [mantissa, exponent] = Number(shortestDigits(v)).toExponential().split('e');
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.`;
  const e = Number(exponent);
  return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}
