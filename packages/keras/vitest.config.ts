import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (name: string) => fileURLToPath(new URL(`../${name}/src/index.ts`, import.meta.url));
const packages = [
  'tensor',
  'autograd',
  'layers',
  'optimizers',
  'losses',
  'metrics',
  'datasets',
  'preprocessing',
  'models',
];

// The facade is tested against the packages' sources, so no build is needed first.
export default defineConfig({
  resolve: { alias: Object.fromEntries(packages.map((p) => [`@horn/${p}`, source(p)])) },
});
