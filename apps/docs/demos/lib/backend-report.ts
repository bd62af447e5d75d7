/**
 * What the demos run on, said in words: @horn/keras picks the backend on import (gpu with a hardware
 * GPU, else wasm SIMD, threads only where SharedArrayBuffer exists), and the page says which and why.
 */

/** What the page found: the facade's choice and its reasons, and the page's isolation. */
export interface BackendFacts {
  backend: string;
  wasmUnavailable: string | null;
  gpuUnavailable: string | null;
  crossOriginIsolated: boolean;
  sharedArrayBuffer: boolean;
  cores: number;
}

/** The facts of this page, from the imported facade and `globalThis`. */
export function backendFacts(keras: {
  defaultBackend(): string;
  wasmUnavailable: string | null;
  gpuUnavailable: string | null;
}): BackendFacts {
  const g = globalThis as { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } };
  return {
    backend: keras.defaultBackend(),
    wasmUnavailable: keras.wasmUnavailable,
    gpuUnavailable: keras.gpuUnavailable,
    crossOriginIsolated: g.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer !== 'undefined',
    cores: g.navigator?.hardwareConcurrency ?? 1,
  };
}

/** How many threads the wasm backend runs on with these facts (as `registerWasmBackend({ threads: true })`). */
export function wasmThreads(facts: BackendFacts): number {
  return facts.crossOriginIsolated && facts.sharedArrayBuffer ? Math.max(1, facts.cores) : 1;
}

/**
 * One sentence for the page, in English or Korean, naming the backend, its threads, and why not better.
 * @example
 * describeBackend({ backend: 'wasm', crossOriginIsolated: false, ... }, 'en')
 * // 'WebAssembly SIMD, 1 thread: this page is not cross-origin isolated, so there is no SharedArrayBuffer for worker threads.'
 */
export function describeBackend(facts: BackendFacts, lang: 'en' | 'ko'): string {
  const ko = lang === 'ko';
  if (facts.backend === 'gpu') return ko ? 'GPU (WebGL2, 하드웨어 GPU)' : 'GPU (WebGL2 on a hardware GPU)';
  if (facts.backend !== 'wasm') {
    const why = facts.wasmUnavailable ?? 'unknown';
    return ko
      ? `참조용 cpu 백엔드 (느림): WebAssembly SIMD를 쓸 수 없습니다 (${why})`
      : `the reference cpu backend (slow): WebAssembly SIMD is unavailable (${why})`;
  }
  const threads = wasmThreads(facts);
  if (threads > 1) {
    return ko
      ? `WebAssembly SIMD, 스레드 ${threads}개 (교차 출처 격리된 페이지)`
      : `WebAssembly SIMD, ${threads} threads (the page is cross-origin isolated)`;
  }
  if (!facts.crossOriginIsolated || !facts.sharedArrayBuffer) {
    return ko
      ? 'WebAssembly SIMD, 스레드 1개: 이 페이지는 교차 출처 격리(COOP/COEP)가 되어 있지 않아 작업 스레드에 쓸 SharedArrayBuffer가 없습니다.'
      : 'WebAssembly SIMD, 1 thread: this page is not cross-origin isolated (COOP/COEP), so there is no SharedArrayBuffer for worker threads.';
  }
  return ko ? 'WebAssembly SIMD, 스레드 1개 (코어 1개)' : 'WebAssembly SIMD, 1 thread (one core)';
}
