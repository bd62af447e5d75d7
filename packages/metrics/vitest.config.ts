import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against the sources of sibling packages, so no build is needed first.
export default defineConfig({
  resolve: {
    alias: { '@horn/tensor': fileURLToPath(new URL('../tensor/src/index.ts', import.meta.url)) },
  },
});
