import { ValueError } from '@horn/tensor';
import {
  artifactsInfo,
  type IOHandler,
  LAYERS_MODEL_FORMAT,
  type ModelArtifacts,
  type SaveResult,
} from './artifacts.js';
import { modelFiles } from './model-json-file.js';

/**
 * What {@link browserDownloads} needs from the page; tests pass fakes.
 * @example
 * const clicked: string[] = [];
 * const env: DownloadsEnvironment = {
 *   createAnchor: () => ({ href: '', download: '', click() { clicked.push(this.download); } }),
 *   createObjectURL: () => 'blob:fake',
 *   revokeObjectURL: () => {},
 * };
 * await saveModel(model, browserDownloads('my-model', env)); // clicked: ['my-model.json', 'my-model.weights.bin']
 */
export interface DownloadsEnvironment {
  /** Makes the `<a>` element whose click starts a download (default `document.createElement('a')`). */
  createAnchor(): { href: string; download: string; click(): void };
  /** Default `URL.createObjectURL`. */
  createObjectURL(blob: Blob): string;
  /** Default `URL.revokeObjectURL`. */
  revokeObjectURL(url: string): void;
}

function pageEnvironment(): DownloadsEnvironment {
  const doc = (globalThis as { document?: Document }).document;
  if (!doc) throw new ValueError("'downloads://': this runtime has no document to download from (it is a browser API)");
  return {
    createAnchor: () => doc.createElement('a'),
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
  };
}

/**
 * An IOHandler that saves by downloading two files in the browser (what `'downloads://name'`
 * resolves to), as TF.js' `tf.io.browserDownloads`: `name.json` (model.json, its manifest
 * pointing at `./name.weights.bin`) and `name.weights.bin`. Put both in one folder and
 * `loadModel` reads them (from a server, or in Node from disk).
 * @example await saveModel(model, 'downloads://mnist-cnn');
 */
export function browserDownloads(name = 'model', environment?: DownloadsEnvironment): IOHandler {
  if (typeof name !== 'string' || name === '') {
    throw new ValueError(`browserDownloads: the file name must be a non-empty string, got ${JSON.stringify(name)}`);
  }
  return {
    async save(artifacts: ModelArtifacts): Promise<SaveResult> {
      const env = environment ?? pageEnvironment();
      const weightsName = `${name}.weights.bin`;
      const { json, shards } = modelFiles({ format: LAYERS_MODEL_FORMAT, ...artifacts }, Number.POSITIVE_INFINITY);
      json.weightsManifest = [{ paths: [`./${weightsName}`], weights: json.weightsManifest[0].weights }];
      const files: [string, Blob][] = [
        [`${name}.json`, new Blob([JSON.stringify(json)], { type: 'application/json' })],
        [weightsName, new Blob([shards[0].data as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' })],
      ];
      for (const [fileName, blob] of files) {
        const url = env.createObjectURL(blob);
        const anchor = env.createAnchor();
        anchor.download = fileName;
        anchor.href = url;
        anchor.click();
        // The browser has started the download from the click; the object URL can go after this turn.
        setTimeout(() => env.revokeObjectURL(url), 0);
      }
      return { modelArtifactsInfo: artifactsInfo(artifacts) };
    },
  };
}
