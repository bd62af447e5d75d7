import type { KernelAttrs } from '@horn/tensor';

/** A window kernel's attrs, decoded: strides, dilations, zeros before/after. */
export interface Window {
  sh: number;
  sw: number;
  dh: number;
  dw: number;
  pt: number;
  pb: number;
  pl: number;
  pr: number;
}

/**
 * Reads `strides`, `pad` and optional `dilations` as the cpu kernels do.
 * @example readWindow({ strides: [2, 2], pad: [0, 1, 0, 1] }).sh // 2
 */
export function readWindow(attrs: KernelAttrs): Window {
  const [sh, sw] = attrs.strides as number[];
  const [pt, pb, pl, pr] = attrs.pad as number[];
  const [dh, dw] = (attrs.dilations as number[] | undefined) ?? [1, 1];
  return { sh, sw, dh, dw, pt, pb, pl, pr };
}

/**
 * One output dimension of a window op (as the cpu kernels compute it).
 * @example windowOut(5, 3, 2, 1, 1, 1) // 3
 */
export function windowOut(size: number, k: number, stride: number, dilation: number, before: number, after: number) {
  return Math.max(0, Math.floor((size + before + after - (k - 1) * dilation - 1) / stride) + 1);
}

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
