// The window attrs of conv and pool kernels, decoded as the cpu kernels decode them (one
// definition, in @horn/tensor), under the names this package's kernels use.
export {
  readWindowAttrs as readWindow,
  type WindowAttrs as Window,
  windowOutSize as windowOut,
} from '@horn/tensor';

/**
 * Statements setting `${name} = (t) / stride` and `${name}Ok` (1 when `t` is a non-negative
 * multiple of `stride` and the quotient is below `limit`, else 0), exactly.
 * @example strideHit('oy', 'iy + 1 - ky', 2, 5)
 */
export function strideHit(name: string, t: string, stride: number, limit: number): string {
  if (stride === 1) {
    return `const ${name} = ${t};\nlet ${name}Ok = 0;\nif (${name} >= 0 && ${name} < ${limit}) { ${name}Ok = 1; }\n`;
  }
  return (
    `const ${name}T = ${t};\n` +
    `let ${name} = Math.floor((${name}T + 0.5) / ${stride});\n` +
    `let ${name}Ok = 0;\n` +
    `if (${name}T >= 0 && ${name} * ${stride} == ${name}T && ${name} < ${limit}) { ${name}Ok = 1; }\n`
  );
}
