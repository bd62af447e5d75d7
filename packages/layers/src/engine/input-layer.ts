import type { KerasOptions } from '@horn/tensor';
import { type DType, normalizeOptions, type Tensor, ValueError } from '@horn/tensor';
import { Layer } from './layer.js';
import { Node, SymbolicTensor } from './symbolic.js';

/**
 * Options of {@link InputLayer}: one of `inputShape` / `batchInputShape` (alias `batchShape`).
 * @example
 * const layer = new InputLayer({ inputShape: [4], batchSize: 8, name: 'features' });
 * layer.batchInputShape; // [8, 4]
 * new InputLayer({ batchShape: [null, 3] }); // Keras 3's name
 */
export interface InputLayerConfig {
  /** The shape without the batch dimension (Keras `shape` / `input_shape`). */
  inputShape?: (number | null)[];
  /** The batch size when `inputShape` is given; default unknown (null). */
  batchSize?: number | null;
  /** The shape with the batch dimension (Keras 2 / TF.js `batch_input_shape`). */
  batchInputShape?: (number | null)[];
  /** Keras 3's name for `batchInputShape`. */
  batchShape?: (number | null)[];
  /** Keras 3's name for `inputShape` (`InputLayer(shape=...)`). */
  shape?: (number | null)[];
  /** The input's dtype; default `'float32'`. See {@link InputDType} for the TF dtypes mapped to Horn's. */
  dtype?: InputDType;
  /** Sparse inputs are not supported: only `false`. */
  sparse?: boolean;
  name?: string;
}

/**
 * The dtypes an input accepts: Horn's own (`'float32'`, `'int32'`, `'bool'`, `'string'`) and the TF /
 * Keras dtypes that TF.js' converter maps onto them: `'int64'`, `'int8'`, `'uint8'` become int32 and
 * `'float64'`, `'float16'` become float32 (values outside int32 / float32 range are not
 * representable). Any other dtype (`'complex64'`, `'uint32'`, ...) is refused by name.
 * @example Input({ shape: [10], dtype: 'int64' }).dtype // 'int32'
 */
export type InputDType = DType | 'int64' | 'int8' | 'uint8' | 'float64' | 'float16';

const DTYPES: Readonly<Record<InputDType, DType>> = {
  float32: 'float32',
  int32: 'int32',
  bool: 'bool',
  string: 'string',
  int64: 'int32',
  int8: 'int32',
  uint8: 'int32',
  float64: 'float32',
  float16: 'float32',
};

/**
 * Horn's dtype for an input dtype, or a ValueError naming the accepted ones.
 * @example inputDType('int64', 'Input') // 'int32'
 */
export function inputDType(dtype: unknown, op: string): DType {
  if (typeof dtype === 'string' && Object.hasOwn(DTYPES, dtype)) return DTYPES[dtype as InputDType];
  throw new ValueError(
    `${op}: dtype must be one of ${Object.keys(DTYPES).join(', ')} (int64, int8, uint8 are held as int32, float64 and float16 as float32, as TF.js does), got ${JSON.stringify(dtype)}`,
  );
}

function checkShape(shape: unknown, option: string): (number | null)[] {
  if (!Array.isArray(shape) || shape.some((d) => d !== null && !(Number.isInteger(d) && d >= 0))) {
    throw new ValueError(
      `InputLayer: ${option} must be an array of non-negative integers or nulls, got ${JSON.stringify(shape)}`,
    );
  }
  return [...shape];
}

function readShape(config: InputLayerConfig): (number | null)[] {
  const batchShape = config.batchInputShape ?? config.batchShape;
  if (batchShape !== undefined && batchShape !== null) {
    if (config.inputShape !== undefined && config.inputShape !== null) {
      throw new ValueError('InputLayer: give inputShape (shape) or batchInputShape (batchShape), not both');
    }
    return checkShape(batchShape, config.batchInputShape !== undefined ? 'batchInputShape' : 'batchShape');
  }
  if (config.inputShape === undefined || config.inputShape === null) {
    throw new ValueError(
      `InputLayer: an input needs a shape: pass shape (without the batch dimension) or batchShape, got ${JSON.stringify(config)}`,
    );
  }
  const batchSize = config.batchSize ?? null;
  if (batchSize !== null && !(Number.isInteger(batchSize) && batchSize >= 0)) {
    throw new ValueError(`InputLayer: batchSize must be a non-negative integer, got ${JSON.stringify(batchSize)}`);
  }
  return [batchSize, ...checkShape(config.inputShape, 'shape')];
}

/**
 * The entry point of a model graph (Keras' `InputLayer`): it has no weights, and its single node
 * outputs the symbolic tensor that `Input()` returns. Its config is
 * `{ batchInputShape, dtype, sparse: false, name }`, as Keras 2 / TF.js write it.
 * @example
 * const layer = new InputLayer({ inputShape: [28, 28, 1] });
 * layer.output.shape; // [null, 28, 28, 1]
 */
