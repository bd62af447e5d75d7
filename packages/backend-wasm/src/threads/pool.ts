import { BINARY_EXPORTS, COMPARE_EXPORTS, type HornWasm, UNARY_EXPORTS } from '../wasm-exports.js';
import { SLOT_INTS, WORKER_SOURCE } from './worker-source.js';

/**
 * One call of a wasm export: its name and integer arguments (pointers, sizes, flags).
 * @example const call: WasmCall = ['reluF32', x, y, n]
 */
export type WasmCall = readonly [name: keyof HornWasm, ...args: number[]];

/**
 * Runs kernel work split into parts: part 0 on this thread, part i on worker i, all at once, and
 * returns when every part is done. Without workers it runs the parts one after another.
 * @example backend.parallel.run([[['gemm', ...argsTop]], [['gemm', ...argsBottom]]])
 */
export interface ParallelRunner {
  /** Threads available, this one included. */
  readonly threads: number;
  run(parts: readonly (readonly WasmCall[])[]): void;
  /** Stops the workers (the backend keeps working on one thread). */
  terminate(): void;
}

/**
 * The runner without workers: parts run in order on this thread.
 * @example serialRunner(wasm).run([[['reluF32', x, y, n]]])
 */
export function serialRunner(wasm: HornWasm): ParallelRunner {
  return {
    threads: 1,
    run: (parts) => {
      for (const part of parts) for (const call of part) callExport(wasm, call);
    },
    terminate: () => {},
  };
}

function callExport(wasm: HornWasm, [name, ...args]: WasmCall): void {
  (wasm[name] as (...a: number[]) => void)(...args);
}

interface WorkerHandle {
  terminate(): void;
}

/** The export names workers may call, in a fixed order (calls travel as indices). */
const CALLABLE: (keyof HornWasm)[] = [
  'gemm',
  'packB',
  'convGeometry',
  'im2col',
  'col2imAdd',
  'conv2dDirect',
  'convFilterGrad',
  'convFilterGradC1K3',
  'convInputGrad',
  'poolGeometry',
  'maxPoolF32',
  'maxPoolGradF32',
  'maxPoolGradTiledF32',
  'maxPool2x2F32',
  'maxPoolGrad2x2F32',
  'reluGradF32',
  'boolToF32',
  'i32ToF32',
  'f32ToBool',
  'sumRowsF64',
  'depthwiseConv2d',
  'depthwiseInputGrad',
  'depthwiseFilterGrad',
  'lstmCellF32',
  'lstmCellGradF32',
  ...Object.values(BINARY_EXPORTS),
  ...Object.values(COMPARE_EXPORTS),
  ...Object.values(UNARY_EXPORTS),
];

/**
 * Starts `threads - 1` workers over a shared memory (Node: worker_threads, loaded through a
 * dynamic import; browsers: Web Workers from a Blob URL) and returns the runner that drives them
 * through a control block of shared ints (Atomics.wait/notify).
 * @example const pool = await startWorkerPool(module, memory, wasm, 2);
 */
export async function startWorkerPool(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  wasm: HornWasm,
  threads: number,
): Promise<ParallelRunner> {
  const workers = threads - 1;
  const control = new SharedArrayBuffer(workers * SLOT_INTS * 4);
  const ctl = new Int32Array(control);
  const handles: WorkerHandle[] = await Promise.all(
    Array.from({ length: workers }, (_, slot) => spawn({ module, memory, control, slot, names: CALLABLE.map(String) })),
  );
  // The main thread of a browser page may not block: it spins instead.
  let canBlock = true;
  const waitFor = (index: number, value: number) => {
    let spins = 0;
    while (Atomics.load(ctl, index) !== value) {
      if (spins++ < 2000) continue;
      if (canBlock) {
        try {
          Atomics.wait(ctl, index, Atomics.load(ctl, index), 50);
        } catch {
          canBlock = false;
        }
      }
    }
  };
  let sequence = 0;
  let alive = true;
  return {
    threads,
    run(parts) {
      if (!alive || parts.length === 1) {
        for (const part of parts) for (const call of part) callExport(wasm, call);
        return;
      }
      if (parts.length > threads) throw new Error(`worker pool: ${parts.length} parts for ${threads} threads`);
      sequence = (sequence + 1) | 0;
      for (let w = 1; w < parts.length; w++) {
        const base = (w - 1) * SLOT_INTS;
        let at = base + 4;
        for (const [name, ...args] of parts[w]) {
          ctl[at] = CALLABLE.indexOf(name);
          ctl[at + 1] = args.length;
          for (let j = 0; j < args.length; j++) ctl[at + 2 + j] = args[j];
          at += 2 + args.length;
          if (at > base + SLOT_INTS) throw new Error('worker pool: job too long for its control slot');
        }
        ctl[base + 2] = parts[w].length;
        ctl[base + 3] = 0;
        Atomics.store(ctl, base, sequence);
        Atomics.notify(ctl, base);
      }
      for (const call of parts[0]) callExport(wasm, call);
      let failed = false;
      for (let w = 1; w < parts.length; w++) {
        const base = (w - 1) * SLOT_INTS;
        waitFor(base + 1, sequence);
        failed ||= ctl[base + 3] !== 0;
      }
      if (failed) throw new Error('@horn/backend-wasm: a kernel failed in a worker thread');
    },
    terminate() {
      if (!alive) return;
      alive = false;
      for (let w = 0; w < workers; w++) {
        const base = w * SLOT_INTS;
        ctl[base + 2] = -1;
        Atomics.add(ctl, base, 1);
        Atomics.notify(ctl, base);
      }
      for (const h of handles) h.terminate();
    },
  };
}

interface WorkerInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  slot: number;
  names: string[];
}

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

/** Starts one worker and resolves once it has instantiated the module. */
async function spawn(init: WorkerInit): Promise<WorkerHandle> {
  if (isNode()) {
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.postMessage(init);
    });
    worker.unref();
    return { terminate: () => void worker.terminate() };
  }
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(url);
  await new Promise<void>((resolve, reject) => {
    worker.onmessage = () => resolve();
    worker.onerror = (e) => reject(new Error(`worker pool: ${e.message}`));
    worker.postMessage(init);
  });
  URL.revokeObjectURL(url);
  return { terminate: () => worker.terminate() };
}

/**
 * How many threads the options and the platform allow: `true` means every core, and anything
 * above 1 needs SharedArrayBuffer (in browsers only on cross-origin isolated pages).
 * @example threadCount(true) // navigator.hardwareConcurrency or os.availableParallelism()
 */
export async function threadCount(option: boolean | number | undefined): Promise<number> {
  if (option === undefined || option === false) return 1;
  const g = globalThis as { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } };
  if (typeof SharedArrayBuffer === 'undefined') return 1;
  let cores = 1;
  if (isNode()) {
    const os = await import('node:os');
    cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  } else {
    if (g.crossOriginIsolated !== true) return 1;
    cores = g.navigator?.hardwareConcurrency ?? 1;
  }
  const wanted = option === true ? cores : Math.floor(option);
  return Math.max(1, Math.min(wanted, 64));
}
