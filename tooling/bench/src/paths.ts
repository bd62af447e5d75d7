import { fileURLToPath } from 'node:url';

/** The root of the Horn workspace (this file is tooling/bench/{src,dist}/paths.*). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
