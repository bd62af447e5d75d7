import { HornError } from '@horn/tensor';
import type { FileStore } from './store.js';

// Browser bundles swap node-store.js for this file (package.json "browser" field), so they never
// pull in node:fs. It is never called there: platformStore() picks the browser store first.

/**
 * The browser stand-in for the Node file store; calling it is an error.
 * @example createNodeStore() // throws: the Node file store is not available in a browser
 */
export function createNodeStore(): FileStore {
  throw new HornError('@horn/datasets: the Node file store is not available in a browser build');
}

/**
 * The browser stand-in for the Node cache folder; calling it is an error.
 * @example datasetsCacheDir() // throws in a browser
 */
export function datasetsCacheDir(): string {
  throw new HornError('@horn/datasets: there is no cache folder in a browser; files are kept in the Cache API');
}
