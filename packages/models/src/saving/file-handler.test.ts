import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  type FileSystem,
  fileSystemHandler,
  type ModelArtifacts,
  ModelFileError,
  type ModelJSON,
  ModelSaveError,
  nodeFileSystem,
} from '../index.js';
import { plainEntries as names, plainShardName as plain, shardPath } from '../test-support/shard-names.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-save-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const topology = { class_name: 'Sequential', config: { name: 's', layers: [] }, keras_version: 'x', backend: 'y' };

function artifacts(values: number[], name = 'dense/kernel'): ModelArtifacts {
  return {
    modelTopology: topology,
    weightSpecs: [{ name, shape: [values.length], dtype: 'float32' }],
    weightData: new Float32Array(values).buffer,
    format: 'layers-model',
    generatedBy: 'test',
    convertedBy: null,
  };
}

const readJSON = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as ModelJSON;
const floats = (data: ArrayBuffer | ArrayBuffer[] | undefined) => [...new Float32Array(data as ArrayBuffer)];

describe('fileSystemHandler: save and load', () => {
  test('writes model.json and one float32 little-endian shard, and loads them back', async () => {
    const dir = join(root, 'model');
    const result = await fileSystemHandler(dir).save!(artifacts([1.5, -2, 3]));
    expect(result.modelArtifactsInfo).toMatchObject({ modelTopologyType: 'JSON', weightDataBytes: 12 });
    expect(result.modelArtifactsInfo.dateSaved).toBeInstanceOf(Date);
    expect(await names(dir)).toEqual(['group1-shard1of1.bin', 'model.json']);
    const json = await readJSON(join(dir, 'model.json'));
    // The digest is the first 16 hex digits of the shard's SHA-256 (of 1.5, -2, 3 as float32 LE).
    const digest = createHash('sha256')
      .update(new Uint8Array(new Float32Array([1.5, -2, 3]).buffer))
      .digest('hex');
    expect(json.weightsManifest[0].paths).toEqual([`group1-shard1of1.${digest.slice(0, 16)}.bin`]);
    expect(json).toEqual({
      modelTopology: topology,
      format: 'layers-model',
      generatedBy: 'test',
      convertedBy: null,
      weightsManifest: [
        { paths: json.weightsManifest[0].paths, weights: [{ name: 'dense/kernel', shape: [3], dtype: 'float32' }] },
      ],
    });
    // 1.5 = 0x3FC00000, little-endian.
    expect([...(await readFile(await shardPath(dir, 'group1-shard1of1.bin'))).subarray(0, 4)]).toEqual([
      0x00, 0x00, 0xc0, 0x3f,
    ]);
    for (const path of [dir, join(dir, 'model.json')]) {
      const loaded = await fileSystemHandler(path).load!();
      expect(loaded.modelTopology).toEqual(topology);
      expect(floats(loaded.weightData)).toEqual([1.5, -2, 3]);
      expect(loaded.weightSpecs).toEqual(json.weightsManifest[0].weights);
    }
  });

  test('splits the weights into shards of at most shardBytes, named as TF.js names them', async () => {
    const dir = join(root, 'sharded');
    const values = Array.from({ length: 10 }, (_, i) => i / 4);
    await fileSystemHandler(dir, { shardBytes: 16 }).save!(artifacts(values));
    const json = await readJSON(join(dir, 'model.json'));
    expect(json.weightsManifest[0].paths.map(plain)).toEqual([
      'group1-shard1of3.bin',
      'group1-shard2of3.bin',
      'group1-shard3of3.bin',
    ]);
    expect((await readFile(await shardPath(dir, 'group1-shard3of3.bin'))).byteLength).toBe(8);
    expect(floats((await fileSystemHandler(dir).load!()).weightData)).toEqual(values);
  });

  test('reads what TF.js file:// writes: model.json + weights.bin, several groups, int32 weights', async () => {
    const dir = join(root, 'tfjs');
    await rm(dir, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(dir));
    const json: ModelJSON = {
      modelTopology: topology,
      weightsManifest: [
        { paths: ['weights.bin'], weights: [{ name: 'a', shape: [2], dtype: 'float32' }] },
        { paths: ['opt.bin'], weights: [{ name: 'iter', shape: [], dtype: 'int32', group: 'optimizer' }] },
      ],
    };
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    await writeFile(join(dir, 'weights.bin'), new Uint8Array(new Float32Array([0.25, 4]).buffer));
    await writeFile(join(dir, 'opt.bin'), new Uint8Array(new Int32Array([7]).buffer));
    const loaded = await fileSystemHandler(join(dir, 'model.json')).load!();
    expect(loaded.weightSpecs?.map((s) => s.name)).toEqual(['a', 'iter']);
    const bytes = loaded.weightData as ArrayBuffer;
    expect([...new Float32Array(bytes, 0, 2)]).toEqual([0.25, 4]);
    expect([...new Int32Array(bytes, 8, 1)]).toEqual([7]);
  });
});

