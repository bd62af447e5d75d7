import { type NestedArray, Tensor, tensor } from '@horn/tensor';
import { expect } from 'vitest';

// Plain-number matrix helpers the recurrent tests use to write the course's formulas by hand.
/** A matrix as rows of numbers. */
export type Matrix = number[][];

/** The matrix product a·b. */
export function dot(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}

/** The transpose. */
export function transposeM(a: Matrix): Matrix {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

/** Element-wise combination of equally shaped matrices. */
export function zip(a: Matrix, b: Matrix, f: (x: number, y: number) => number): Matrix {
  return a.map((row, i) => row.map((v, j) => f(v, b[i][j])));
}

/** Element-wise map. */
export function mapM(a: Matrix, f: (x: number) => number): Matrix {
  return a.map((row) => row.map(f));
}

/** Adds a row vector to every row. */
export function addRow(a: Matrix, row: number[]): Matrix {
  return a.map((r) => r.map((v, j) => v + row[j]));
}

/** A zero matrix. */
export function zerosM(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

/** Columns `from` (inclusive) to `to` (exclusive). */
export function cols(a: Matrix, from: number, to: number): Matrix {
  return a.map((row) => row.slice(from, to));
}

/** A deterministic "random-looking" matrix in [-0.5, 0.5]. */
export function patterned(rows: number, columns: number, salt: number): Matrix {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (((i * 7 + j * 3 + salt * 5) % 11) - 5) / 10),
  );
}

export const sigmoidN = (v: number): number => 1 / (1 + Math.exp(-v));

/** Asserts a tensor equals the expected values (a tensor or nested numbers) element by element, within `tolerance`. */
export function expectClose(got: Tensor, want: Tensor | NestedArray, tolerance = 1e-5): void {
  const w = want instanceof Tensor ? want : tensor(want);
  expect(got.shape).toEqual(w.shape);
  const a = got.dataSync();
  const b = w.dataSync();
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tolerance);
}
