import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The docs' own programs (snippets/) are tested against the packages' sources, so no build is
// needed first: every @horn/* package that has a src/index.ts is aliased to it.
const packages = fileURLToPath(new URL('../../packages/', import.meta.url));
const alias = Object.fromEntries(
  readdirSync(packages)
    .filter((name) => existsSync(`${packages}${name}/src/index.ts`))
    .map((name) => [`@horn/${name}`, `${packages}${name}/src/index.ts`]),
);

export default defineConfig({
  resolve: { alias },
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});