export class InputLayer extends Layer {
  static override readonly configKeys: readonly string[] = [
    'inputShape',
    'shape',
    'batchSize',
    'batchInputShape',
    'batchShape',
    'dtype',
    'sparse',
    'name',
  ];
  static override readonly className = 'InputLayer';
  /** The input's dtype, as Horn holds it (`'int64'` is held as `'int32'`, `'float64'` as `'float32'`). */
  readonly dtype: DType;
  /** The shape with the batch dimension. */
  readonly inputBatchShape: (number | null)[];

  constructor(config: KerasOptions<InputLayerConfig> = {}) {
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      throw new ValueError(
        `InputLayer: expected an options object, got ${JSON.stringify(config)}; Keras' InputLayer(shape) is new InputLayer({ inputShape: [...] }) here`,
      );
    }
    config = normalizeOptions('InputLayer', config, InputLayer.configKeys) as InputLayerConfig;
    if (config.shape !== undefined) {
      if (config.inputShape !== undefined) throw new ValueError('InputLayer: give inputShape or shape, not both');
      const { shape: inputShape, ...rest } = config;
      config = { ...rest, inputShape };
    }
    const shape = readShape(config);
    const dtype = inputDType(config.dtype ?? 'float32', 'InputLayer');
    if (config.sparse !== undefined && config.sparse !== false) {
      throw new ValueError(`InputLayer: sparse inputs are not supported; sparse must be false, got ${config.sparse}`);
    }
    super({ name: config.name, batchInputShape: shape });
    this.dtype = dtype;
    this.inputBatchShape = shape;
    this.built = true;
    const output = new SymbolicTensor(shape, dtype, this.name, this, 0, 0);
    this.inboundNodes.push(new Node({ outboundLayer: this, inputTensors: [], outputTensors: [output] }));
  }

  /** The symbolic tensor this layer feeds into the graph (what `Input()` returns). */
  override get output(): SymbolicTensor {
    return this.inboundNodes[0].outputTensors[0];
  }

  /** Passes the input through unchanged. */
  override call(inputs: Tensor | Tensor[]): Tensor | Tensor[] {
    return inputs;
  }

  override getConfig(): Record<string, unknown> {
    return { batchInputShape: [...this.inputBatchShape], dtype: this.dtype, sparse: false, name: this.name };
  }
}

/**
 * Options of {@link Input}.
 * @example
 * const x = Input({ shape: [28, 28, 1], batchSize: 32, dtype: 'float32', name: 'image' });
 * x.shape; // [32, 28, 28, 1]
 * Input({ batchShape: [null, 10], dtype: 'int32' }).shape; // [null, 10]
 */
export interface InputConfig {
  /** The shape without the batch dimension, e.g. `[28, 28, 1]`; `null` for unknown sizes. */
  shape?: (number | null)[];
  /** The shape with the batch dimension, instead of `shape`. */
  batchShape?: (number | null)[];
  /** The batch size with `shape`; default unknown. */
  batchSize?: number;
  /** Default `'float32'`; `'int64'`, `'int8'`, `'uint8'` are held as int32, `'float64'`, `'float16'` as float32 (as TF.js). */
  dtype?: InputDType;
  name?: string;
}

const INPUT_KEYS: readonly string[] = ['shape', 'batchShape', 'batchSize', 'dtype', 'name'];

/**
 * A symbolic model input (Keras' `keras.Input`): an InputLayer's output, to call layers on and
 * to pass to `new Model({ inputs, outputs })` or a Sequential.
 * @example
 * const x = Input({ shape: [28, 28, 1] });  // SymbolicTensor [null, 28, 28, 1]
 * const y = new Dense({ units: 10 }).apply(new Flatten().apply(x));
 */
export function Input(config: KerasOptions<InputConfig>): SymbolicTensor {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    const keras = Array.isArray(config)
      ? `; this looks like Keras' Input(shape): write Input({ shape: ${JSON.stringify(config)} })`
      : '';
    throw new ValueError(`Input: expected { shape } or { batchShape }, got ${JSON.stringify(config)}${keras}`);
  }
  const options = normalizeOptions('Input', config, INPUT_KEYS) as InputConfig;
  if (options.shape === undefined && options.batchShape === undefined) {
    throw new ValueError(
      `Input: pass shape (without the batch dimension, e.g. { shape: [28, 28, 1] }) or batchShape, got ${JSON.stringify(config)}`,
    );
  }
  const layer = new InputLayer({
    inputShape: options.shape,
    batchShape: options.batchShape,
    batchSize: options.batchSize,
    dtype: options.dtype,
    name: options.name,
  });
  return layer.output;
}
