import { stridesOf } from '@horn/tensor';

// Helpers that write gpu.js kernel sources. Kernels are generated per shape signature with every
// size baked in as a literal: loops get constant bounds (GLSL needs them) and index arithmetic
// is plain float math on exact integers (< 2^24), with divisions corrected to be exact.

/**
 * A number as a source literal that gpu.js types as a float, or a finite stand-in for ±Infinity.
 * @example lit(0.5) // '0.5'
 */
export function lit(x: number): string {
  if (Number.isNaN(x)) return '(0 / 0)';
  if (x === Number.POSITIVE_INFINITY) return '3.4028234663852886e38';
  if (x === Number.NEGATIVE_INFINITY) return '-3.4028234663852886e38';
  return Object.is(x, -0) ? '0' : String(x);
}

/**
 * Statements setting `q = floor(n / d)` and `r = n - q·d` exactly for integers `0 <= n < 2^24`:
 * a float quotient (off by at most one) corrected by the exact remainder.
 * @example divMod('i', 7, 'row', 'col')
 */
export function divMod(n: string, d: number, q: string, r: string): string {
  if (d === 1) return `let ${q} = ${n};\nlet ${r} = 0;\n`;
  return (
    `let ${q} = Math.floor((${n} + 0.5) / ${d});\n` +
    `let ${r} = ${n} - ${q} * ${d};\n` +
    `if (${r} < 0) { ${q} = ${q} - 1; ${r} = ${r} + ${d}; }\n` +
    `if (${r} >= ${d}) { ${q} = ${q} + 1; ${r} = ${r} - ${d}; }\n`
  );
}

/**
 * Statements splitting the flat index `index` of a row-major `shape` into coordinates
 * `${prefix}0 .. ${prefix}{rank-1}`.
 * @example coords('i', [2, 3], 'c') // declares c0 (row) and c1 (column)
 */
export function coords(index: string, shape: readonly number[], prefix: string): string {
  const rank = shape.length;
  if (rank === 0) return '';
  let code = `let ${prefix}_rest${rank - 1} = ${index};\n`;
  for (let d = rank - 1; d > 0; d--) {
    code += divMod(`${prefix}_rest${d}`, shape[d], `${prefix}_rest${d - 1}`, `${prefix}${d}`);
  }
  return `${code}let ${prefix}0 = ${prefix}_rest0;\n`;
}

/**
 * The expression of a flat index from coordinates `${prefix}d` and per-dimension strides
 * (0 terms dropped).
 * @example offset('c', [3, 1]) // 'c0 * 3 + c1'
 */
export function offset(prefix: string, strides: readonly number[]): string {
  const terms = strides.flatMap((s, d) => (s === 0 ? [] : [s === 1 ? `${prefix}${d}` : `${prefix}${d} * ${s}`]));
  return terms.length === 0 ? '0' : terms.join(' + ');
}

/**
 * The strides of `inShape` read in broadcast against `outShape`: 0 along broadcast dimensions.
 * @example broadcastReadStrides([3], [2, 3]) // [0, 1]
 */
export function broadcastReadStrides(inShape: readonly number[], outShape: readonly number[]): number[] {
  const own = stridesOf(inShape);
  const shift = outShape.length - inShape.length;
  return outShape.map((_, d) => (d < shift || inShape[d - shift] === 1 ? 0 : own[d - shift]));
}

/**
 * The flat index expression of an input of `inShape` at the output element whose coordinates
 * are `${prefix}d` (`outShape`), with NumPy broadcasting; `index` itself when shapes are equal.
 * @example broadcastIndex('i', 'c', [1, 3], [2, 3]) // 'c1'
 */
export function broadcastIndex(
  index: string,
  prefix: string,
  inShape: readonly number[],
  outShape: readonly number[],
): string {
  if (sameShape(inShape, outShape)) return index;
  return offset(prefix, broadcastReadStrides(inShape, outShape));
}

/**
 * Whether two shapes are equal.
 * @example sameShape([2, 3], [2, 3]) // true
 */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * A kernel function source: `function(a0, a1) { const i = this.thread.x; <body> }`.
 * @example kernelSource(1, 'return a0[i] * 2;')
 */
export function kernelSource(inputs: number, body: string): string {
  const args = Array.from({ length: inputs }, (_, k) => `a${k}`).join(', ');
  return `function(${args}) {\nconst i = this.thread.x;\n${body}\n}`;
}
