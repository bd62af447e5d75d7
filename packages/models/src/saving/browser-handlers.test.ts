import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Input } from '@horn/layers';
import { randomNormal, randomUniform, type Tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  browserDownloads,
  browserIndexedDB,
  type DownloadsEnvironment,
  loadModel,
  type Model,
  ModelFileError,
  ModelSaveError,
  modelArtifacts,
  Sequential,
  saveModel,
} from '../index.js';

type Record_ = Record<string, unknown>;

class FakeRequest {
  result: unknown;
  error: unknown = null;
  onsuccess: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onupgradeneeded: (() => void) | null = null;
}

/**
 * A small in-memory IndexedDB: object stores with a keyPath, transactions that stage their puts
 * and commit them all at the end (or none, when a put was made to fail), values stored as
 * structured clones. Enough for the handler's open / put / get / complete / abort paths.
 */
class FakeIndexedDB {
  readonly databases = new Map<string, Map<string, { keyPath: string; rows: Map<unknown, unknown> }>>();
  failPutsTo: string | null = null;

  open(name: string): FakeRequest {
    const req = new FakeRequest();
    queueMicrotask(() => {
      let stores = this.databases.get(name);
      const fresh = !stores;
      stores ??= new Map();
      this.databases.set(name, stores);
      req.result = this.database(stores);
      if (fresh) req.onupgradeneeded?.();
      req.onsuccess?.();
    });
    return req;
  }

  private database(stores: Map<string, { keyPath: string; rows: Map<unknown, unknown> }>) {
    const fake = this;
    return {
      objectStoreNames: { contains: (n: string) => stores.has(n) },
      createObjectStore: (n: string, o: { keyPath: string }) => stores.set(n, { keyPath: o.keyPath, rows: new Map() }),
      close: () => {},
      transaction(names: string | string[], _mode: string) {
        const staged: [string, Record_][] = [];
        let failed: Error | null = null;
        const tx = {
          error: null as unknown,
          oncomplete: null as (() => void) | null,
          onerror: null as (() => void) | null,
          onabort: null as (() => void) | null,
          objectStore(n: string) {
            if (!(Array.isArray(names) ? names : [names]).includes(n)) throw new Error(`store ${n} not in transaction`);
            const store = stores.get(n)!;
            return {
              put(value: Record_) {
                const req = new FakeRequest();
                if (fake.failPutsTo === n) failed = new Error('QuotaExceededError: the disk is full');
                else staged.push([n, structuredClone(value)]);
                queueMicrotask(() => (failed ? req.onerror?.() : req.onsuccess?.()));
                return req;
              },
              get(key: unknown) {
                const req = new FakeRequest();
                queueMicrotask(() => {
                  req.result = structuredClone(store.rows.get(key));
                  req.onsuccess?.();
                });
                return req;
              },
            };
          },
        };
        setTimeout(() => {
          if (failed) {
            tx.error = failed;
            tx.onerror?.();
            return;
          }
          for (const [n, value] of staged) stores.get(n)!.rows.set(value[stores.get(n)!.keyPath], value);
          tx.oncomplete?.();
        }, 0);
        return tx;
      },
    };
  }
}

const model = () => {
  const m = new Sequential([Input({ shape: [3] }), new Dense({ units: 2, activation: 'relu' })]);
  m.setWeights(m.weights.map((w) => randomUniform(w.shape, { min: 0.1, max: 0.9 })));
  return m;
};
const out = (m: Model, x: Tensor) => [...(m.apply(x) as Tensor).dataSync()];

