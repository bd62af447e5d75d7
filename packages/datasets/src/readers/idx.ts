import { makeTensor, type Tensor, ValueError } from '@horn/tensor';
import { type BytesLike, maybeGunzip } from './bytes.js';

/**
 * The raw content of an IDX file: its dimensions and its values in the file's element type.
 * @example
 * const files = await datasetFiles(MNIST_SOURCE, { path: '../shared/data/mnist' });
 * const { shape, values }: IdxArray = parseIdx(maybeGunzip(files.get('t10k-labels-idx1-ubyte.gz')!));
 * shape; // [10000]
 * values.slice(0, 3); // Uint8Array [7, 2, 1]
 */
export interface IdxArray {
  /** Dimensions from the header, e.g. `[60000, 28, 28]`. */
  shape: number[];
  /** The values, row-major, in the element type the header names (uint8 for MNIST). */
  values: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

const TYPES: Record<number, { name: string; size: number }> = {
  8: { name: 'uint8', size: 1 },
  9: { name: 'int8', size: 1 },
  11: { name: 'int16', size: 2 },
  12: { name: 'int32', size: 4 },
  13: { name: 'float32', size: 4 },
  14: { name: 'float64', size: 8 },
};

/**
 * Parses IDX bytes (gzip or raw) into dimensions and typed values, without building a tensor.
 * The header is `0 0 TYPE RANK` then RANK big-endian uint32 dimensions (MNIST's magics 2051 and
 * 2049 are uint8 data of rank 3 and 1).
 * @example parseIdx(bytes).shape // [10000, 28, 28] for t10k-images-idx3-ubyte.gz
 */
export function parseIdx(bytes: BytesLike, name = 'IDX data'): IdxArray {
  const data = maybeGunzip(bytes);
  if (data.length < 4 || data[0] !== 0 || data[1] !== 0) {
    throw new ValueError(`readIdx: ${name} is not an IDX file: expected the magic to start with bytes 0 0`);
  }
  const type = TYPES[data[2]];
  if (type === undefined) {
    throw new ValueError(`readIdx: ${name} has unknown IDX element type 0x${data[2].toString(16)}`);
  }
  const rank = data[3];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const headerBytes = 4 + 4 * rank;
  if (data.length < headerBytes) throw new ValueError(`readIdx: ${name} is truncated inside its header`);
  const shape: number[] = [];
  for (let i = 0; i < rank; i++) shape.push(view.getUint32(4 + 4 * i, false));
  const count = shape.reduce((a, b) => a * b, 1);
  const expected = headerBytes + count * type.size;
  if (data.length !== expected) {
    throw new ValueError(
      `readIdx: ${name} holds ${data.length} bytes, expected ${expected} for ${type.name} data of shape [${shape.join(',')}]`,
    );
  }
  return { shape, values: decodeValues(data, view, headerBytes, count, type.name) };
}

function decodeValues(
  data: Uint8Array,
  view: DataView,
  offset: number,
  count: number,
  type: string,
): IdxArray['values'] {
  if (type === 'uint8') return data.subarray(offset, offset + count);
  if (type === 'int8') return new Int8Array(data.buffer, data.byteOffset + offset, count);
  const out =
    type === 'int16'
      ? new Int16Array(count)
      : type === 'int32'
        ? new Int32Array(count)
        : type === 'float32'
          ? new Float32Array(count)
          : new Float64Array(count);
  const size = out.BYTES_PER_ELEMENT;
  for (let i = 0; i < count; i++) {
    const at = offset + i * size;
    out[i] =
      type === 'int16'
        ? view.getInt16(at, false)
        : type === 'int32'
          ? view.getInt32(at, false)
          : type === 'float32'
            ? view.getFloat32(at, false)
            : view.getFloat64(at, false);
  }
  return out;
}

/**
 * Reads an IDX file (the MNIST format), gzip or raw, into a tensor: integer types become int32,
 * float types float32.
 * @example
 * const images = readIdx(readFileSync('t10k-images-idx3-ubyte.gz'));
 * images.shape // [10000, 28, 28], int32 values 0..255
 */
export function readIdx(bytes: BytesLike): Tensor {
  const { shape, values } = parseIdx(bytes);
  const isFloat = values instanceof Float32Array || values instanceof Float64Array;
  return isFloat
    ? makeTensor(Float32Array.from(values), shape, 'float32')
    : makeTensor(toInt32(values), shape, 'int32');
}

/**
 * Copies integer values into a fresh Int32Array (47M MNIST pixels take about 0.1 s).
 * @example toInt32(new Uint8Array([255])) // Int32Array [255]
 */
export function toInt32(values: ArrayLike<number>): Int32Array {
  const out = new Int32Array(values.length);
  out.set(values);
  return out;
}
