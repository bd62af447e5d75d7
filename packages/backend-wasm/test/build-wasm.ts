import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Vitest global setup: compile assembly/ into build/*.wasm (a no-op when the files are fresh). */
export default function setup(): void {
  const script = fileURLToPath(new URL('../scripts/build-wasm.mjs', import.meta.url));
  execFileSync(process.execPath, [script], { stdio: 'inherit' });
}
