import {
  artifactsInfo,
  type IOHandler,
  LAYERS_MODEL_FORMAT,
  type ModelArtifacts,
  type SaveResult,
} from './artifacts.js';
import { writeDirectoryAtomically } from './atomic-directory.js';
import { contentAddressedShards, isHornShardName } from './content-names.js';
import { ModelFileError, ModelSaveError, ShardTooLongError } from './errors.js';
import { type FileSystem, nodeFileSystem } from './file-system.js';
import { refuseKerasArchive } from './keras-archive-paths.js';
import {
  DEFAULT_MAX_WEIGHT_BYTES,
  modelFiles,
  parseModelJSON,
  readModelArtifacts,
  SHARD_BYTES,
} from './model-json-file.js';

/**
 * Options of {@link fileSystemHandler}.
 * @example
 * await saveModel(model, fileSystemHandler('./my-model', { overwrite: true, shardBytes: 4 }));
 * // three shards of 4 bytes: group1-shard1of3.bin ... group1-shard3of3.bin
 * await saveModel(model, fileSystemHandler('./my-model', { overwrite: false })); // ModelSaveError: already holds a save
 */
export interface FileSystemHandlerOptions {
  /** Replace an existing save (default true, as Keras); false makes saving over one an error. */
  overwrite?: boolean;
  /** The file operations (default Node's fs); tests pass a wrapper that fails on purpose. */
  fileSystem?: FileSystem;
  /** The largest shard in bytes (default 4 MiB, as TF.js' converter). */
  shardBytes?: number;
  /** The most bytes of weights a loaded model.json may declare (default {@link DEFAULT_MAX_WEIGHT_BYTES}, 2 GiB). */
  maxWeightBytes?: number;
  /** For `http(s)://` URLs given to `loadModel`: how long each request may wait (default 30,000 ms). */
  timeoutMs?: number;
}

/**
 * The most bytes a model.json or weights JSON may have: 256 MiB (real ones are kilobytes; a
 * vocabulary in a config a few megabytes).
 * @example MAX_JSON_BYTES // 268435456
 */
export const MAX_JSON_BYTES = 2 ** 28;

/**
 * The shard reader of a save in `dir`: each shard must stay inside `dir` (symlinks resolved), be a
 * regular file, and hold no more than the bytes its group still needs — checked before it is read.
 * @example await readModelArtifacts(json, jsonPath, shardReader(fs, dir), (s) => fs.join(dir, s));
 */
export function shardReader(fs: FileSystem, dir: string): (shard: string, maxBytes: number) => Promise<Uint8Array> {
  return async (shard, maxBytes) => {
    const file = fs.join(dir, shard);
    if (fs.readContained) return fs.readContained(file, dir, maxBytes);
    const bytes = await fs.readFile(file);
    if (bytes.byteLength > maxBytes) throw new ShardTooLongError(shard, maxBytes, bytes.byteLength);
    return bytes;
  };
}

const MODEL_JSON = 'model.json';

/**
 * The entries of a directory that belong to a previous save, which a new save replaces or
 * removes: `model.json` and `weights.json`, the shards their weights manifests name (TF.js'
 * `weights.bin`, say) and every `groupN-shardKofM[.hash].bin` (stale shards of a save with another
 * shard count). Everything else in the directory is left alone.
 * @example await previousSaveFiles(fs, '/models/m', ['model.json', 'group1-shard1of1.bin', 'notes.txt'])
 * // ['model.json', 'group1-shard1of1.bin']
 */
export async function previousSaveFiles(fs: FileSystem, dir: string, entries: readonly string[]): Promise<string[]> {
  const present = new Set(entries);
  const owned = new Set<string>();
  for (const json of [MODEL_JSON, 'weights.json']) {
    if (!present.has(json)) continue;
    owned.add(json);
    for (const shard of await manifestPaths(fs, fs.join(dir, json))) if (present.has(shard)) owned.add(shard);
  }
  for (const entry of entries) if (isHornShardName(entry)) owned.add(entry);
  return entries.filter((e) => owned.has(e));
}

