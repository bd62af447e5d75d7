import { ValueError } from '@horn/tensor';
import type { IOHandler } from './artifacts.js';
import { browserDownloads } from './downloads-handler.js';
import { type FileSystemHandlerOptions, fileSystemHandler } from './file-handler.js';
import { httpLoadHandler } from './http-handler.js';
import { browserIndexedDB } from './indexeddb-handler.js';
import { refuseKerasArchive } from './keras-archive-paths.js';

/** Whether this runtime has Node's file system (Node, Deno and Bun do; browsers do not). */
function hasFileSystem(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

/**
 * The directory of a `'file://'` URL or a plain path: `'file://./model'` -> `'./model'`,
 * `'file:///tmp/model'` -> `'/tmp/model'`.
 * @example filePath('file://./mnist-cnn') // './mnist-cnn'
 */
export function filePath(url: string): string {
  return url.startsWith('file://') ? url.slice('file://'.length) : url;
}

/**
 * The IOHandler for where a model goes or comes from: an IOHandler object is used as is (Horn's or
 * TF.js' `tf.io` handlers alike); `'file://path'` and plain paths are directories in Node;
 * `'http(s)://.../model.json'` loads over fetch; in the browser `'indexeddb://name'` saves and loads
 * (TF.js' layout) and `'downloads://name'` saves as two downloaded files. `'localstorage://'` is not
 * supported (its 5 MB limit is too small for most models): use IndexedDB. Paths and URLs ending in
 * `.keras` (the Keras 3 zip format) or `.h5` / `.hdf5` are refused with a NotImplementedError
 * that says what to use instead.
 * @example resolveHandler('file://./mnist-cnn', 'save').save!(artifacts)
 */
export function resolveHandler(
  pathOrHandler: string | IOHandler,
  purpose: 'save' | 'load',
  options: FileSystemHandlerOptions = {},
): IOHandler {
  const caller = purpose === 'save' ? 'saveModel' : 'loadModel';
  if (typeof pathOrHandler === 'object' && pathOrHandler !== null) {
    if (typeof pathOrHandler[purpose] !== 'function') {
      throw new ValueError(`${caller}: the IOHandler has no ${purpose}() method`);
    }
    return pathOrHandler;
  }
  if (typeof pathOrHandler !== 'string' || pathOrHandler === '') {
    throw new ValueError(`${caller}: expected a path, a URL or an IOHandler, got ${JSON.stringify(pathOrHandler)}`);
  }
  const url = pathOrHandler;
  if (url.startsWith('indexeddb://')) return browserIndexedDB(url.slice('indexeddb://'.length));
  if (url.startsWith('downloads://')) {
    if (purpose === 'load') {
      throw new ValueError(`${caller}: 'downloads://' can only save; load the downloaded files by path or URL`);
    }
    return browserDownloads(url.slice('downloads://'.length) || undefined);
  }
  if (url.startsWith('localstorage://')) {
    throw new ValueError(
      `${caller}: 'localstorage://' is not supported (too small for most models); use 'indexeddb://'`,
    );
  }
  if (/^https?:\/\//.test(url)) {
    refuseKerasArchive(url, caller, purpose);
    if (purpose === 'save') {
      throw new ValueError(`${caller}: saving over HTTP is not supported; save to a directory or pass an IOHandler`);
    }
    return httpLoadHandler(url, { maxWeightBytes: options.maxWeightBytes, timeoutMs: options.timeoutMs });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('file://')) {
    throw new ValueError(
      `${caller}: unknown URL scheme in '${url}'; use a directory path, 'file://path', 'http(s)://.../model.json' or an IOHandler`,
    );
  }
  refuseKerasArchive(filePath(url), caller, purpose);
  if (!hasFileSystem()) {
    throw new ValueError(`${caller}: '${url}' is a file path, but this runtime has no file system; pass an IOHandler`);
  }
  return fileSystemHandler(filePath(url), options);
}
