import {
  artifactsInfo,
  type IOHandler,
  LAYERS_MODEL_FORMAT,
  type ModelArtifacts,
  type SaveResult,
} from './artifacts.js';
import { writeDirectoryAtomically } from './atomic-directory.js';
import { ModelFileError, ModelSaveError } from './errors.js';
import { type FileSystem, nodeFileSystem } from './file-system.js';
import { modelFiles, parseModelJSON, readModelArtifacts, SHARD_BYTES } from './model-json-file.js';

/** Options of {@link fileSystemHandler}. */
export interface FileSystemHandlerOptions {
  /** Replace an existing save (default true, as Keras); false makes saving over one an error. */
  overwrite?: boolean;
  /** The file operations (default Node's fs); tests pass a wrapper that fails on purpose. */
  fileSystem?: FileSystem;
  /** The largest shard in bytes (default 4 MiB, as TF.js' converter). */
  shardBytes?: number;
}

const MODEL_JSON = 'model.json';

/**
 * Whether a directory entry belongs to a save (model.json, a weights-only save's weights.json,
 * weight shards), so that a new save may replace it.
 * @example isSaveFile('group1-shard1of1.bin') // true
 */
export function isSaveFile(entry: string): boolean {
  return entry === MODEL_JSON || entry === 'weights.json' || entry.endsWith('.bin');
}

/**
 * An IOHandler for a directory in Node (what `'file://path'` and plain paths resolve to).
 * `save` writes `model.json` and `group1-shardNofM.bin` (float32/int32 little-endian, at most
 * 4 MiB each) atomically: into a temporary directory beside the target, flushed, then renamed into
 * place; a failure leaves the previous save as it was. `load` accepts the directory or the
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
      if (artifacts.modelTopology instanceof ArrayBuffer) {
        throw new ModelSaveError(`saveModel: '${path}': only Layers models (a JSON modelTopology) can be saved`);
      }
      const fs = await fileSystem();
      const { json, shards } = modelFiles(
        { format: LAYERS_MODEL_FORMAT, ...artifacts },
        options.shardBytes ?? SHARD_BYTES,
      );
      const encoder = new TextEncoder();
      await writeDirectoryAtomically(
        fs,
        path,
        [{ name: MODEL_JSON, data: encoder.encode(JSON.stringify(json)) }, ...shards],
        { overwrite: options.overwrite, replaceable: isSaveFile, caller: 'saveModel' },
      );
      return { modelArtifactsInfo: artifactsInfo(artifacts) };
    },
    async load(): Promise<ModelArtifacts> {
      const fs = await fileSystem();
      const jsonPath = await modelJSONPath(fs, path, MODEL_JSON);
      this.source = jsonPath;
      const json = parseModelJSON(await readText(fs, jsonPath), jsonPath);
      const dir = fs.dirname(jsonPath);
      return readModelArtifacts(
        json,
        jsonPath,
        (shard) => fs.readFile(fs.join(dir, shard)),
        (shard) => fs.join(dir, shard),
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
    return new TextDecoder('utf-8', { fatal: true }).decode(await fs.readFile(file));
  } catch (e) {
    throw new ModelFileError(`${file}: cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
  }
}
