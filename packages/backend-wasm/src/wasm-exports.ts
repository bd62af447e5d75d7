/**
 * A pointer into the wasm heap (a byte offset).
 * @example const p: Ptr = backend.alloc(64).ptr
 */
export type Ptr = number;

/**
 * The functions the AssemblyScript module exports (see `assembly/`). Pointers are byte offsets,
 * strides and sizes count elements.
 * @example const { packedBBytes } = module; packedBBytes(64, 10) // 4096
 */
export interface HornWasmExports {
  heapBase(): Ptr;
  gemmScratchBytes(k: number): number;
  packedBBytes(k: number, n: number): number;
  packB(b: Ptr, rowStride: number, colStride: number, k: number, n: number, dst: Ptr): void;
  gemm(
    a: Ptr,
    aRowStride: number,
    aColStride: number,
    packedB: Ptr,
    c: Ptr,
    ldc: number,
    m: number,
    n: number,
    k: number,
    accumulate: number,
    scratch: Ptr,
  ): void;
  convGeometry(
    h: number,
    w: number,
    c: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    dh: number,
    dw: number,
    pt: number,
    pl: number,
    oh: number,
    ow: number,
  ): void;
  im2col(x: Ptr, q0: number, rows: number, dst: Ptr): void;
  col2imAdd(src: Ptr, q0: number, rows: number, dx: Ptr): void;
  conv2dDirect(x: Ptr, packedW: Ptr, y: Ptr, o: number, r0: number, nrows: number, bias: Ptr, epilogue: number): void;
  convFilterGrad(
    x: Ptr,
    dy: Ptr,
    dw: Ptr,
    q0: number,
    q1: number,
    chunk: number,
    o: number,
    pointwise: number,
    col: Ptr,
    packed: Ptr,
    scratch: Ptr,
    accumulate: number,
  ): void;
  convInputGrad(
    dy: Ptr,
    packedWT: Ptr,
    dx: Ptr,
    q0: number,
    q1: number,
    chunk: number,
    o: number,
    col: Ptr,
    scratch: Ptr,
  ): void;
  depthwiseConv2d(x: Ptr, filter: Ptr, y: Ptr, r0: number, nrows: number): void;
  depthwiseInputGrad(dy: Ptr, filter: Ptr, dx: Ptr, r0: number, nrows: number): void;
  depthwiseFilterGrad(x: Ptr, dy: Ptr, df: Ptr, r0: number, nrows: number): void;
  expandChannels(src: Ptr, dst: Ptr, pixels: number, c: number, m: number): void;
  sumChannelGroups(src: Ptr, dst: Ptr, pixels: number, c: number, m: number): void;
  poolGeometry(
    h: number,
    w: number,
    c: number,
    ph: number,
    pw: number,
    sh: number,
    sw: number,
    pt: number,
    pl: number,
    oh: number,
    ow: number,
  ): void;
  maxPoolF32(x: Ptr, y: Ptr, b0: number, nb: number): void;
  maxPoolGradF32(dy: Ptr, x: Ptr, dx: Ptr, b0: number, nb: number): void;
  reluGradF32(dy: Ptr, x: Ptr, out: Ptr, n: number): void;
  lstmCellF32(z: Ptr, cPrev: Ptr, h: Ptr, c: Ptr, units: number, r0: number, r1: number): void;
  lstmCellGradF32(
    z: Ptr,
    cPrev: Ptr,
    c: Ptr,
    dh: Ptr,
    dc: Ptr,
    dz: Ptr,
    dcPrev: Ptr,
    units: number,
    r0: number,
    r1: number,
  ): void;
  convFilterGradC1K3(x: Ptr, dy: Ptr, dw: Ptr, o: number, r0: number, nrows: number): void;
  maxPoolGradTiledF32(dy: Ptr, x: Ptr, dx: Ptr, b0: number, nb: number): void;
  maxPool2x2F32(x: Ptr, y: Ptr, b0: number, nb: number): void;
  maxPoolGrad2x2F32(dy: Ptr, x: Ptr, dx: Ptr, b0: number, nb: number): void;
  boolToF32(x: Ptr, out: Ptr, n: number): void;
  i32ToF32(x: Ptr, out: Ptr, n: number): void;
  f32ToBool(x: Ptr, out: Ptr, n: number): void;
  sumF32(x: Ptr, out: Ptr, outer: number, r: number, inner: number, acc: Ptr): void;
  sumRowsF64(x: Ptr, k0: number, k1: number, inner: number, acc: Ptr): void;
  maxF32(x: Ptr, out: Ptr, outer: number, r: number, inner: number): void;
}

/**
 * The signature of the broadcasting binary kernels (`addF32`, ...).
 * @example (wasm.addF32 as BinaryFn)(a, 0, 1, b, 0, 0, out, 1, n) // a + scalar b
 */
export type BinaryFn = (
  a: Ptr,
  aOuter: number,
  aInner: number,
  b: Ptr,
  bOuter: number,
  bInner: number,
  out: Ptr,
  outer: number,
  inner: number,
) => void;

/**
 * The signature of the unary kernels (`reluF32`, ...).
 * @example (wasm.reluF32 as UnaryFn)(x, out, n)
 */
export type UnaryFn = (x: Ptr, out: Ptr, n: number) => void;

/**
 * The wasm binary ops by kernel name.
 * @example BINARY_EXPORTS.Add // 'addF32'
 */
export const BINARY_EXPORTS = {
  Add: 'addF32',
  Sub: 'subF32',
  Mul: 'mulF32',
  Div: 'divF32',
  Maximum: 'maximumF32',
  Minimum: 'minimumF32',
} as const;

/**
 * The wasm comparisons (float32 inputs, bool output, broadcasting like the binary ops) by kernel name.
 * @example COMPARE_EXPORTS.Greater // 'greaterF32'
 */
export const COMPARE_EXPORTS = {
  Equal: 'equalF32',
  NotEqual: 'notEqualF32',
  Greater: 'greaterF32',
  GreaterEqual: 'greaterEqualF32',
  Less: 'lessF32',
  LessEqual: 'lessEqualF32',
} as const;

/**
 * The wasm unary ops by kernel name.
 * @example UNARY_EXPORTS.Relu // 'reluF32'
 */
export const UNARY_EXPORTS = {
  Neg: 'negF32',
  Abs: 'absF32',
  Sqrt: 'sqrtF32',
  Square: 'squareF32',
  Reciprocal: 'reciprocalF32',
  Relu: 'reluF32',
  Relu6: 'relu6F32',
  Floor: 'floorF32',
  Ceil: 'ceilF32',
  Exp: 'expF32',
  Log: 'logF32',
  Tanh: 'tanhF32',
  Sigmoid: 'sigmoidF32',
} as const;

/**
 * The names of the broadcasting binary loops (arithmetic and comparisons).
 * @example const name: BinaryExport = 'addF32';
 */
export type BinaryExport =
  | (typeof BINARY_EXPORTS)[keyof typeof BINARY_EXPORTS]
  | (typeof COMPARE_EXPORTS)[keyof typeof COMPARE_EXPORTS];

/**
 * Every export of the module, the elementwise ones included.
 * @example (module as HornWasm).addF32(a, 0, 1, b, 0, 1, out, 1, n)
 */
export type HornWasm = HornWasmExports &
  Record<(typeof BINARY_EXPORTS)[keyof typeof BINARY_EXPORTS], BinaryFn> &
  Record<(typeof COMPARE_EXPORTS)[keyof typeof COMPARE_EXPORTS], BinaryFn> &
  Record<(typeof UNARY_EXPORTS)[keyof typeof UNARY_EXPORTS], UnaryFn>;
