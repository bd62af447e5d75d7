import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { killTestArtifacts } from '../test-support/kill-save-child.js';
import type { ModelArtifacts } from './artifacts.js';
import { fileSystemHandler } from './file-handler.js';
import { type FileSystem, nodeFileSystem } from './file-system.js';

// A save is crash-safe when, wherever a kill lands, the path loads the previous model or the new
// one, complete; and the next save removes what the killed one left.

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-crash-save-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const SHARD_BYTES = 4096; // A: 12,000 bytes in 3 shards; B: 2,800 bytes in 1.
const A = killTestArtifacts('A');
const B = killTestArtifacts('B');
const floats = (a: ModelArtifacts) => [...new Float32Array(a.weightData as ArrayBuffer)];
const [valuesA, valuesB] = [floats(A), floats(B)];

/** Which complete model the directory loads: 'A', 'B', or null when there is none. */
async function loaded(dir: string): Promise<'A' | 'B' | null> {
  const fs = await nodeFileSystem();
  if ((await fs.kind(join(dir, 'model.json'))) === null) return null;
  const artifacts = await fileSystemHandler(dir).load!();
  const values = floats(artifacts);
  const name = (artifacts.modelTopology as { config: { name: string } }).config.name;
  if (name === 'A' && values.length === valuesA.length && values.every((v, i) => v === valuesA[i])) return 'A';
  if (name === 'B' && values.length === valuesB.length && values.every((v, i) => v === valuesB[i])) return 'B';
  throw new Error(`${dir} holds a mix: model ${name} with ${values.length} weights`);
}

/**
 * Node's file system that "dies" at its `crashAt`-th operation: that operation (a file write
 * half done) and every later one never complete, as in a process killed at that instant.
 */
async function dyingFs(crashAt: number): Promise<{ fs: FileSystem; died: Promise<void>; ops: () => number }> {
  const base = await nodeFileSystem();
  let count = 0;
  let die!: () => void;
  const died = new Promise<void>((resolve) => {
    die = resolve;
  });
  const hang = new Promise<never>(() => {});
  const step = <T>(run: () => Promise<T>, partial?: () => Promise<unknown>): Promise<T> => {
    count++;
    if (count < crashAt) return run();
    if (count === crashAt) return (partial?.() ?? Promise.resolve()).then(() => die()).then(() => hang);
    return hang;
  };
  const fs: FileSystem = {
    ...base,
    writeFile: (p, d) =>
      step(
        () => base.writeFile(p, d),
        () => base.writeFile(p, d.subarray(0, d.byteLength >> 1)),
      ),
    readFile: (p) => step(() => base.readFile(p)),
    mkdir: (p) => step(() => base.mkdir(p)),
    rename: (a, b) => step(() => base.rename(a, b)),
    remove: (p) => step(() => base.remove(p)),
    list: (p) => step(() => base.list(p)),
    kind: (p) => step(() => base.kind(p)),
    syncDirectory: (p) => step(() => base.syncDirectory(p)),
  };
  return { fs, died, ops: () => count };
}

const userFiles = ['notes.txt', 'data.bin'];

/** A directory in the state `setup` names, before the save that is killed. */
async function prepare(dir: string, setup: 'empty' | 'A' | 'A+litter'): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  if (setup === 'empty') return;
  await fileSystemHandler(dir, { shardBytes: SHARD_BYTES }).save!(A);
  if (setup === 'A') return;
  for (const f of userFiles) await writeFile(join(dir, f), f);
  // What Horn's earlier rename-aside saves left when killed: a backup and a temporary directory.
  await mkdir(join(dir, '.horn-old-lq1-0-abc'), { recursive: true });
  await writeFile(join(dir, '.horn-old-lq1-0-abc', 'model.json'), '{}');
  await mkdir(join(dir, '.horn-tmp-lq1-1-def'));
  await mkdir(join(root, `.${dir.split(/[\\/]/).pop()}.horn-tmp-lq1-2-ghi`));
}

