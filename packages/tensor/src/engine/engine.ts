import { bytesPerElement, stringBytes } from '../dtype.js';
import { DisposedError, NotImplementedError, ValueError } from '../errors.js';
import { sizeOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import type { DataValues, DType, Shape, TypedArray } from '../types.js';
import type { Backend, KernelAttrs, KernelOutput, KernelTensor } from './backend.js';
import type { DataRef } from './data-ref.js';
import type { Recorder } from './recorder.js';
import { getKernel } from './registry.js';
import { runStringKernel, type StringKernelInput } from './string-kernels.js';

/**
 * Live tensors and bytes on one backend.
 * @example
 * const cpu: BackendMemory = memory().backends.cpu;
 * cpu.numTensors; // live tensors on cpu
 * cpu.numBytes; // their bytes (a float32 [3] tensor adds 12)
 */
export interface BackendMemory {
  numTensors: number;
  numDataBuffers: number;
  numBytes: number;
}

/**
 * What `memory()` reports.
 * @example
 * const before: MemoryInfo = memory();
 * const x = tensor([1, 2, 3]);
 * memory().numTensors - before.numTensors; // 1
 * memory().numBytes - before.numBytes; // 12
 * memory().fallbacks; // {}: no kernel fell back to cpu
 */
export interface MemoryInfo extends BackendMemory {
  /** Per backend name. */
  backends: Record<string, BackendMemory>;
  /** Kernels that ran on `cpu` because the active backend lacks them, with their counts. */
  fallbacks: Record<string, number>;
}

/**
 * One kernel run, as `profile()` reports it.
 * @example
 * const { kernels } = profile(() => tensor([1, 2]).add(1).square());
 * kernels.map((k: KernelProfile) => [k.name, k.backend, k.fallback, k.outputShapes]);
 * // [['Add', 'cpu', false, [[2]]], ['Square', 'cpu', false, [[2]]]]; k.ms is each kernel's time
 */
export interface KernelProfile {
  name: string;
  backend: string;
  fallback: boolean;
  ms: number;
  outputShapes: number[][];
}

/**
 * What `profile()` returns.
 * @example
 * const info: ProfileInfo<Tensor> = profile(() => tensor([1, 2]).add(1).square());
 * info.result.arraySync(); // [4, 9]
 * info.newTensors; // 4
 * info.peakBytes; // the most bytes live while fn ran (28 when nothing else is)
 */
export interface ProfileInfo<T> {
  result: T;
  kernels: KernelProfile[];
  newTensors: number;
  newBytes: number;
  peakBytes: number;
}

interface BackendEntry {
  factory: () => Backend;
  priority: number;
  instance?: Backend;
}

/**
 * A container of tensors: what tidy() returns and dispose() accepts.
 * @example
 * const [a, b] = tidy(() => [tensor([1]).add(1), tensor([2]).add(1)]); // arrays and records of tensors are kept
 * const { loss } = tidy(() => ({ loss: tensor([1, 2]).mean() }));
 * dispose([a, b, loss]);
 */
export type TensorContainer =
  | Tensor
  | null
  | undefined
  // biome-ignore lint/suspicious/noConfusingVoidType: tidy(() => { ... }) with no return value is the common case.
  | void
  | string
  | number
  | boolean
  | readonly TensorContainer[]
  | { readonly [key: string]: TensorContainer };

/**
 * The one engine: backends, kernel dispatch with fall-back to `cpu`, memory scopes and the
 * recorder hook. Users reach it through free functions (`tidy`, `memory`, `setBackend`).
 * @example
 * ENGINE.backendName; // 'cpu' (the active backend)
 * ENGINE.backendNames(); // ['cpu'] until another backend is registered
 */
export class Engine {
  private readonly backends = new Map<string, BackendEntry>();
  private activeName: string | null = null;
  private scopes: Set<Tensor>[] = [];
  private recorder: Recorder | null = null;
  private profiling: KernelProfile[] | null = null;
  private nextId = 0;
  private readonly perBackend = new Map<string, BackendMemory>();
  private readonly fallbackCounts = new Map<string, number>();
  private peakBytes = 0;
  private totalBytes = 0;
  private readonly finalizer = new FinalizationRegistry<{ ref: DataRef; backend: string }>((held) =>
    this.release(held.ref, held.backend),
  );

  registerBackend(name: string, factory: () => Backend, priority = 1): void {
    this.backends.set(name, { factory, priority });
  }

  removeBackend(name: string): void {
    if (name === 'cpu') throw new ValueError(`removeBackend: the cpu backend is the reference and cannot be removed`);
    this.backends.delete(name);
    if (this.activeName === name) this.activeName = null;
  }

  backendNames(): string[] {
    return [...this.backends.keys()];
  }

  backendInstance(name: string): Backend {
    const entry = this.backends.get(name);
    if (!entry) {
      throw new ValueError(`backend '${name}' is not registered; registered: ${this.backendNames().join(', ')}`);
    }
    entry.instance ??= entry.factory();
    return entry.instance;
  }

  setBackend(name: string): void {
    this.backendInstance(name);
    this.activeName = name;
  }

  get backend(): Backend {
    if (this.activeName === null) {
      const best = [...this.backends.entries()].sort((a, b) => b[1].priority - a[1].priority)[0];
      this.activeName = best[0];
    }
    return this.backendInstance(this.activeName);
  }

  get backendName(): string {
    return this.backend.name;
  }

  setRecorder(recorder: Recorder | null): Recorder | null {
    const previous = this.recorder;
    this.recorder = recorder;
    return previous;
  }

  /**
   * Makes a tensor that owns `values`, written to the active backend (or `backendName`).
   * String values always go to the cpu backend: no other backend holds strings.
   */
  makeTensor(values: DataValues, shape: Shape, dtype: DType, backendName?: string): Tensor {
    if (dtype === 'string') return this.fromHandle(this.backendInstance('cpu'), values, shape, dtype);
    const backend = backendName ? this.backendInstance(backendName) : this.backend;
    return this.fromHandle(backend, backend.write(values as never, shape, dtype), shape, dtype);
  }

  /** A tensor over a backend handle, counted and tracked by the current scope. */
  fromHandle(backend: Backend, handle: unknown, shape: Shape, dtype: DType): Tensor {
    const bytes = dtype === 'string' ? stringBytes(handle as string[]) : sizeOf(shape) * bytesPerElement(dtype);
    const ref: DataRef = { backend, handle, bytes, refCount: 0 };
    this.count(ref, 1, 1);
    return this.adopt(ref, shape, dtype, true);
  }

  /**
   * A new tensor over the same data as `t` (no copy), outside every scope: tidy() never disposes
   * it. Tapes and variables use this to keep the values they need.
   */
  retain(t: Tensor): Tensor {
    this.assertLive(t, 'retain');
    return this.adopt(t.ref, t.shape, t.dtype, false);
  }

  /** Points `target` at `source`'s data (a variable's assign), releasing what `target` held. */
  swapData(target: Tensor, source: Tensor): void {
    this.assertLive(source, 'assign');
    source.ref.refCount++;
    const old = target.ref;
    target.ref = source.ref;
    this.releaseData(old);
  }

  /** Registers a tensor made by a subclass constructor (a Variable) over shared data. */
  adoptExisting(t: Tensor): void {
    t.ref.refCount++;
    this.countTensor(t.ref.backend.name, 1);
    this.watch(t);
  }

  nextTensorId(): number {
    return this.nextId++;
  }

  private adopt(ref: DataRef, shape: Shape, dtype: DType, track: boolean): Tensor {
    ref.refCount++;
    const t = new Tensor(shape, dtype, ref);
    this.countTensor(ref.backend.name, 1);
    this.watch(t);
    if (track) this.scopes.at(-1)?.add(t);
    return t;
  }

  private watch(t: Tensor): void {
    if (!isGarbageCollected(t.ref.backend)) this.finalizer.register(t, { ref: t.ref, backend: t.ref.backend.name }, t);
  }

  private count(ref: DataRef, buffers: number, sign: 1 | -1): void {
    const m = this.memoryOf(ref.backend.name);
    m.numDataBuffers += buffers * sign;
    m.numBytes += ref.bytes * sign;
    this.totalBytes += ref.bytes * sign;
    if (this.totalBytes > this.peakBytes) this.peakBytes = this.totalBytes;
  }

  private countTensor(backend: string, delta: number): void {
    this.memoryOf(backend).numTensors += delta;
  }

  private memoryOf(backend: string): BackendMemory {
    let m = this.perBackend.get(backend);
    if (!m) this.perBackend.set(backend, (m = { numTensors: 0, numDataBuffers: 0, numBytes: 0 }));
    return m;
  }

  private release(ref: DataRef, backend: string): void {
    this.countTensor(backend, -1);
    this.releaseData(ref);
  }

  private releaseData(ref: DataRef): void {
    ref.refCount--;
    if (ref.refCount === 0) {
      ref.backend.disposeData(ref.handle);
      this.count(ref, 1, -1);
    }
  }

  /**
   * Holds a tensor alive for a tape: while held, dispose() and tidy() only mark it, and the
   * disposal happens at the last `unhold`. The tensor keeps its identity, which gradients of
   * gradients need.
   */
  hold(t: Tensor): void {
    t.holds++;
  }

  /** Releases a `hold`; disposes the tensor if a disposal was asked for meanwhile. */
  unhold(t: Tensor): void {
    t.holds--;
    if (t.holds === 0 && t.disposeRequested) this.disposeTensor(t);
  }

  disposeTensor(t: Tensor): void {
    if (t.isDisposed) return;
    if (t.holds > 0) {
      t.disposeRequested = true;
      return;
    }
    t.markDisposed();
    this.finalizer.unregister(t);
    this.release(t.ref, t.ref.backend.name);
  }

  assertLive(t: Tensor, op: string): void {
    if (t.isDisposed) throw new DisposedError(`${op}: tensor ${t.id} of shape [${t.shape.join(',')}] was disposed`);
  }

  /** A copy of the tensor's values: a typed array, or a `string[]` for a string tensor. */
  readSync(t: Tensor): DataValues {
    this.assertLive(t, 'dataSync');
    return t.ref.backend.readSync(t.ref.handle, t.dtype, t.size);
  }

  read(t: Tensor): Promise<DataValues> {
    this.assertLive(t, 'data');
    return t.ref.backend.read(t.ref.handle, t.dtype, t.size);
  }

  /** Runs a single-output kernel. */
  runKernel(name: string, inputs: Readonly<Record<string, Tensor>>, attrs: KernelAttrs = {}): Tensor {
    return this.runKernelMulti(name, inputs, attrs)[0];
  }

  /** Runs a kernel on the active backend, or on `cpu` when the active backend lacks it. */
  runKernelMulti(name: string, inputs: Readonly<Record<string, Tensor>>, attrs: KernelAttrs = {}): Tensor[] {
    if (Object.values(inputs).some((t) => t instanceof Tensor && t.dtype === 'string')) {
      return this.runOnStrings(name, inputs, attrs);
    }
    const active = this.backend;
    let target = active;
    let spec = getKernel(name, active.name);
    if (!spec) {
      target = this.backendInstance('cpu');
      spec = getKernel(name, 'cpu');
      if (!spec)
        throw new NotImplementedError(`kernel '${name}' is registered for no backend (active: ${active.name})`);
    }
    const fallback = target !== active;
    const kernelInputs: Record<string, KernelTensor<unknown>> = {};
    const temporaries: unknown[] = [];
    const sources = new Map<unknown, Tensor>();
    for (const key of Object.keys(inputs)) {
      const t = inputs[key];
      if (!(t instanceof Tensor)) throw new ValueError(`kernel '${name}': input '${key}' is not a Tensor`);
      this.assertLive(t, name);
      let handle = t.ref.handle;
      if (t.ref.backend !== target) {
        handle = target.write(t.ref.backend.readSync(t.ref.handle, t.dtype, t.size) as TypedArray, t.shape, t.dtype);
        temporaries.push(handle);
      } else {
        sources.set(handle, t);
      }
      kernelInputs[key] = { shape: t.shape, dtype: t.dtype, values: handle };
    }
    const started = this.profiling ? performance.now() : 0;
    const result = spec.run(kernelInputs, attrs, target);
    const produced: KernelOutput<unknown>[] = Array.isArray(result) ? result : [result];
    const outputs = produced.map((o) => this.outputTensor(o, target, active, sources, temporaries));
    for (const h of temporaries) target.disposeData(h);
    if (fallback) this.fallbackCounts.set(name, (this.fallbackCounts.get(name) ?? 0) + 1);
    if (this.profiling) {
      this.profiling.push({
        name,
        backend: target.name,
        fallback,
        ms: performance.now() - started,
        outputShapes: outputs.map((o) => [...o.shape]),
      });
    }
    this.recorder?.record({ name, inputs, attrs, outputs });
    return outputs;
  }

  /**
   * A kernel with string inputs runs on the cpu (where string data lives), string outputs stay
   * there, and numeric outputs (equal's bools) go to the active backend as any kernel's do.
   */
  private runOnStrings(name: string, inputs: Readonly<Record<string, Tensor>>, attrs: KernelAttrs): Tensor[] {
    const cpu = this.backendInstance('cpu');
    const read: Record<string, StringKernelInput> = {};
    for (const key of Object.keys(inputs)) {
      const t = inputs[key];
      this.assertLive(t, name);
      const values =
        t.ref.backend === cpu ? (t.ref.handle as DataValues) : t.ref.backend.readSync(t.ref.handle, t.dtype, t.size);
      read[key] = { shape: t.shape, dtype: t.dtype, values };
    }
    const outputs = runStringKernel(name, read, attrs, cpu).map((o) => this.makeTensor(o.values, o.shape, o.dtype));
    this.recorder?.record({ name, inputs, attrs, outputs });
    return outputs;
  }

  private outputTensor(
    o: KernelOutput<unknown>,
    target: Backend,
    active: Backend,
    sources: Map<unknown, Tensor>,
    temporaries: unknown[],
  ): Tensor {
    const shared = sources.get(o.values);
    if (shared) return this.adopt(shared.ref, o.shape, o.dtype, true);
    if (target === active) return this.fromHandle(target, o.values, o.shape, o.dtype);
    // A fall-back kernel ran on cpu: move its output to the active backend so data stays where the user expects.
    const values = target.readSync(o.values, o.dtype, sizeOf(o.shape)) as TypedArray;
    if (!temporaries.includes(o.values)) target.disposeData(o.values);
    return this.fromHandle(active, active.write(values, o.shape, o.dtype), o.shape, o.dtype);
  }

  tidy<T extends TensorContainer>(fn: () => T): T {
    const scope = new Set<Tensor>();
    this.scopes.push(scope);
    let result: T;
    try {
      result = fn();
      if (result instanceof Promise) {
        throw new ValueError('tidy: the function returned a Promise; tidy only takes synchronous functions');
      }
    } catch (e) {
      this.scopes.pop();
      for (const t of scope) if (!t.kept) this.disposeTensor(t);
      throw e;
    }
    this.scopes.pop();
    const returned = new Set<Tensor>();
    collectTensors(result, returned);
    const parent = this.scopes.at(-1);
    for (const t of scope) {
      if (returned.has(t)) parent?.add(t);
      else if (!t.kept) this.disposeTensor(t);
    }
    return result;
  }

  keep<T extends Tensor>(t: T): T {
    t.kept = true;
    return t;
  }

  dispose(container: TensorContainer): void {
    const found = new Set<Tensor>();
    collectTensors(container, found);
    for (const t of found) this.disposeTensor(t);
  }

  memory(): MemoryInfo {
    const info: MemoryInfo = { numTensors: 0, numDataBuffers: 0, numBytes: 0, backends: {}, fallbacks: {} };
    for (const [name, m] of this.perBackend) {
      info.backends[name] = { ...m };
      info.numTensors += m.numTensors;
      info.numDataBuffers += m.numDataBuffers;
      info.numBytes += m.numBytes;
    }
    for (const [name, n] of this.fallbackCounts) info.fallbacks[name] = n;
    return info;
  }

  profile<T>(fn: () => T): ProfileInfo<T> {
    const outer = this.profiling;
    const kernels: KernelProfile[] = [];
    this.profiling = kernels;
    const tensorsBefore = this.memory().numTensors;
    const bytesBefore = this.totalBytes;
    const peakBefore = this.peakBytes;
    this.peakBytes = this.totalBytes;
    try {
      const result = fn();
      return {
        result,
        kernels,
        newTensors: this.memory().numTensors - tensorsBefore,
        newBytes: this.totalBytes - bytesBefore,
        peakBytes: this.peakBytes,
      };
    } finally {
      outer?.push(...kernels);
      this.profiling = outer;
      this.peakBytes = Math.max(peakBefore, this.peakBytes);
    }
  }
}

function isGarbageCollected(backend: Backend): boolean {
  return backend.garbageCollected === true;
}

function collectTensors(container: unknown, into: Set<Tensor>): void {
  if (container instanceof Tensor) into.add(container);
  else if (Array.isArray(container)) for (const c of container) collectTensors(c, into);
  else if (container !== null && typeof container === 'object' && !ArrayBuffer.isView(container)) {
    for (const v of Object.values(container)) collectTensors(v, into);
  }
}
