import { type Tensor, ValueError } from '@horn/tensor';
import type { WeightSpec } from './artifacts.js';
import { ModelFileError } from './errors.js';

/**
 * A weight to write: its manifest name, its value and (for optimizer state) its group.
 * @example
 * const weights: NamedWeight[] = [
 *   { name: 'dense/kernel', tensor: tensor([[1], [2]]) },
 *   { name: 'iter', tensor: tensor(3, [], 'int32'), group: 'optimizer' },
 * ];
 * const { data, specs } = encodeWeights(weights);
 * data.byteLength; // 12
 * specs[1]; // { name: 'iter', shape: [], dtype: 'int32', group: 'optimizer' }
 */
export interface NamedWeight {
  name: string;
  tensor: Tensor;
  group?: string;
}

/** A weight read from the weight data: its spec and its values (not yet a tensor). */
export interface DecodedWeight {
  spec: WeightSpec & { dtype: 'float32' | 'int32' };
  values: Float32Array | Int32Array;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// model.json's weights are little-endian; a big-endian platform swaps each 4-byte word.
function swapWords(bytes: Uint8Array): void {
  if (LITTLE_ENDIAN) return;
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const [a, b] = [bytes[i], bytes[i + 1]];
    bytes[i] = bytes[i + 3];
    bytes[i + 1] = bytes[i + 2];
    bytes[i + 2] = b;
    bytes[i + 3] = a;
  }
}

/**
 * The weight data and specs of named weights, as TF.js' `io.encodeWeights`: the values one after
 * the other (float32 or int32, 4 bytes each, little-endian), and one spec per weight. Names must
 * be unique; bool tensors are rejected.
 * @example encodeWeights([{ name: 'dense/bias', tensor: zeros([2]) }]).data.byteLength // 8
 */
export function encodeWeights(weights: readonly NamedWeight[]): { data: ArrayBuffer; specs: WeightSpec[] } {
  const names = new Set<string>();
  let total = 0;
  for (const { name, tensor } of weights) {
    if (names.has(name)) throw new ValueError(`encodeWeights: two weights are named '${name}'; names must be unique`);
    names.add(name);
    if (tensor.dtype !== 'float32' && tensor.dtype !== 'int32') {
      throw new ValueError(`encodeWeights: weight '${name}' is ${tensor.dtype}; only float32 and int32 can be saved`);
    }
    total += tensor.size * 4;
  }
  const bytes = new Uint8Array(total);
  const specs: WeightSpec[] = [];
  let offset = 0;
  for (const { name, tensor, group } of weights) {
    const values = tensor.dataSync();
    const typed = tensor.dtype === 'int32' ? Int32Array.from(values) : Float32Array.from(values);
    bytes.set(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength), offset);
    offset += typed.byteLength;
    specs.push({ name, shape: [...tensor.shape], dtype: tensor.dtype, ...(group ? { group } : {}) });
  }
  swapWords(bytes);
  return { data: bytes.buffer, specs };
}

/**
 * Checks weight specs (names, shapes, dtypes) and the weight data's length against them, then
 * splits the data into one typed array per spec. Every problem throws a ModelFileError that names
 * `source` (the files read) before any value is used: a short or long buffer, a duplicate name, a
 * bad shape, a dtype other than float32/int32, quantized weights.
 * @example decodeWeights(data, [{ name: 'dense/bias', shape: [2], dtype: 'float32' }], 'model.json')[0].values
 */
export function decodeWeights(
  data: ArrayBuffer | Uint8Array,
  specs: readonly WeightSpec[],
  source: string,
): DecodedWeight[] {
  const expected = weightDataBytes(specs, source);
  if (data.byteLength !== expected) {
    const which = data.byteLength < expected ? 'short' : 'long';
    throw new ModelFileError(
      `${source}: the weight data is too ${which}: the manifest's ${specs.length} weights need ${expected} bytes, the shards hold ${data.byteLength}`,
    );
  }
  // A copy: the typed arrays handed out own their memory, and the byte order can be fixed in place.
  const bytes = data instanceof Uint8Array ? data.slice() : new Uint8Array(data.slice(0));
  swapWords(bytes);
  let offset = 0;
  return specs.map((spec) => {
    const n = sizeOf(spec.shape);
    const values =
      spec.dtype === 'int32' ? new Int32Array(bytes.buffer, offset, n) : new Float32Array(bytes.buffer, offset, n);
    offset += n * 4;
    return { spec: spec as DecodedWeight['spec'], values };
  });
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/**
 * Checks weight specs (a name each, unique; shapes of non-negative integers; dtype float32 or
 * int32; no quantization) and returns the bytes their values take. Throws a ModelFileError naming
 * `source` and the weight.
 * @example weightDataBytes([{ name: 'dense/kernel', shape: [3, 2], dtype: 'float32' }], 'model.json') // 24
 */
export function weightDataBytes(specs: readonly WeightSpec[], source: string): number {
  if (!Array.isArray(specs))
    throw new ModelFileError(`${source}: the weights manifest must list weights, got ${typeof specs}`);
  const names = new Set<string>();
  specs.forEach((spec, i) => {
    const where = `${source}: weight ${i}`;
    if (spec === null || typeof spec !== 'object') throw new ModelFileError(`${where} must be an object, got ${spec}`);
    if (typeof spec.name !== 'string' || spec.name === '') {
      throw new ModelFileError(`${where} needs a name, got ${JSON.stringify(spec.name)}`);
    }
    const label = `${source}: weight '${spec.name}'`;
    if (names.has(spec.name)) throw new ModelFileError(`${label} is listed twice in the weights manifest`);
    names.add(spec.name);
    if (!Array.isArray(spec.shape) || !spec.shape.every((d: unknown) => Number.isInteger(d) && (d as number) >= 0)) {
      throw new ModelFileError(
        `${label}: shape must be a list of non-negative integers, got ${JSON.stringify(spec.shape)}`,
      );
    }
    if (spec.quantization !== undefined && spec.quantization !== null) {
      throw new ModelFileError(
        `${label} is quantized (${JSON.stringify(spec.quantization)}); Horn reads float32 and int32 weights only`,
      );
    }
    if (spec.dtype !== 'float32' && spec.dtype !== 'int32') {
      throw new ModelFileError(
        `${label} has dtype ${JSON.stringify(spec.dtype)}; Horn reads 'float32' and 'int32' weights only`,
      );
    }
  });
  return specs.reduce((n, s) => n + sizeOf(s.shape) * 4, 0);
}