describe('saveModel survives a crash at every file-system operation', () => {
  for (const setup of ['empty', 'A', 'A+litter'] as const) {
    test(`over ${setup === 'empty' ? 'nothing' : `a save of A${setup === 'A' ? '' : ', user files and old litter'}`}`, async () => {
      const dir = join(root, `every-${setup}`);
      await prepare(dir, setup);
      const counting = await dyingFs(Number.POSITIVE_INFINITY);
      await fileSystemHandler(dir, { shardBytes: SHARD_BYTES, fileSystem: counting.fs }).save!(B);
      const total = counting.ops();
      expect(total).toBeGreaterThan(5);
      const seen = new Set<string | null>();
      for (let crashAt = 1; crashAt <= total + 1; crashAt++) {
        await prepare(dir, setup);
        const { fs, died } = await dyingFs(crashAt);
        const save = fileSystemHandler(dir, { shardBytes: SHARD_BYTES, fileSystem: fs }).save!(B);
        await Promise.race([save, died]);
        const found = await loaded(dir);
        seen.add(found);
        expect([setup === 'empty' ? null : 'A', 'B'], `crash at operation ${crashAt} of ${total}`).toContain(found);
        // The next save completes and removes what the killed one left; user files stay.
        await fileSystemHandler(dir, { shardBytes: SHARD_BYTES }).save!(A);
        expect(await loaded(dir)).toBe('A');
        const entries = (await readdir(dir)).sort();
        const kept = setup === 'A+litter' ? userFiles : [];
        expect(entries.filter((e) => !e.startsWith('group1-')).sort()).toEqual(['model.json', ...kept].sort());
        expect(entries.filter((e) => e.startsWith('group1-'))).toHaveLength(3);
        expect((await readdir(root)).filter((e) => e.includes('horn-tmp'))).toEqual([]);
      }
      // The crashes landed before and after the commit.
      expect(seen).toContain('B');
      expect(seen).toContain(setup === 'empty' ? null : 'A');
    });
  }
});

// The child process saves A and B over each other until it is killed (see kill-save-child.ts).
let child: string;
beforeAll(() => {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const fromVitest = createRequire(createRequire(import.meta.url).resolve('vitest/package.json'));
  const esbuild = createRequire(fromVitest.resolve('vite/package.json'))('esbuild') as {
    buildSync(options: object): void;
  };
  child = join(root, 'kill-save-child.mjs');
  esbuild.buildSync({
    entryPoints: [join(here, '../test-support/kill-save-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: child,
    alias: { '@horn/tensor': join(here, '../../../tensor/src/index.ts') },
    logLevel: 'error',
  });
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts the child (saving `first` first), waits for it to be saving, kills it with SIGKILL `delay` ms later. */
function killSavingChild(dir: string, delay: number, first: 'A' | 'B'): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [child, dir, String(SHARD_BYTES), first];
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d) => {
      stderr += d;
    });
    proc.stdout.once('data', () => setTimeout(() => proc.kill('SIGKILL'), delay));
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the saving child exited by itself (code ${code}): ${stderr}`));
    });
  });
}

describe('saveModel survives kill -9', () => {
  test('200 kills of a process saving at random seeded moments: the path always loads A or B, complete', async () => {
    const dir = join(root, 'killed');
    const random = mulberry32(14);
    const seen = { A: 0, B: 0, litter: 0 };
    for (let kill = 0; kill < 200; kill++) {
      await killSavingChild(dir, random() * 25, random() < 0.5 ? 'A' : 'B');
      const found = await loaded(dir).catch((e: Error) => {
        throw new Error(`after kill ${kill}: ${e.message}`);
      });
      // The first save may be killed before it renames the new directory into place.
      if (found === null) expect((await readdir(root)).includes('killed'), `kill ${kill}`).toBe(false);
      else seen[found]++;
      if ((await readdir(dir).catch(() => [])).some((e) => e.startsWith('.horn-tmp-'))) seen.litter++;
    }
    // Kills landed in both models' saves and in the middle of saves.
    expect(seen.A).toBeGreaterThan(10);
    expect(seen.B).toBeGreaterThan(10);
    expect(seen.litter).toBeGreaterThan(10);
    await fileSystemHandler(dir, { shardBytes: SHARD_BYTES }).save!(B);
    expect((await readdir(dir)).filter((e) => !e.startsWith('group1-'))).toEqual(['model.json']);
    expect((await readdir(dir)).filter((e) => e.startsWith('group1-'))).toHaveLength(1);
  }, 120_000);
});
