import { pathToFileURL } from 'node:url';

/**
 * Runs `main` when the module is the program node was started with (`node dist/chapters/x.js`),
 * and not when a test imports it.
 * @example runIfMain(import.meta.url, main);
 */
export function runIfMain(moduleUrl: string, main: () => unknown): void {
  const entry = process.argv[1];
  if (entry && moduleUrl === pathToFileURL(entry).href) {
    Promise.resolve(main()).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
