import { makeTensor, type Tensor, ValueError } from '@horn/tensor';
import { asBytes, type BytesLike } from './bytes.js';

/**
 * The decoded content of a `.npy` file, before it becomes a tensor.
 * @example
 * const { shape, descr, values }: NpyArray = parseNpy(readFileSync('x_test.npy'));
 * // e.g. shape [10000, 28, 28], descr '|u1', values a Uint8Array; parseNpy builds no tensor (readNpy does)
 */
export interface NpyArray {
  /** The array's shape, e.g. `[2000, 28, 28]`. */
  shape: number[];
  /** NumPy's type string from the header, e.g. `'|u1'`, `'<f8'`, `'|O'`. */
  descr: string;
  /** Values in C (row-major) order; `null` for object arrays, whose payload is a pickle. */
  values: Uint8Array | Int32Array | Float32Array | Float64Array | null;
  /** The raw pickle bytes of an object array (`descr` `'|O'`), else `null`. */
  pickle: Uint8Array | null;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * Parses `.npy` bytes (format versions 1, 2 and 3) into shape, type string and C-order values.
 * Integers become Int32Array (an int64/uint32 value outside the int32 range is an error),
 * `f4` Float32Array, `f8` Float64Array, `b1` and `u1` Uint8Array. Fortran-order arrays are reordered.
 * @example parseNpy(bytes).shape // [2000, 28, 28]
 */
export function parseNpy(bytes: BytesLike, name = 'NPY data'): NpyArray {
  const data = asBytes(bytes);
  if (data.length < 10 || MAGIC.some((b, i) => data[i] !== b)) {
    throw new ValueError(`readNpy: ${name} is not a .npy file: it does not start with \\x93NUMPY`);
  }
  const major = data[6];
  if (major !== 1 && major !== 2 && major !== 3) {
    throw new ValueError(`readNpy: ${name} is .npy format version ${major}; supported are 1, 2 and 3`);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lengthBytes;
  if (start + headerLength > data.length) {
    throw new ValueError(
      `readNpy: ${name} is truncated: its header declares ${headerLength} bytes, ${data.length - start} follow`,
    );
  }
  const header = new TextDecoder().decode(data.subarray(start, start + headerLength));
  const { descr, fortran, shape } = parseHeader(header, name);
  const body = data.subarray(start + headerLength);
  if (descr === '|O' || descr === 'O') return { shape, descr, values: null, pickle: body };
  const count = shape.reduce((a, b) => a * b, 1);
  const values = decodeBody(body, descr, count, name);
  return { shape, descr, values: fortran ? fortranToC(values, shape) : values, pickle: null };
}

/** NumPy's `.npy` header: a Python dict literal with exactly descr, fortran_order and shape. */
const HEADER = /^\{\s*(?:'(?:descr|fortran_order|shape)'\s*:\s*(?:'[^']*'|True|False|\([^)]*\))\s*,?\s*){3}\}\s*$/;

function parseHeader(header: string, name: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortranText = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!HEADER.test(header) || descr === undefined || fortranText === undefined || shapeText === undefined) {
    throw new ValueError(`readNpy: ${name} has a header NumPy's simple format does not describe: ${header.trim()}`);
  }
  // A tuple of non-negative integers: '', '3,', '3, 4', '3, 4,' — nothing else ('-2, -2', 'abc,', '3 4').
  if (!/^\s*(?:\d+\s*,\s*)*(?:\d+\s*,?\s*)?$/.test(shapeText)) {
    throw new ValueError(`readNpy: ${name} has shape (${shapeText}); expected a tuple of non-negative integers`);
  }
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  if (shape.some((d) => !Number.isSafeInteger(d))) {
    throw new ValueError(`readNpy: ${name} has shape (${shapeText}), too large to index`);
  }
  return { descr, fortran: fortranText === 'True', shape };
}

function decodeBody(body: Uint8Array, descr: string, count: number, name: string): NonNullable<NpyArray['values']> {
  const little = descr[0] !== '>';
  const kind = descr.slice(1);
  const size = Number(kind.slice(1));
  if (!/^[biuf]\d+$/.test(kind) || body.length !== count * size) {
    const problem = /^[biuf]\d+$/.test(kind) ? `holds ${body.length} data bytes, expected ${count * size}` : '';
    throw new ValueError(
      problem
        ? `readNpy: ${name} ${problem}`
        : `readNpy: ${name} has dtype '${descr}'; supported are bool, integer and float types (b1, i1..i8, u1..u8, f4, f8)`,
    );
  }
  if (kind === 'u1' || kind === 'b1') return body.slice(0, count);
  const view = new DataView(body.buffer, body.byteOffset, count * size);
  if (kind === 'f4' || kind === 'f8') {
    const out = kind === 'f4' ? new Float32Array(count) : new Float64Array(count);
    for (let i = 0; i < count; i++)
      out[i] = kind === 'f4' ? view.getFloat32(i * 4, little) : view.getFloat64(i * 8, little);
    return out;
  }
  if (kind[0] === 'f') throw new ValueError(`readNpy: ${name} has dtype '${descr}'; supported floats are f4 and f8`);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const v = readInteger(view, i * size, kind, little);
    if (v > 2147483647 || v < -2147483648) {
      throw new ValueError(`readNpy: ${name} holds ${v} at flat index ${i}, outside the int32 range of Horn tensors`);
    }
    out[i] = v;
  }
  return out;
}

function readInteger(view: DataView, at: number, kind: string, little: boolean): number {
  switch (kind) {
    case 'i1':
      return view.getInt8(at);
    case 'i2':
      return view.getInt16(at, little);
    case 'u2':
      return view.getUint16(at, little);
    case 'i4':
      return view.getInt32(at, little);
    case 'u4':
      return view.getUint32(at, little);
    case 'i8':
      return Number(view.getBigInt64(at, little));
    case 'u8':
      return Number(view.getBigUint64(at, little));
    default:
      throw new ValueError(`readNpy: unsupported integer dtype '${kind}'`);
  }
}

function fortranToC<T extends NonNullable<NpyArray['values']>>(values: T, shape: readonly number[]): T {
  const out = values.slice() as T;
  const rank = shape.length;
  const index = new Array<number>(rank).fill(0);
  for (let c = 0; c < values.length; c++) {
    let f = 0;
    let stride = 1;
    for (let d = 0; d < rank; d++) {
      f += index[d] * stride;
      stride *= shape[d];
    }
    out[c] = values[f];
    for (let d = rank - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

/**
 * Turns decoded NPY values into a tensor: bool stays bool, integers int32, floats float32.
 * @example npyToTensor(parseNpy(bytes)).dtype // 'int32' for a uint8 array
 */
export function npyToTensor(array: NpyArray, name = 'NPY data'): Tensor {
  const { values, descr, shape } = array;
  if (values === null) {
    throw new ValueError(`readNpy: ${name} is an object array (dtype '${descr}'), which cannot become a tensor`);
  }
  if (values instanceof Uint8Array && descr.endsWith('b1')) return makeTensor(values, shape, 'bool');
  if (values instanceof Float32Array) return makeTensor(values, shape, 'float32');
  if (values instanceof Float64Array) return makeTensor(Float32Array.from(values), shape, 'float32');
  return makeTensor(values instanceof Int32Array ? values : Int32Array.from(values), shape, 'int32');
}

/**
 * Reads a NumPy `.npy` file into a tensor (bool, integer types as int32, float types as float32).
 * @example
 * readNpy(readFileSync('x.npy')).shape // [2000, 28, 28]
 */
export function readNpy(bytes: BytesLike): Tensor {
  return npyToTensor(parseNpy(bytes));
}
