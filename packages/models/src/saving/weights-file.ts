import type { Model } from '../model.js';
import type { SaveResult } from './artifacts.js';
import { artifactsInfo } from './artifacts.js';
import { writeDirectoryAtomically } from './atomic-directory.js';
import { contentAddressedShards } from './content-names.js';
import { ModelFileError } from './errors.js';
import { previousSaveFiles, readText, shardReader } from './file-handler.js';
import { type FileSystem, nodeFileSystem } from './file-system.js';
import { filePath } from './handlers.js';
import { refuseKerasArchive } from './keras-archive-paths.js';
import { modelFiles, parseModelJSON, readModelArtifacts, SHARD_BYTES, weightBytes } from './model-json-file.js';
import { GENERATED_BY } from './model-topology.js';
import { assignWeights, matchWeights } from './model-weights.js';
import { savedWeightNames } from './saved-weight-names.js';
import { decodeWeights, encodeWeights } from './weights-codec.js';

/**
 * Options of {@link saveWeights} and {@link loadWeights}.
 * @example
 * await model.saveWeights('./weights', { overwrite: true }); // weights.json and group1-shard1of1.bin
 * await model.loadWeights('./weights');
 */
export interface SaveWeightsOptions {
  /** Replace an existing save (default true). */
  overwrite?: boolean;
  /** The file operations (default Node's fs). */
  fileSystem?: FileSystem;
}

/**
 * The `format` of a weights-only save's weights.json.
 * @example JSON.parse(text).format === WEIGHTS_FORMAT // 'horn-weights'
 */
export const WEIGHTS_FORMAT = 'horn-weights';

/**
 * Saves only the weights, into a directory: `weights.json` (a TF.js weights manifest) and
 * `group1-shardNofM.<hash>.bin`, written crash-safely like `saveModel` (other files in the directory are
 * left alone). Works for subclassed models too.
 * @example await saveWeights(model, './checkpoints/epoch-3');
 */
export async function saveWeights(model: Model, path: string, options: SaveWeightsOptions = {}): Promise<SaveResult> {
  refuseKerasArchive(filePath(path), 'saveWeights', 'save', 'weights');
  const fs = options.fileSystem ?? (await nodeFileSystem());
  const names = savedWeightNames(model);
  const { data, specs } = encodeWeights(model.weights.map((v, i) => ({ name: names[i], tensor: v })));
  const files = modelFiles({ weightData: data, weightSpecs: specs }, SHARD_BYTES);
  const { json, shards } = await contentAddressedShards(files.json, files.shards);
  const manifest = { format: WEIGHTS_FORMAT, generatedBy: GENERATED_BY, weightsManifest: json.weightsManifest };
  await writeDirectoryAtomically(
    fs,
    filePath(path),
    [{ name: 'weights.json', data: new TextEncoder().encode(JSON.stringify(manifest)) }, ...shards],
    { overwrite: options.overwrite, previousSave: previousSaveFiles, caller: 'saveWeights' },
  );
  return { modelArtifactsInfo: artifactsInfo({ weightData: data, weightSpecs: specs }) };
}

/**
 * Loads weights into a built model: from a `saveWeights` directory (weights.json), a `saveModel`
 * or TF.js directory (model.json; its optimizer weights are ignored), or either JSON file. Weights
 * go by name (`dense/kernel`), else by order; counts and shapes are checked before any is set, and
 * a mismatch throws a ModelFileError naming the file.
 * @example await loadWeights(model, './checkpoints/epoch-3');
 */
export async function loadWeights(model: Model, path: string, options: SaveWeightsOptions = {}): Promise<void> {
  refuseKerasArchive(filePath(path), 'loadWeights', 'load', 'weights');
  const fs = options.fileSystem ?? (await nodeFileSystem());
  const file = await weightsJSONPath(fs, filePath(path));
  const json = parseModelJSON(await readText(fs, file), file, false);
  const dir = fs.dirname(file);
  const artifacts = await readModelArtifacts(json, file, shardReader(fs, dir), (shard) => fs.join(dir, shard));
  const decoded = decodeWeights(weightBytes(artifacts.weightData), artifacts.weightSpecs ?? [], file);
  assignWeights(
    matchWeights(
      model.weights,
      decoded.filter((w) => w.spec.group !== 'optimizer'),
      file,
      savedWeightNames(model),
    ),
  );
}

async function weightsJSONPath(fs: FileSystem, path: string): Promise<string> {
  const resolved = fs.resolve(path);
  const kind = await fs.kind(resolved);
  if (kind === 'file') return resolved;
  if (kind === null) throw new ModelFileError(`'${resolved}': no saved weights there (the path does not exist)`);
  for (const name of ['weights.json', 'model.json']) {
    const candidate = fs.join(resolved, name);
    if ((await fs.kind(candidate)) === 'file') return candidate;
  }
  throw new ModelFileError(`'${resolved}': no weights.json or model.json in this directory`);
}
