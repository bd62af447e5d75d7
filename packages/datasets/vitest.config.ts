import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against the tensor sources, so they do not depend on a fresh build of @horn/tensor.
export default defineConfig({
  resolve: {
    alias: { '@horn/tensor': fileURLToPath(new URL('../tensor/src/index.ts', import.meta.url)) },
  },
  // Full-MNIST reads and the local download server take seconds alone and far longer on a loaded 2-core machine.
  test: { testTimeout: 120_000 },
});
