import type { ModelArtifacts, ModelJSON, WeightsManifestGroup } from './artifacts.js';
import { ModelFileError, ShardTooLongError } from './errors.js';
import { weightDataBytes } from './weights-codec.js';

/**
 * The largest weight shard Horn writes, as TF.js' converter: 4 MiB.
 * @example SHARD_BYTES // 4194304
 */
export const SHARD_BYTES = 4 * 1024 * 1024;

/**
 * The most bytes of weights a model file may declare unless `maxWeightBytes` says otherwise: 2 GiB
 * (a model this size needs about twice that in memory to load).
 * @example DEFAULT_MAX_WEIGHT_BYTES // 2147483648
 */
export const DEFAULT_MAX_WEIGHT_BYTES = 2 ** 31;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Parses and checks the text of a model.json (or a weights manifest JSON): valid JSON, an object
 * with a `modelTopology` object (unless `topology` is false) and a `weightsManifest` of groups
 * `{ paths: string[], weights: [...] }` whose shard paths stay beside the file. Every problem throws
 * a ModelFileError naming `source`.
 * @example parseModelJSON(text, './mnist-cnn/model.json').weightsManifest[0].paths // ['group1-shard1of1.bin']
 */
export function parseModelJSON(text: string, source: string, topology = true): ModelJSON {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const hint =
      text.trim() === '' ? 'the file is empty' : `it is not valid JSON (${reason}); the file may be truncated`;
    throw new ModelFileError(`${source}: cannot read the model: ${hint}`);
  }
  if (!isObject(parsed))
    throw new ModelFileError(`${source}: expected a JSON object, got ${JSON.stringify(parsed)?.slice(0, 40)}`);
  if (topology && !isObject(parsed.modelTopology)) {
    throw new ModelFileError(
      `${source}: 'modelTopology' is missing or not an object (keys found: ${Object.keys(parsed).join(', ') || 'none'})`,
    );
  }
  const manifest = parsed.weightsManifest;
  if (!Array.isArray(manifest)) {
    throw new ModelFileError(`${source}: 'weightsManifest' is missing or not a list of weight groups`);
  }
  const seen = new Set<string>();
  for (const [i, group] of manifest.entries()) {
    checkGroup(group, i, source);
    for (const path of group.paths) {
      if (seen.has(path))
        throw new ModelFileError(`${source}: shard '${path}' is listed twice in the weights manifest`);
      seen.add(path);
    }
  }
  return parsed as unknown as ModelJSON;
}

/**
 * Refuses a shard path that could name anything but a file beside (or below) the model.json: an
 * absolute path or URL, a drive letter, a backslash, an empty or `..` segment — also when written
 * percent-encoded (`%2e%2e/`, `.%2E/`), which URL resolution would otherwise follow.
 * @example checkShardPath('group1-shard1of1.bin', 'model.json') // passes
 */
export function checkShardPath(path: string, where: string): void {
  let decoded = path;
  for (let i = 0; i < 4 && /%[0-9a-fA-F]{2}/.test(decoded); i++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      break;
    }
  }
  const segments = decoded.split('/');
  if (
    /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path) ||
    decoded.startsWith('/') ||
    decoded.includes('\\') ||
    decoded.includes('\0') ||
    segments.some((s) => s === '..' || s === '')
  ) {
    throw new ModelFileError(`${where}: shard path '${path}' must be relative to the model.json, inside its directory`);
  }
}

function checkGroup(group: unknown, index: number, source: string): asserts group is WeightsManifestGroup {
  const where = `${source}: weightsManifest[${index}]`;
  if (!isObject(group)) throw new ModelFileError(`${where} must be an object { paths, weights }`);
  if (!Array.isArray(group.paths) || !group.paths.every((p) => typeof p === 'string' && p !== '')) {
    throw new ModelFileError(`${where}.paths must be a list of shard file names, got ${JSON.stringify(group.paths)}`);
  }
  for (const path of group.paths as string[]) checkShardPath(path, where);
  if (!Array.isArray(group.weights)) throw new ModelFileError(`${where}.weights must be a list of weight specs`);
  weightDataBytes(group.weights, `${where}`);
}

