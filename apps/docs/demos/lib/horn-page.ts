/**
 * Loading Horn into a demo page: the facade picks and registers the fastest backend on import (a
 * top-level await), so the page imports it only in the browser, once, and shows the sentence of
 * `describeBackend`. A failure (no WebAssembly, a blocked fetch) becomes the page's message.
 */
import { backendFacts, describeBackend } from './backend-report.js';

/** The facade module and the sentence saying what it runs on. */
export interface HornPage {
  keras: typeof import('@horn/keras');
  backend: string;
}

let facade: Promise<typeof import('@horn/keras')> | null = null;

/**
 * Imports @horn/keras (once per page) and describes its backend in the page's language.
 * @example const { keras, backend } = await loadHorn('ko');
 */
export async function loadHorn(lang: 'en' | 'ko'): Promise<HornPage> {
  facade ??= import('@horn/keras');
  const keras = await facade;
  return { keras, backend: describeBackend(backendFacts(keras), lang) };
}
