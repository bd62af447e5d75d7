import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (pkg: string) => fileURLToPath(new URL(`../${pkg}/src/index.ts`, import.meta.url));

// Tests run against the sources of sibling packages, so no build is needed first.
export default defineConfig({
  resolve: {
    alias: {
      '@horn/tensor': source('tensor'),
      '@horn/autograd': source('autograd'),
      '@horn/layers': source('layers'),
      '@horn/optimizers': source('optimizers'),
      '@horn/losses': source('losses'),
      '@horn/metrics': source('metrics'),
      '@horn/datasets': source('datasets'),
      '@horn/preprocessing': source('preprocessing'),
    },
  },
  test: { testTimeout: 60_000 },
});