/**
 * Reads every group's shards with `readShard` (each group's files concatenated in order), checks
 * each group's byte count against its specs, and returns the artifacts of a parsed model.json.
 * `describeShard` names a shard in messages (its file path or URL).
 * @example const artifacts = await readModelArtifacts(json, source, (p) => fs.readFile(join(dir, p)), (p) => join(dir, p));
 */
export async function readModelArtifacts(
  json: ModelJSON,
  source: string,
  readShard: (path: string, maxBytes: number) => Promise<Uint8Array>,
  describeShard: (path: string) => string,
  maxWeightBytes = DEFAULT_MAX_WEIGHT_BYTES,
): Promise<ModelArtifacts> {
  const declared = json.weightsManifest.reduce((n, g) => n + weightDataBytes(g.weights, source), 0);
  if (declared > maxWeightBytes) {
    throw new ModelFileError(
      `${source}: the weights manifest declares ${declared} bytes of weights, over the limit of ${maxWeightBytes} ` +
        'bytes (raise it with the maxWeightBytes option of loadModel)',
    );
  }
  const groups: Uint8Array[] = [];
  for (const group of json.weightsManifest) {
    const parts: Uint8Array[] = [];
    const expected = weightDataBytes(group.weights, source);
    let read = 0;
    for (const path of group.paths) {
      try {
        // A shard may hold at most what its group still needs: a longer one is refused unread.
        const part = await readShard(path, expected - read);
        read += part.byteLength;
        parts.push(part);
      } catch (e) {
        if (e instanceof ShardTooLongError) throw new ModelFileError(`${source}: ${e.message}`);
        if (e instanceof ModelFileError) throw e;
        const reason = (e as { code?: string }).code === 'ENOENT' ? 'the file is missing' : String(e);
        throw new ModelFileError(`${source}: cannot read weight shard '${describeShard(path)}': ${reason}`);
      }
    }
    const bytes = concatBytes(parts);
    if (bytes.byteLength !== expected) {
      const which = bytes.byteLength < expected ? 'short (truncated?)' : 'long';
      throw new ModelFileError(
        `${source}: weight shards ${group.paths.map(describeShard).join(', ')} are too ${which}: their ${group.weights.length} weights need ${expected} bytes, the files hold ${bytes.byteLength}`,
      );
    }
    groups.push(bytes);
  }
  const data = concatBytes(groups);
  return {
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    ...(json.trainingConfig ? { trainingConfig: json.trainingConfig } : {}),
    ...(json.userDefinedMetadata ? { userDefinedMetadata: json.userDefinedMetadata } : {}),
  };
}

/**
 * The model.json object and shard files of artifacts: one weight group split into shards of at
 * most {@link SHARD_BYTES}, named `group1-shard1of2.bin`, ... as TF.js' converter names them.
 * @example modelFiles(artifacts).shards.map((s) => s.name) // ['group1-shard1of1.bin']
 */
export function modelFiles(
  artifacts: ModelArtifacts,
  shardBytes = SHARD_BYTES,
): { json: ModelJSON; shards: { name: string; data: Uint8Array }[] } {
  const data = weightBytes(artifacts.weightData);
  const count = Math.max(1, Math.ceil(data.byteLength / shardBytes));
  const shards = Array.from({ length: count }, (_, i) => ({
    name: `group1-shard${i + 1}of${count}.bin`,
    data: data.subarray(i * shardBytes, Math.min(data.byteLength, (i + 1) * shardBytes)),
  }));
  const json: ModelJSON = {
    modelTopology: artifacts.modelTopology as object,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: shards.map((s) => s.name), weights: artifacts.weightSpecs ?? [] }],
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
    ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
  };
  return { json, shards };
}

/**
 * The weight data of artifacts as one byte array (TF.js 4 may hand several buffers).
 * @example weightBytes([new ArrayBuffer(4), new ArrayBuffer(8)]).byteLength // 12
 */
export function weightBytes(data: ArrayBuffer | ArrayBuffer[] | undefined): Uint8Array {
  if (data === undefined) return new Uint8Array(0);
  return Array.isArray(data) ? concatBytes(data.map((b) => new Uint8Array(b))) : new Uint8Array(data);
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}
