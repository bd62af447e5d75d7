import type { DataValues, DType, Shape, TypedArray } from '../types.js';

/**
 * A place where tensor data lives and kernels run: the reference `cpu` backend, the wasm heap,
 * GPU textures. `H` is the backend's own handle to one tensor's data.
 * @example
 * const cpu = getBackendInstance('cpu');
 * const handle = cpu.write(new Float32Array([1, 2]), [2], 'float32');
 * cpu.readSync(handle); // Float32Array [1, 2]
 */
export interface Backend<H = unknown> {
  /** The name kernels are registered under (`'cpu'`, `'wasm'`, `'gpu'`). */
  readonly name: string;
  /** True when the data is plain JavaScript memory that the garbage collector frees (cpu). */
  readonly garbageCollected?: boolean;
  /** Stores values and returns a handle to them. The backend may keep `values` as they are. */
  write(values: TypedArray, shape: Shape, dtype: DType): H;
  /** Reads a handle's values back synchronously; throws where only `read` can work (WebGPU). */
  readSync(handle: H, dtype: DType, size: number): DataValues;
  /** Reads a handle's values back. */
  read(handle: H, dtype: DType, size: number): Promise<DataValues>;
  /** Frees a handle's storage. Called once, when the last tensor sharing it is disposed. */
  disposeData(handle: H): void;
}

/**
 * One kernel input or output as the kernel sees it: its shape, dtype and backend handle.
 * @example
 * // A kernel reads its inputs as KernelTensors, by input name:
 * registerKernel({
 *   name: 'Neg', backend: 'cpu',
 *   run: ({ x }: Record<string, KernelTensor>) => ({ values: x.values.map((v) => -v), shape: x.shape, dtype: x.dtype }),
 * });
 */
export interface KernelTensor<H = TypedArray> {
  readonly shape: Shape;
  readonly dtype: DType;
  readonly values: H;
}

/**
 * What a kernel returns for each output. Returning an input's `values` shares its data (no copy).
 * @example
 * // What a kernel's run returns: the result's values, shape and dtype.
 * registerKernel({
 *   name: 'Relu', backend: 'cpu',
 *   run: ({ x }): KernelOutput => ({ values: x.values.map((v) => Math.max(v, 0)), shape: x.shape, dtype: x.dtype }),
 * });
 */
export interface KernelOutput<H = TypedArray> {
  shape: Shape;
  dtype: DType;
  values: H;
}

/**
 * Attributes passed to a kernel: plain, JSON-like options.
 * @example
 * const attrs: KernelAttrs = { transposeA: false, transposeB: true };
 * runKernel('BatchMatMul', { a: tensor([[1, 2]]), b: tensor([[3, 4]]) }, attrs).arraySync(); // [[11]]
 */
export type KernelAttrs = Readonly<Record<string, unknown>>;

/**
 * A kernel implementation for one (kernel name, backend) pair.
 * @example
 * registerKernel({
 *   name: 'Relu', backend: 'cpu',
 *   run: ({ x }) => ({ values: x.values.map((v) => Math.max(v, 0)), shape: x.shape, dtype: x.dtype }),
 * });
 */
export interface KernelSpec<H = TypedArray, A extends object = KernelAttrs> {
  readonly name: string;
  readonly backend: string;
  run(
    inputs: Readonly<Record<string, KernelTensor<H>>>,
    attrs: A,
    backend: Backend<H>,
  ): KernelOutput<H> | KernelOutput<H>[];
}
