import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against the sources of sibling packages, so no build is needed first.
// @horn/autograd is a dev dependency only: the gradient tests use it; the package never imports it.
export default defineConfig({
  resolve: {
    alias: {
      '@horn/tensor': fileURLToPath(new URL('../tensor/src/index.ts', import.meta.url)),
      '@horn/autograd': fileURLToPath(new URL('../autograd/src/index.ts', import.meta.url)),
    },
  },
});
