import { fileURLToPath } from 'node:url';

/**
 * The path of a file in the project's shared data folder (`../shared/data` beside the checkout),
 * from this source file or its built copy in dist/ (both sit three levels below the repo root).
 * @example sharedDataPath('fashion-mnist/subset-2000/x_test.npz')
 */
export function sharedDataPath(relative: string): string {
  return fileURLToPath(new URL(`../../../../../shared/data/${relative}`, import.meta.url));
}
