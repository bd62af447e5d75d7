import type { Tensor } from '../tensor.js';
import type { Backend, KernelAttrs } from './backend.js';
import type { MemoryInfo, ProfileInfo, TensorContainer } from './engine.js';
import { ENGINE } from './global.js';
import type { Recorder } from './recorder.js';

/**
 * Runs `fn` and disposes every tensor it created except those it returns (and those `keep`-ed).
 * @example
 * const y = tidy(() => tensor([1, 2]).mul(2).add(1)); // the intermediate product is freed
 */
export function tidy<T extends TensorContainer>(fn: () => T): T {
  return ENGINE.tidy(fn);
}

/**
 * Protects a tensor from every enclosing `tidy()`.
 * @example tidy(() => { keep(tensor([1])); })
 */
export function keep<T extends Tensor>(t: T): T {
  return ENGINE.keep(t);
}

/**
 * Disposes a tensor, or every tensor in an array or object.
 * @example dispose([a, b]);
 */
export function dispose(container: TensorContainer): void {
  ENGINE.dispose(container);
}

/**
 * Live tensors and bytes, in total and per backend, and kernels that fell back to cpu.
 * @example memory().numTensors
 */
export function memory(): MemoryInfo {
  return ENGINE.memory();
}

/**
 * Runs `fn` and reports every kernel it ran (name, backend, fall-back, time), new tensors and peak bytes.
 * @example profile(() => matmul(a, b)).kernels[0].name // 'BatchMatMul'
 */
export function profile<T>(fn: () => T): ProfileInfo<T> {
  return ENGINE.profile(fn);
}

/**
 * Makes a registered backend the active one: new tensors and kernels go there.
 * @example setBackend('cpu')
 */
export function setBackend(name: string): void {
  ENGINE.setBackend(name);
}

/**
 * The active backend's name.
 * @example getBackend() // 'cpu'
 */
export function getBackend(): string {
  return ENGINE.backendName;
}

/**
 * Registers a backend under a name; the highest priority is active until `setBackend` picks one.
 * @example registerBackend('mine', () => new MyBackend(), 2)
 */
export function registerBackend(name: string, factory: () => Backend, priority = 1): void {
  ENGINE.registerBackend(name, factory, priority);
}

/**
 * Removes a registered backend (not `cpu`).
 * @example removeBackend('mine')
 */
export function removeBackend(name: string): void {
  ENGINE.removeBackend(name);
}

/**
 * The names of the registered backends.
 * @example listBackends() // ['cpu']
 */
export function listBackends(): string[] {
  return ENGINE.backendNames();
}

/**
 * The instance of a registered backend, created on first use.
 * @example getBackendInstance('cpu').name // 'cpu'
 */
export function getBackendInstance(name: string): Backend {
  return ENGINE.backendInstance(name);
}

/**
 * Installs the recorder the engine tells about every kernel it runs; returns the previous one.
 * Autograd uses this; most code never needs it.
 * @example const previous = setRecorder({ record: (r) => console.log(r.name) });
 */
export function setRecorder(recorder: Recorder | null): Recorder | null {
  return ENGINE.setRecorder(recorder);
}

/**
 * Dispatches a kernel by name on the active backend (or cpu when it lacks the kernel).
 * Ops call this after validating their arguments.
 * @example runKernel('Add', { a, b })
 */
export function runKernel(name: string, inputs: Readonly<Record<string, Tensor>>, attrs?: KernelAttrs): Tensor {
  return ENGINE.runKernel(name, inputs, attrs);
}

/**
 * Like `runKernel`, for kernels with several outputs.
 * @example const [values, indices] = runKernelMulti('TopK', { x }, { k: 2 });
 */
export function runKernelMulti(name: string, inputs: Readonly<Record<string, Tensor>>, attrs?: KernelAttrs): Tensor[] {
  return ENGINE.runKernelMulti(name, inputs, attrs);
}
