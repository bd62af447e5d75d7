import { registerBackend, registerKernel, setBackend, ValueError } from '@horn/tensor';
import { WasmBackend } from './backend.js';
import { wasmKernels } from './kernels/kernel-list.js';
import { loadWasmModule } from './load-module.js';
import { startWorkerPool, threadCount } from './threads/pool.js';
import type { HornWasm } from './wasm-exports.js';

/**
 * Options of {@link registerWasmBackend}.
 * @example await registerWasmBackend({ threads: 2, maxMemoryMiB: 1024 })
 */
export interface WasmBackendOptions {
  /**
   * Worker threads for GEMM and convolutions (including this one): `true` for every core,
   * a number, or `false`/1 for none. Needs SharedArrayBuffer (always in Node; in browsers only
   * when the page is cross-origin isolated; elsewhere it quietly runs on one thread). The work is
   * split only where it pays: waking a worker costs tens of microseconds. Default: false.
   */
  threads?: boolean | number;
  /** Priority among backends; the highest is active until `setBackend`. Default 2 (cpu is 0). */
  priority?: number;
  /**
   * The most memory the heap may grow to, in MiB: 16 to 4096 (the wasm32 limit). Default 4096.
   * Where the runtime cannot reserve that much (some browsers), it falls back to 2048.
   */
  maxMemoryMiB?: number;
  /**
   * Make `wasm` the active backend now (`setBackend('wasm')`), even if tensors were already made
   * on `cpu`. Default true; with false, priority decides only if no backend was active yet.
   */
  activate?: boolean;
}

let registered: Promise<WasmBackend> | null = null;

/**
 * Loads the WebAssembly module and registers the `wasm` backend and its kernels (an explicit call:
 * importing the package registers nothing), and makes it the active backend (see `activate`).
 * Kernels it lacks run on `cpu` through the engine. Calling it again returns the first
 * registration's backend (its options win).
 * @example
 * import { registerWasmBackend } from '@horn/backend-wasm';
 * await registerWasmBackend();
 * getBackend(); // 'wasm'
 */
export function registerWasmBackend(options: WasmBackendOptions = {}): Promise<WasmBackend> {
  registered ??= create(options).catch((e: unknown) => {
    registered = null;
    throw e;
  });
  return registered;
}

async function create(options: WasmBackendOptions): Promise<WasmBackend> {
  const maxPages = maxMemoryPages(options.maxMemoryMiB);
  const threads = await threadCount(options.threads);
  const module = await loadWasmModule(threads > 1 ? 'threads' : 'simd');
  const { memory, maximumPages } = createMemory(maxPages, threads > 1);
  const instance = await WebAssembly.instantiate(module, { env: { memory, abort: wasmAbort } });
  const wasm = instance.exports as unknown as HornWasm;
  const pool = threads > 1 ? await startWorkerPool(module, memory, wasm, threads) : undefined;
  const backend = new WasmBackend(wasm, memory, pool, maximumPages * PAGE);
  for (const spec of wasmKernels()) registerKernel(spec);
  registerBackend('wasm', () => backend, options.priority ?? 2);
  if (options.activate ?? true) setBackend('wasm');
  return backend;
}

const PAGE = 65536;
const INITIAL_PAGES = 256;

/** The memory's maximum in pages from `maxMemoryMiB` (validated: 16 MiB to 4 GiB). */
function maxMemoryPages(mib: number | undefined): number {
  if (mib === undefined) return 65536;
  if (typeof mib !== 'number' || !Number.isFinite(mib) || mib < 16 || mib > 4096) {
    throw new ValueError(
      `registerWasmBackend: maxMemoryMiB must be a number from 16 to 4096 (the wasm32 limit), got ${String(mib)}`,
    );
  }
  return Math.floor((mib * 2 ** 20) / PAGE);
}

/** The memory, with its maximum: 2 GiB where the runtime cannot reserve more. */
function createMemory(maxPages: number, shared: boolean): { memory: WebAssembly.Memory; maximumPages: number } {
  for (const maximum of maxPages > 32768 ? [maxPages, 32768] : [maxPages]) {
    try {
      return { memory: new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum, shared }), maximumPages: maximum };
    } catch (e) {
      if (maximum <= 32768) throw e;
    }
  }
  throw new ValueError(`registerWasmBackend: cannot create a wasm memory of at most ${maxPages} pages`);
}

function wasmAbort(): never {
  throw new Error('@horn/backend-wasm: the WebAssembly module aborted');
}
