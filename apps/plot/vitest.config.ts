import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tested against @horn/tensor's sources, so no build is needed first.
export default defineConfig({
  resolve: {
    alias: { '@horn/tensor': fileURLToPath(new URL('../../packages/tensor/src/index.ts', import.meta.url)) },
  },
  test: { testTimeout: 30_000 },
});
