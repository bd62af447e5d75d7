// Compiles assembly/ into build/horn.wasm (SIMD, one thread) and build/horn-threads.wasm (SIMD on
// a shared memory, for the worker pool) with the AssemblyScript compiler from npm. Skips a flavour
// whose .wasm is newer than every source unless --force is given.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'assembly');
const out = join(root, 'build');
const force = process.argv.includes('--force');

const common = ['assembly/index.ts', '-O3', '--runtime', 'stub', '--noAssert', '--importMemory', '--enable', 'simd'];
const flavors = {
  'horn.wasm': [],
  // 65536 pages = 4 GiB, the wasm32 limit: the JS side picks the real maximum when it creates the memory.
  'horn-threads.wasm': ['--enable', 'threads', '--sharedMemory', '--maximumMemory', '65536'],
};

const newestSource = Math.max(
  statSync(join(root, 'scripts', 'build-wasm.mjs')).mtimeMs,
  ...readdirSync(sources).map((f) => statSync(join(sources, f)).mtimeMs),
);
mkdirSync(out, { recursive: true });
for (const [file, extra] of Object.entries(flavors)) {
  const target = join(out, file);
  let stale = true;
  try {
    stale = force || statSync(target).mtimeMs < newestSource;
  } catch {}
  if (!stale) continue;
  const started = Date.now();
  // Written to a temporary file and renamed: turbo may run this package's build and its tests
  // (whose setup calls this script) at once, and a reader must never see half a file.
  const { error, stderr } = await asc.main([...common, ...extra, '-o', target], {
    stdout: process.stdout,
    writeFile(name, contents, baseDir) {
      const path = resolve(baseDir, name);
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, contents);
      renameSync(temporary, path);
    },
  });
  if (error) {
    console.error(stderr.toString());
    console.error(`asc failed for ${file}: ${error.message}`);
    process.exit(1);
  }
  console.log(`built ${file} in ${Date.now() - started} ms`);
}
