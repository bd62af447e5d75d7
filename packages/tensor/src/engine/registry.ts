import type { KernelSpec } from './backend.js';

// biome-ignore lint/suspicious/noExplicitAny: the registry stores kernels of every handle and attribute type.
type AnyKernel = KernelSpec<any, any>;

const kernels = new Map<string, AnyKernel>();
const key = (name: string, backend: string) => `${backend}/${name}`;

/**
 * Registers a kernel for one (name, backend) pair, replacing any earlier one.
 * @example registerKernel({ name: 'Neg', backend: 'cpu', run: ({ x }) => ({ ...x, values: x.values.map((v) => -v) }) })
 */
export function registerKernel<H, A extends object>(spec: KernelSpec<H, A>): void {
  kernels.set(key(spec.name, spec.backend), spec as AnyKernel);
}

/**
 * Removes a kernel registration; returns whether one was there.
 * @example unregisterKernel('Neg', 'myBackend')
 */
export function unregisterKernel(name: string, backend: string): boolean {
  return kernels.delete(key(name, backend));
}

/**
 * The kernel registered for (name, backend), if any.
 * @example getKernel('MatMul', 'cpu')?.backend // 'cpu'
 */
export function getKernel(name: string, backend: string): AnyKernel | undefined {
  return kernels.get(key(name, backend));
}

/**
 * The names of all kernels registered for a backend.
 * @example kernelNames('cpu').includes('Add') // true
 */
export function kernelNames(backend: string): string[] {
  const prefix = `${backend}/`;
  return [...kernels.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
}
