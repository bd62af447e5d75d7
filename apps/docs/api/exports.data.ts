import { hornPackages, type PackageInfo } from '../lib/exports.js';

/** Every `@horn/*` package with what its `src/index.ts` exports, read at build time. */
export type ExportsData = Record<string, PackageInfo>;

declare const data: ExportsData;

export { data };

export default {
  watch: ['../../../packages/*/src/**/*.ts'],
  load(): ExportsData {
    return Object.fromEntries(hornPackages());
  },
};
