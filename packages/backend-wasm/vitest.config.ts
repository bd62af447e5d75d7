import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against the sources of sibling packages, so no build of them is needed first; the
// global setup compiles the .wasm this package's sources load (when assembly/ changed).
export default defineConfig({
  resolve: {
    alias: {
      '@horn/tensor': fileURLToPath(new URL('../tensor/src/index.ts', import.meta.url)),
      '@horn/autograd': fileURLToPath(new URL('../autograd/src/index.ts', import.meta.url)),
      '@horn/layers': fileURLToPath(new URL('../layers/src/index.ts', import.meta.url)),
    },
  },
  test: {
    globalSetup: ['./test/build-wasm.ts'],
    testTimeout: 60_000,
  },
});