describe('fileSystemHandler: broken saves give a ModelFileError naming the file', () => {
  async function saved(): Promise<string> {
    const dir = join(root, 'm');
    await fileSystemHandler(dir).save!(artifacts([1, 2, 3, 4]));
    return dir;
  }
  const load = (path: string) => fileSystemHandler(path).load!();

  test('missing path, directory without model.json', async () => {
    await expect(load(join(root, 'nope'))).rejects.toThrow(ModelFileError);
    await expect(load(join(root, 'nope'))).rejects.toThrow(/nope.*does not exist/);
    await expect(load(root)).rejects.toThrow(/no model.json in this directory/);
  });

  test('truncated, empty and non-object model.json', async () => {
    const dir = await saved();
    const file = join(dir, 'model.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length / 2));
    await expect(load(dir)).rejects.toThrow(ModelFileError);
    await expect(load(dir)).rejects.toThrow(/model\.json: cannot read the model: it is not valid JSON.*truncated/);
    await writeFile(file, '');
    await expect(load(dir)).rejects.toThrow(/model\.json: cannot read the model: the file is empty/);
    await writeFile(file, '[1, 2]');
    await expect(load(dir)).rejects.toThrow(/model\.json: expected a JSON object/);
  });

  test('missing keys and malformed manifests', async () => {
    const dir = await saved();
    const file = join(dir, 'model.json');
    const good = await readJSON(file);
    const cases: [unknown, RegExp][] = [
      [{ ...good, modelTopology: undefined }, /'modelTopology' is missing/],
      [{ ...good, weightsManifest: undefined }, /'weightsManifest' is missing/],
      [{ ...good, weightsManifest: [{ weights: [] }] }, /weightsManifest\[0\]\.paths must be a list/],
      [
        { ...good, weightsManifest: [{ paths: ['../x.bin'], weights: [] }] },
        /shard path '\.\.\/x\.bin' must be relative/,
      ],
      [{ ...good, weightsManifest: [{ paths: ['/etc/x.bin'], weights: [] }] }, /must be relative/],
      [{ ...good, weightsManifest: [{ paths: ['a.bin'], weights: {} }] }, /weights must be a list/],
    ];
    for (const [json, message] of cases) {
      await writeFile(file, JSON.stringify(json));
      await expect(load(dir), String(message)).rejects.toThrow(message);
    }
  });

  test('bad weight specs: dtype, quantization, shape, duplicate or missing names', async () => {
    const dir = await saved();
    const file = join(dir, 'model.json');
    const good = await readJSON(file);
    const withSpec = (spec: object) => ({
      ...good,
      weightsManifest: [{ paths: good.weightsManifest[0].paths, weights: [spec] }],
    });
    const cases: [unknown, RegExp][] = [
      [
        withSpec({ name: 'w', shape: [4], dtype: 'float16' }),
        /weight 'w' has dtype "float16"; Horn reads 'float32' and 'int32'/,
      ],
      [withSpec({ name: 'w', shape: [4], dtype: 'bool' }), /weight 'w' has dtype "bool"/],
      [
        withSpec({ name: 'w', shape: [4], dtype: 'uint8', quantization: { dtype: 'uint8', scale: 1, min: 0 } }),
        /is quantized/,
      ],
      [withSpec({ name: 'w', shape: [2.5], dtype: 'float32' }), /shape must be a list of non-negative integers/],
      [withSpec({ shape: [4], dtype: 'float32' }), /weight 0 needs a name/],
      [
        {
          ...good,
          weightsManifest: [
            {
              paths: good.weightsManifest[0].paths,
              weights: [
                { name: 'w', shape: [2], dtype: 'float32' },
                { name: 'w', shape: [2], dtype: 'float32' },
              ],
            },
          ],
        },
        /weight 'w' is listed twice/,
      ],
    ];
    for (const [json, message] of cases) {
      await writeFile(file, JSON.stringify(json));
      await expect(load(dir), String(message)).rejects.toThrow(message);
    }
  });

  test('missing, truncated and overlong shards', async () => {
    const dir = await saved();
    const shard = await shardPath(dir, 'group1-shard1of1.bin');
    const bytes = await readFile(shard);
    await writeFile(shard, bytes.subarray(0, 10));
    await expect(load(dir)).rejects.toThrow(ModelFileError);
    await expect(load(dir)).rejects.toThrow(
      /group1-shard1of1\.[0-9a-f]{16}\.bin are too short \(truncated\?\).*need 16 bytes, the files hold 10/,
    );
    await writeFile(shard, new Uint8Array(20));
    await expect(load(dir)).rejects.toThrow(/too long: 20 bytes, over the 16 bytes its weights need/);
    await rm(shard);
    await expect(load(dir)).rejects.toThrow(
      /cannot read weight shard '.*group1-shard1of1\.[0-9a-f]{16}\.bin': the file is missing/,
    );
  });
});

describe('fileSystemHandler: saves are atomic', () => {
  const listing = async () => (await readdir(root)).sort();

  /** Node's file system, with writes of files whose name matches `failOn` failing. */
  async function failingFs(failOn: RegExp, op: 'writeFile' | 'rename' = 'writeFile'): Promise<FileSystem> {
    const fs = await nodeFileSystem();
    return {
      ...fs,
      writeFile: async (path, data) => {
        if (op === 'writeFile' && failOn.test(path)) {
          await fs.writeFile(path, data.subarray(0, 3)); // half written, then the disk "fills up"
          throw new Error('ENOSPC: no space left on device');
        }
        return fs.writeFile(path, data);
      },
      rename: async (from, to) => {
        if (op === 'rename' && failOn.test(from)) throw new Error('EXDEV: simulated rename failure');
        return fs.rename(from, to);
      },
    };
  }

  test('a new save replaces the previous one', async () => {
    const dir = join(root, 'm');
    await fileSystemHandler(dir).save!(artifacts([1, 2]));
    await fileSystemHandler(dir).save!(artifacts([3, 4, 5]));
    expect(floats((await fileSystemHandler(dir).load!()).weightData)).toEqual([3, 4, 5]);
    expect(await listing()).toEqual(['m']);
  });

  test('a write that fails midway leaves the previous save intact and no temporary files', async () => {
    const dir = join(root, 'm');
    await fileSystemHandler(dir).save!(artifacts([1, 2]));
    const before = await readFile(join(dir, 'model.json'), 'utf8');
    for (const failOn of [/\.bin$/, /model\.json$/]) {
      const handler = fileSystemHandler(dir, { fileSystem: await failingFs(failOn) });
      await expect(handler.save!(artifacts([9, 9, 9], 'other'))).rejects.toThrow(ModelSaveError);
      await expect(handler.save!(artifacts([9]))).rejects.toThrow(/could not write '.*m': ENOSPC.*nothing was changed/);
      expect(await readFile(join(dir, 'model.json'), 'utf8')).toBe(before);
      expect(floats((await fileSystemHandler(dir).load!()).weightData)).toEqual([1, 2]);
      expect(await listing()).toEqual(['m']);
    }
  });

  test('a failing first save leaves nothing behind', async () => {
    const handler = fileSystemHandler(join(root, 'new'), { fileSystem: await failingFs(/\.bin$/) });
    await expect(handler.save!(artifacts([1]))).rejects.toThrow(ModelSaveError);
    expect(await listing()).toEqual([]);
  });

  test('a rename that fails leaves the previous save as it was', async () => {
    const dir = join(root, 'm');
    await fileSystemHandler(dir).save!(artifacts([1, 2]));
    const handler = fileSystemHandler(dir, { fileSystem: await failingFs(/horn-tmp/, 'rename') });
    await expect(handler.save!(artifacts([5]))).rejects.toThrow(/could not move the new save into '.*m': EXDEV/);
    expect(floats((await fileSystemHandler(dir).load!()).weightData)).toEqual([1, 2]);
    expect(await listing()).toEqual(['m']);
  });

  test('an unwritable location gives a ModelSaveError and changes nothing', async () => {
    await writeFile(join(root, 'file.txt'), 'x');
    await expect(fileSystemHandler(join(root, 'file.txt', 'model')).save!(artifacts([1]))).rejects.toThrow(
      ModelSaveError,
    );
    await expect(fileSystemHandler(join(root, 'file.txt')).save!(artifacts([1]))).rejects.toThrow(
      /is a file; a model is saved as a directory/,
    );
    expect(await readFile(join(root, 'file.txt'), 'utf8')).toBe('x');
    expect(await listing()).toEqual(['file.txt']);
  });

  test('overwrite: false refuses a directory that holds a save, not one that holds other files only', async () => {
    const other = join(root, 'kept');
    await fileSystemHandler(other).save!(artifacts([1]));
    await expect(fileSystemHandler(other, { overwrite: false }).save!(artifacts([2]))).rejects.toThrow(
      /already holds a save \(group1-shard1of1\.[0-9a-f]{16}\.bin, model\.json\) and overwrite is false/,
    );
    expect(floats((await fileSystemHandler(other).load!()).weightData)).toEqual([1]);
    const docs = join(root, 'docs');
    await mkdir(docs);
    await writeFile(join(docs, 'notes.txt'), 'keep me');
    await fileSystemHandler(docs, { overwrite: false }).save!(artifacts([2]));
    expect(await names(docs)).toEqual(['group1-shard1of1.bin', 'model.json', 'notes.txt']);
  });
});

describe('fileSystemHandler: saving into a directory that holds other files', () => {
  const entries = names;

  /** A directory with a user's files (one of them a .bin that is not a shard) and a 3-shard save. */
  async function crowded(): Promise<string> {
    const dir = join(root, 'project');
    await mkdir(join(dir, 'src'), { recursive: true });
    await writeFile(join(dir, 'notes.txt'), 'keep me');
    await writeFile(join(dir, 'data.bin'), new Uint8Array([7, 7]));
    await writeFile(join(dir, 'src', 'train.ts'), 'code');
    await fileSystemHandler(dir, { shardBytes: 8 }).save!(artifacts([1, 2, 3, 4, 5]));
    return dir;
  }
  const foreign = ['data.bin', 'notes.txt', 'src'];

  test('writes model.json and the shards, removes stale shards, leaves the other files alone', async () => {
    const dir = await crowded();
    expect(await entries(dir)).toEqual([
      ...foreign.slice(0, 1),
      'group1-shard1of3.bin',
      'group1-shard2of3.bin',
      'group1-shard3of3.bin',
      'model.json',
      ...foreign.slice(1),
    ]);
    await fileSystemHandler(dir).save!(artifacts([9, 8]));
    expect(await entries(dir)).toEqual(['data.bin', 'group1-shard1of1.bin', 'model.json', 'notes.txt', 'src']);
    expect(floats((await fileSystemHandler(dir).load!()).weightData)).toEqual([9, 8]);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
    expect([...(await readFile(join(dir, 'data.bin')))]).toEqual([7, 7]);
    expect(await readFile(join(dir, 'src', 'train.ts'), 'utf8')).toBe('code');
  });

  test("a TF.js save's weights.bin (named by the old model.json) is replaced, not left stale", async () => {
    const dir = join(root, 'tfjs');
    await mkdir(dir);
    await writeFile(join(dir, 'README.md'), 'hi');
    await writeFile(join(dir, 'weights.bin'), new Uint8Array(new Float32Array([1]).buffer));
    const json = { modelTopology: topology, weightsManifest: [{ paths: ['weights.bin'], weights: [] }] };
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    await fileSystemHandler(dir).save!(artifacts([4]));
    expect(await entries(dir)).toEqual(['README.md', 'group1-shard1of1.bin', 'model.json']);
  });

  test('a write that fails leaves the previous save loadable, the other files intact and no litter', async () => {
    const dir = await crowded();
    const before = await entries(dir);
    const fs = await nodeFileSystem();
    const failing: FileSystem = {
      ...fs,
      writeFile: async (path, data) => {
        if (/shard1of1/.test(path)) throw new Error('ENOSPC: no space left on device');
        return fs.writeFile(path, data);
      },
    };
    await expect(fileSystemHandler(dir, { fileSystem: failing }).save!(artifacts([6]))).rejects.toThrow(
      /could not write '.*project': ENOSPC.*nothing was changed there/,
    );
    expect(await entries(dir)).toEqual(before);
    expect(floats((await fileSystemHandler(dir).load!()).weightData)).toEqual([1, 2, 3, 4, 5]);
  });

  test('a move that fails halfway leaves the previous save as it was', async () => {
    const dir = await crowded();
    const before = await entries(dir);
    const fs = await nodeFileSystem();
    const failing: FileSystem = {
      ...fs,
      // The new shard is moved in, then moving the new model.json fails.
      rename: async (from, to) => {
        if (/horn-tmp-[^/\\]+[/\\]model\.json$/.test(from)) throw new Error('EIO: simulated failure');
        return fs.rename(from, to);
      },
    };
    await expect(fileSystemHandler(dir, { fileSystem: failing }).save!(artifacts([6]))).rejects.toThrow(
      /could not move the new save into '.*project': EIO: simulated failure; the previous save was left as it was/,
    );
    expect(await entries(dir)).toEqual(before);
    expect(floats((await fileSystemHandler(dir).load!()).weightData)).toEqual([1, 2, 3, 4, 5]);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });
});