// The plain file names a model.json / weights.json lists; nothing when it is not such a file.
async function manifestPaths(fs: FileSystem, file: string): Promise<string[]> {
  try {
    if ((await fs.kind(file)) !== 'file') return [];
    const json: unknown = JSON.parse(new TextDecoder().decode(await fs.readFile(file)));
    const manifest = (json as { weightsManifest?: unknown }).weightsManifest;
    if (!Array.isArray(manifest)) return [];
    return manifest
      .flatMap((group) => (Array.isArray(group?.paths) ? (group.paths as unknown[]) : []))
      .filter((p): p is string => typeof p === 'string' && p !== '' && !/[\\/]/.test(p) && p !== '..');
  } catch {
    return [];
  }
}

/**
 * An IOHandler for a directory in Node (what `'file://path'` and plain paths resolve to).
 * `save` writes `model.json` and `group1-shardNofM.<hash>.bin` (float32/int32 little-endian, at
 * most 4 MiB each, named by their content) crash-safely (see `writeDirectoryAtomically`): at every
 * instant the directory holds the previous save or the new one, and a failure leaves the previous
 * save as it was. Saving into a directory that holds other files replaces the previous save's files
 * (model.json, its shards, stale shards) and leaves the others alone, as TF.js does. `load` accepts the directory or the
 * model.json path (also TF.js' `weights.bin` saves) and checks the JSON and every shard's length
 * before returning.
 * @example await saveModel(model, fileSystemHandler('./mnist-cnn'));
 */
export function fileSystemHandler(
  path: string,
  options: FileSystemHandlerOptions = {},
): IOHandler & { source: string } {
  const fileSystem = () => (options.fileSystem ? Promise.resolve(options.fileSystem) : nodeFileSystem());
  return {
    /** What messages name: the path given, then the model.json read. */
    source: path,
    async save(artifacts: ModelArtifacts): Promise<SaveResult> {
      refuseKerasArchive(path, 'saveModel', 'save');
      if (artifacts.modelTopology instanceof ArrayBuffer) {
        throw new ModelSaveError(`saveModel: '${path}': only Layers models (a JSON modelTopology) can be saved`);
      }
      const fs = await fileSystem();
      const files = modelFiles({ format: LAYERS_MODEL_FORMAT, ...artifacts }, options.shardBytes ?? SHARD_BYTES);
      const { json, shards } = await contentAddressedShards(files.json, files.shards);
      const encoder = new TextEncoder();
      await writeDirectoryAtomically(
        fs,
        path,
        [{ name: MODEL_JSON, data: encoder.encode(JSON.stringify(json)) }, ...shards],
        { overwrite: options.overwrite, previousSave: previousSaveFiles, caller: 'saveModel' },
      );
      return { modelArtifactsInfo: artifactsInfo(artifacts) };
    },
    async load(): Promise<ModelArtifacts> {
      refuseKerasArchive(path, 'loadModel', 'load');
      const fs = await fileSystem();
      const jsonPath = await modelJSONPath(fs, path, MODEL_JSON);
      this.source = jsonPath;
      const json = parseModelJSON(await readText(fs, jsonPath), jsonPath);
      const dir = fs.dirname(jsonPath);
      return readModelArtifacts(
        json,
        jsonPath,
        shardReader(fs, dir),
        (shard) => fs.join(dir, shard),
        options.maxWeightBytes,
      );
    },
  };
}

/**
 * The JSON file of a save: `path` itself when it is a file, else `path/<name>`. A missing path
 * throws a ModelFileError.
 * @example await modelJSONPath(fs, './mnist-cnn', 'model.json') // '/abs/mnist-cnn/model.json'
 */
export async function modelJSONPath(fs: FileSystem, path: string, name: string): Promise<string> {
  const resolved = fs.resolve(path);
  const kind = await fs.kind(resolved);
  if (kind === null) throw new ModelFileError(`'${resolved}': no saved model there (the path does not exist)`);
  if (kind === 'file') return resolved;
  const file = fs.join(resolved, name);
  if ((await fs.kind(file)) !== 'file') {
    throw new ModelFileError(`'${resolved}': no ${name} in this directory; is it a saved model?`);
  }
  return file;
}

/**
 * The UTF-8 text of a file, or a ModelFileError naming it.
 * @example const text = await readText(fs, './mnist-cnn/model.json');
 */
export async function readText(fs: FileSystem, file: string): Promise<string> {
  try {
    const bytes = fs.readContained
      ? await fs.readContained(file, fs.dirname(file), MAX_JSON_BYTES)
      : await fs.readFile(file);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new ModelFileError(`${file}: cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
  }
}
