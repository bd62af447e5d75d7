import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listBackends, setBackend as setHornBackend } from '@horn/tensor';
import type * as TF from '@tensorflow/tfjs';
import type { BackendName } from './args.js';
import type { ContenderId } from './measurement.js';
import { REPO_ROOT } from './paths.js';

/** The @tensorflow/tfjs module. */
export type Tfjs = typeof TF;

/** A contender that can run, or the reason it cannot. */
export type Availability = { ok: true } | { ok: false; reason: string };

/** The libraries of one bench process, loaded once: Horn is always there, TF.js on demand. */
export interface Libraries {
  /** Threads @horn/backend-wasm says it runs (when it says), once registered. */
  hornWasmThreads?: number;
  /** TF.js, once `load` asked for a tfjs contender. */
  tf?: Tfjs;
  available: Map<ContenderId, Availability>;
  /** Makes a contender's library and backend the active ones. */
  activate(id: ContenderId): Promise<void>;
}

/**
 * Imports @horn/backend-wasm and registers its backend. The package is found as a dependency of the
 * bench, or else as the built sibling `packages/backend-wasm/dist` of this workspace.
 * @example await loadHornWasm(2) // { ok: true, threads: 2 }
 */
export async function loadHornWasm(threads: number): Promise<Availability & { threads?: number }> {
  const sibling = pathToFileURL(join(REPO_ROOT, 'packages', 'backend-wasm', 'dist', 'index.js')).href;
  let mod: unknown;
  for (const specifier of ['@horn/backend-wasm', sibling]) {
    try {
      mod = await import(specifier);
      break;
    } catch {
      // Not a dependency, or not built yet: try the next place.
    }
  }
  if (mod === undefined) return { ok: false, reason: '@horn/backend-wasm is not installed or not built' };
  const register = (mod as { registerWasmBackend?: unknown }).registerWasmBackend;
  if (typeof register !== 'function') {
    return { ok: false, reason: '@horn/backend-wasm does not export registerWasmBackend() yet' };
  }
  try {
    const backend: unknown = await register({ threads });
    if (!listBackends().includes('wasm')) return { ok: false, reason: "registerWasmBackend() registered no 'wasm'" };
    setHornBackend('wasm');
    setHornBackend('cpu');
    return { ok: true, threads: reportedThreads(backend) };
  } catch (error) {
    return { ok: false, reason: `registerWasmBackend() failed: ${message(error)}` };
  }
}

/**
 * Imports @tensorflow/tfjs and @tensorflow/tfjs-backend-wasm, pointing the latter at its .wasm files
 * in node_modules (its default looks beside the page, which Node has not got). TF.js's wasm threads
 * need a browser's Web Workers, so in Node it runs the single-threaded SIMD build.
 * @example const tf = await loadTfjs(['cpu', 'wasm']);
 */
export async function loadTfjs(backends: readonly BackendName[]): Promise<{ tf: Tfjs; wasm: Availability }> {
  const tf = await import('@tensorflow/tfjs');
  let wasm: Availability = { ok: false, reason: 'not requested' };
  if (backends.includes('wasm')) {
    try {
      const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
      const require = createRequire(import.meta.url);
      setWasmPaths(`${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`);
      wasm = (await tf.setBackend('wasm')) ? { ok: true } : { ok: false, reason: 'tf.setBackend("wasm") failed' };
    } catch (error) {
      wasm = { ok: false, reason: `@tensorflow/tfjs-backend-wasm failed to load: ${message(error)}` };
    }
  }
  await tf.setBackend('cpu');
  return { tf, wasm };
}

/**
 * Loads what the contenders of the requested backends need and says which can run.
 * @example const libs = await loadLibraries(['cpu'], { horn: true, tfjs: true, wasmThreads: 2 });
 */
export async function loadLibraries(
  backends: readonly BackendName[],
  which: { horn: boolean; tfjs: boolean; wasmThreads: number },
): Promise<Libraries> {
  const available = new Map<ContenderId, Availability>();
  let tf: Tfjs | undefined;
  let hornWasmThreads: number | undefined;
  if (which.horn) {
    if (backends.includes('cpu')) available.set('horn-cpu', { ok: true });
    if (backends.includes('wasm')) {
      const { threads, ...availability } = await loadHornWasm(which.wasmThreads);
      available.set('horn-wasm', availability);
      hornWasmThreads = threads;
    }
  }
  if (which.tfjs) {
    const loaded = await loadTfjs(backends);
    tf = loaded.tf;
    if (backends.includes('cpu')) available.set('tfjs-cpu', { ok: true });
    if (backends.includes('wasm')) available.set('tfjs-wasm', loaded.wasm);
  }
  return {
    tf,
    hornWasmThreads,
    available,
    activate: async (id) => {
      const backend = id.endsWith('wasm') ? 'wasm' : 'cpu';
      if (id.startsWith('horn')) setHornBackend(backend);
      else if (tf !== undefined && tf.getBackend() !== backend) await tf.setBackend(backend);
    },
  };
}

/**
 * Loads and activates one contender alone, for a child process that measures it by itself (peak
 * RSS); throws when it cannot run here.
 * @example const libs = await loadContender('horn-wasm', 2);
 */
export async function loadContender(contender: ContenderId, wasmThreads: number): Promise<Libraries> {
  const horn = contender.startsWith('horn');
  const libs = await loadLibraries([contender.endsWith('wasm') ? 'wasm' : 'cpu'], { horn, tfjs: !horn, wasmThreads });
  const availability = libs.available.get(contender);
  if (availability === undefined || !availability.ok) {
    throw new Error(`${contender} is not available: ${availability?.ok === false ? availability.reason : ''}`);
  }
  await libs.activate(contender);
  return libs;
}

/** The thread count a backend object reports (`threads`, or its runner's: `parallel.threads`), if any. */
function reportedThreads(backend: unknown): number | undefined {
  const b = backend as { threads?: unknown; parallel?: { threads?: unknown } } | null;
  const n = b?.threads ?? b?.parallel?.threads;
  return typeof n === 'number' ? n : undefined;
}

/** An error's message, whatever was thrown. */
export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
