/**
 * The compiled module file: single-threaded, or built for a shared memory and worker threads.
 * @example await loadWasmModule('threads')
 */
export type WasmFlavor = 'simd' | 'threads';

const FILES: Record<WasmFlavor, string> = { simd: 'horn.wasm', threads: 'horn-threads.wasm' };

/**
 * Where a flavour's `.wasm` lies: `build/` beside `src/` and `dist/`, so the sources (in tests)
 * and the published JavaScript find the same file. Bundlers understand this `new URL` form.
 * @example wasmUrl('simd').pathname.endsWith('/build/horn.wasm') // true
 */
export function wasmUrl(flavor: WasmFlavor): URL {
  return flavor === 'simd'
    ? new URL('../build/horn.wasm', import.meta.url)
    : new URL('../build/horn-threads.wasm', import.meta.url);
}

/** True in Node.js (and Node-compatible runtimes), where the file is read from disk. */
function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

/**
 * Compiles one flavour of the module: from the file next to the JavaScript in Node (through a
 * dynamic import, so browsers never see `node:fs`), with `fetch` elsewhere.
 * @example const module = await loadWasmModule('simd');
 */
export async function loadWasmModule(flavor: WasmFlavor): Promise<WebAssembly.Module> {
  const url = wasmUrl(flavor);
  if (isNode()) {
    const { readFile } = await import('node:fs/promises');
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readFile(url);
    } catch (e) {
      throw new Error(
        `@horn/backend-wasm: cannot read ${FILES[flavor]} at ${url.pathname}; build the package first ` +
          `(pnpm --filter @horn/backend-wasm build): ${(e as Error).message}`,
      );
    }
    return WebAssembly.compile(bytes);
  }
  const response = fetch(url);
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(response);
    } catch {
      // A server that does not send application/wasm: fall back to the bytes.
    }
  }
  return WebAssembly.compile(await (await fetch(url)).arrayBuffer());
}
