import { ValueError } from '@horn/tensor';
import {
  artifactsInfo,
  type IOHandler,
  LAYERS_MODEL_FORMAT,
  type ModelArtifacts,
  type SaveResult,
} from './artifacts.js';
import { ModelFileError, ModelSaveError } from './errors.js';
import { weightBytes } from './model-json-file.js';

// TF.js' database layout, so that models saved by either library load in the other.
const DATABASE = 'tensorflowjs';
const VERSION = 1;
const MODELS = 'models_store';
const INFOS = 'model_info_store';

/**
 * Options of {@link browserIndexedDB}.
 * @example
 * await saveModel(model, browserIndexedDB('mnist-cnn', { indexedDB: globalThis.indexedDB }));
 * const again = await loadModel(browserIndexedDB('mnist-cnn'));
 */
export interface IndexedDBOptions {
  /** The IndexedDB factory (default `globalThis.indexedDB`); tests pass a fake. */
  indexedDB?: IDBFactory;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const open = factory.open(DATABASE, VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(MODELS)) db.createObjectStore(MODELS, { keyPath: 'modelPath' });
    if (!db.objectStoreNames.contains(INFOS)) db.createObjectStore(INFOS, { keyPath: 'modelPath' });
  };
  return request(open);
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/**
 * An IOHandler for the browser's IndexedDB (what `'indexeddb://name'` resolves to), in TF.js'
 * layout (database 'tensorflowjs', stores 'models_store' and 'model_info_store'), so models saved
 * by `tf.io.browserIndexedDB` load in Horn and the other way round. A save writes the model and its
 * info in one transaction: it lands whole or not at all.
 * @example await saveModel(model, 'indexeddb://mnist-cnn'); const again = await loadModel('indexeddb://mnist-cnn');
 */
export function browserIndexedDB(modelPath: string, options: IndexedDBOptions = {}): IOHandler {
  if (typeof modelPath !== 'string' || modelPath === '') {
    throw new ValueError(
      `browserIndexedDB: the model path must be a non-empty string, got ${JSON.stringify(modelPath)}`,
    );
  }
  const factory = (): IDBFactory => {
    const found = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!found) throw new ValueError(`'indexeddb://${modelPath}': this runtime has no IndexedDB (it is a browser API)`);
    return found;
  };
  return {
    async save(artifacts: ModelArtifacts): Promise<SaveResult> {
      if (artifacts.modelTopology instanceof ArrayBuffer) {
        throw new ModelSaveError(`saveModel: 'indexeddb://${modelPath}': only Layers models can be saved`);
      }
      const bytes = weightBytes(artifacts.weightData);
      const stored: ModelArtifacts = {
        format: LAYERS_MODEL_FORMAT,
        ...artifacts,
        weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      };
      const modelArtifactsInfo = artifactsInfo(stored);
      const db = await openDatabase(factory());
      try {
        const tx = db.transaction([INFOS, MODELS], 'readwrite');
        const finished = done(tx);
        tx.objectStore(INFOS).put({ modelPath, modelArtifactsInfo });
        tx.objectStore(MODELS).put({ modelPath, modelArtifacts: stored, modelArtifactsInfo });
        await finished;
      } catch (e) {
        throw new ModelSaveError(`saveModel: could not write 'indexeddb://${modelPath}': ${String(e)}`, { cause: e });
      } finally {
        db.close();
      }
      return { modelArtifactsInfo };
    },
    async load(): Promise<ModelArtifacts> {
      const db = await openDatabase(factory());
      try {
        const tx = db.transaction(MODELS, 'readonly');
        const record = (await request(tx.objectStore(MODELS).get(modelPath))) as
          | { modelArtifacts?: ModelArtifacts }
          | undefined;
        if (!record?.modelArtifacts) {
          throw new ModelFileError(`'indexeddb://${modelPath}': no model saved under this name in IndexedDB`);
        }
        return record.modelArtifacts;
      } finally {
        db.close();
      }
    },
  };
}
