import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (name: string) => fileURLToPath(new URL(`../../packages/${name}/src/index.ts`, import.meta.url));

// Examples are tested against the packages' sources, so no build is needed first.
export default defineConfig({
  resolve: {
    alias: {
      '@horn/tensor': source('tensor'),
      '@horn/autograd': source('autograd'),
      '@horn/datasets': source('datasets'),
      '@horn/layers': source('layers'),
      '@horn/losses': source('losses'),
      '@horn/metrics': source('metrics'),
      '@horn/optimizers': source('optimizers'),
      '@horn/preprocessing': source('preprocessing'),
    },
  },
  test: { testTimeout: 60_000 },
});