describe("'indexeddb://' (browserIndexedDB)", () => {
  test('saves and loads a model in TF.js layout', async () => {
    const idb = new FakeIndexedDB();
    const handler = browserIndexedDB('my-model', { indexedDB: idb as unknown as IDBFactory });
    const m = model();
    const x = randomNormal([2, 3]);
    const result = await saveModel(m, handler);
    expect(result.modelArtifactsInfo.weightDataBytes).toBe(8 * 4);
    const stores = idb.databases.get('tensorflowjs')!;
    expect([...stores.keys()].sort()).toEqual(['model_info_store', 'models_store']);
    const record = stores.get('models_store')!.rows.get('my-model') as Record_;
    expect(Object.keys(record).sort()).toEqual(['modelArtifacts', 'modelArtifactsInfo', 'modelPath']);
    expect(stores.get('model_info_store')!.rows.get('my-model')).toMatchObject({ modelPath: 'my-model' });
    expect(out(await loadModel(handler), x)).toEqual(out(m, x));
  });

  test('a failed save changes nothing; a missing model is a clear error', async () => {
    const idb = new FakeIndexedDB();
    const handler = browserIndexedDB('m', { indexedDB: idb as unknown as IDBFactory });
    const first = model();
    await saveModel(first, handler);
    idb.failPutsTo = 'models_store';
    await expect(saveModel(model(), handler)).rejects.toThrow(ModelSaveError);
    await expect(saveModel(model(), handler)).rejects.toThrow(/could not write 'indexeddb:\/\/m'.*QuotaExceededError/);
    idb.failPutsTo = null;
    const x = randomNormal([1, 3]);
    expect(out(await loadModel(handler), x)).toEqual(out(first, x));
    const missing = browserIndexedDB('nope', { indexedDB: idb as unknown as IDBFactory });
    await expect(loadModel(missing)).rejects.toThrow(ModelFileError);
    await expect(loadModel(missing)).rejects.toThrow(/'indexeddb:\/\/nope': no model saved under this name/);
  });

  test('reads a record in the layout tf.io.browserIndexedDB writes', async () => {
    const idb = new FakeIndexedDB();
    const m = model();
    const artifacts = modelArtifacts(m);
    // What TF.js puts: { modelPath, modelArtifacts, modelArtifactsInfo } keyed by modelPath.
    idb.databases.set(
      'tensorflowjs',
      new Map([
        [
          'models_store',
          {
            keyPath: 'modelPath',
            rows: new Map([['tfjs', { modelPath: 'tfjs', modelArtifacts: artifacts, modelArtifactsInfo: {} }]]),
          },
        ],
        ['model_info_store', { keyPath: 'modelPath', rows: new Map() }],
      ]),
    );
    const x = randomNormal([1, 3]);
    const loaded = await loadModel(browserIndexedDB('tfjs', { indexedDB: idb as unknown as IDBFactory }));
    expect(out(loaded, x)).toEqual(out(m, x));
  });
});

describe("'downloads://' (browserDownloads)", () => {
  test('downloads name.json and name.weights.bin, which load back from disk', async () => {
    const downloads: { name: string; blob: Blob }[] = [];
    const urls = new Map<string, Blob>();
    const env: DownloadsEnvironment = {
      createObjectURL: (blob) => {
        const url = `blob:${urls.size}`;
        urls.set(url, blob);
        return url;
      },
      revokeObjectURL: (url) => urls.delete(url),
      createAnchor: () => {
        const a = {
          href: '',
          download: '',
          click: () => downloads.push({ name: a.download, blob: urls.get(a.href)! }),
        };
        return a;
      },
    };
    const m = model();
    await saveModel(m, browserDownloads('mnist', env));
    expect(downloads.map((d) => d.name)).toEqual(['mnist.json', 'mnist.weights.bin']);
    const json = JSON.parse(await downloads[0].blob.text());
    expect(json.weightsManifest).toEqual([
      {
        paths: ['./mnist.weights.bin'],
        weights: m.weights.map((w) => ({ name: w.name, shape: w.shape, dtype: 'float32' })),
      },
    ]);
    expect(json.format).toBe('layers-model');
    const dir = await mkdtemp(join(tmpdir(), 'horn-dl-'));
    try {
      for (const d of downloads) await writeFile(join(dir, d.name), new Uint8Array(await d.blob.arrayBuffer()));
      const x = randomNormal([2, 3]);
      expect(out(await loadModel(join(dir, 'mnist.json')), x)).toEqual(out(m, x));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(urls.size).toBe(0);
    await expect(saveModel(m, 'downloads://x')).rejects.toThrow(/'downloads:\/\/': this runtime has no document/);
  });
});
