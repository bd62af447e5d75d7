import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Input } from '@horn/layers';
import { memory } from '@horn/tensor';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { httpLoadHandler, loadModel, type ModelJSON, saveModel } from '../index.js';
import { Sequential } from '../sequential.js';
import { shardUrl } from './http-handler.js';

let root: string;
let dir: string;
/** The save's one shard (content-addressed: `group1-shard1of1.<hash>.bin`): 8 floats, kernel [3, 2] + bias [2] = 32 bytes. */
let SHARD: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-load-hostile-'));
  dir = join(root, 'model');
  const model = new Sequential([Input({ shape: [3] }), new Dense({ units: 2, name: 'dense' })]);
  await saveModel(model, dir);
  model.dispose();
  SHARD = (JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as ModelJSON).weightsManifest[0].paths[0];
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const readJSON = async () => JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as ModelJSON;
const writeJSON = (json: unknown) => writeFile(join(dir, 'model.json'), JSON.stringify(json));

describe('file loading reads nothing outside the model directory and nothing unbounded', () => {
  test('a shard that is a symlink out of the directory is refused without telling what is there', async () => {
    const secret = join(root, 'secret.bin');
    await writeFile(secret, new Uint8Array(32));
    await rm(join(dir, SHARD));
    await symlink(secret, join(dir, SHARD));
    const error = await loadModel(dir).catch((e: Error) => e);
    expect(String(error)).toMatch(
      /'group1-shard1of1[.0-9a-f]*\.bin' leaves the model's directory \(through a symlink\): refused/,
    );
    expect(String(error)).not.toMatch(/secret|32 bytes/);
  });

  test('a symlink to /dev/zero and a FIFO are refused, not read', async () => {
    await rm(join(dir, SHARD));
    await symlink('/dev/zero', join(dir, SHARD));
    await expect(loadModel(dir)).rejects.toThrow(/leaves the model's directory/);
    await rm(join(dir, SHARD));
    execFileSync('mkfifo', [join(dir, SHARD)]);
    await expect(loadModel(dir)).rejects.toThrow(/'group1-shard1of1[.0-9a-f]*\.bin' is not a regular file: refused/);
  });

  test('a 1.9 GB sparse shard is refused by its size before a byte is read', async () => {
    await truncate(join(dir, SHARD), 1.9e9);
    const before = process.memoryUsage().arrayBuffers;
    await expect(loadModel(dir)).rejects.toThrow(/too long: 1900000000 bytes, over the 32 bytes its weights need/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 2 ** 20);
  });

  test('one shard listed 300 times is refused', async () => {
    const json = await readJSON();
    json.weightsManifest[0].paths = Array.from({ length: 300 }, () => SHARD);
    await writeJSON(json);
    await expect(loadModel(dir)).rejects.toThrow(
      /shard 'group1-shard1of1[.0-9a-f]*\.bin' is listed twice in the weights manifest/,
    );
  });

  test('a manifest declaring more than maxWeightBytes is refused before its shards are read', async () => {
    const json = await readJSON();
    json.weightsManifest[0].weights[0].shape = [40000, 20000]; // 3.2 GB
    await writeJSON(json);
    await expect(loadModel(dir)).rejects.toThrow(
      /declares 3200000008 bytes of weights, over the limit of 2147483648 bytes \(raise it with the maxWeightBytes option/,
    );
    await expect(loadModel(dir, { maxWeightBytes: 2 ** 32 })).rejects.toThrow(/too short/);
  });

  test('a 1.5 GiB Dense declared by a small model.json is refused while it is built, leaking nothing', async () => {
    const json = await readJSON();
    const topology = JSON.stringify(json.modelTopology).replace('"units":2', '"units":130000000');
    json.modelTopology = JSON.parse(topology);
    await writeJSON(json);
    const tensors = memory().numTensors;
    const before = process.memoryUsage().arrayBuffers;
    await expect(loadModel(dir)).rejects.toThrow(
      /layer 'dense' weight 'kernel' of shape \[3, 130000000\] needs 1560000000 bytes, more than the weights the file declares allow/,
    );
    expect(memory().numTensors).toBe(tensors);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 2 ** 20);
  });
});

describe('http loading stays on the model.json origin and directory, bounded in size and time', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  let files: Map<string, Uint8Array>;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? '';
      requests.push(url);
      const file = files.get(url);
      if (url.startsWith('/huge/') && url.endsWith('.bin')) {
        res.writeHead(200, { 'content-length': String(10 * 2 ** 30) });
        res.write(new Uint8Array(16));
      } else if (url.startsWith('/endless/') && url.endsWith('.bin')) {
        res.writeHead(200);
        const pump = () => {
          if (!res.destroyed && res.write(new Uint8Array(4096))) setImmediate(pump);
        };
        res.on('drain', pump);
        pump();
      } else if (url.startsWith('/stall/') && url.endsWith('.bin')) {
        res.writeHead(200, { 'content-length': '32' });
        res.write(new Uint8Array(4));
      } else if (file) {
        res.writeHead(200, { 'content-length': file.length });
        res.end(file);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(async () => {
    requests.length = 0;
    files = new Map([
      ['/m/model.json', await readFile(join(dir, 'model.json'))],
      [`/m/${SHARD}`, await readFile(join(dir, SHARD))],
    ]);
  });
  const serveWithPath = async (path: string) => {
    const json = await readJSON();
    json.weightsManifest[0].paths = [path];
    files.set('/m/model.json', new TextEncoder().encode(JSON.stringify(json)));
  };

  test('the intact model loads', async () => {
    const model = await loadModel(`${base}/m/model.json`);
    expect(model.getWeights().map((w) => w.shape)).toEqual([[3, 2], [2]]);
    model.dispose();
  });

  test.each([
    'http://127.0.0.2:9/x.bin',
    '//evil.example/x.bin',
    '/secret/weights.bin',
    '%2e%2e/secret/weights.bin',
    '.%2E/secret/weights.bin',
    '%252e%252e/secret/weights.bin',
    '..\\secret\\weights.bin',
  ])('shard path %s is refused before any request for it', async (path) => {
    await serveWithPath(path);
    await expect(loadModel(`${base}/m/model.json`)).rejects.toThrow(
      /must be relative to the model\.json|leaves the model's directory/,
    );
    expect(requests).toEqual(['/m/model.json']);
  });

  test('shardUrl resolves a plain name beside the model.json', () => {
    expect(shardUrl('https://a.org/m/model.json', 'group1-shard1of1.bin')).toBe('https://a.org/m/group1-shard1of1.bin');
    expect(shardUrl('https://a.org/m/model.json', './w.bin')).toBe('https://a.org/m/w.bin');
  });

  test('a shard announcing 10 GiB, an endless body and a stalled one are refused in bounded time', async () => {
    const load = (route: string) => {
      const json = JSON.parse(new TextDecoder().decode(files.get('/m/model.json')));
      json.weightsManifest[0].paths = [SHARD];
      files.set(`/${route}/model.json`, new TextEncoder().encode(JSON.stringify(json)));
      return loadModel(httpLoadHandler(`${base}/${route}/model.json`, { timeoutMs: 300 }));
    };
    await expect(load('huge')).rejects.toThrow(/too long: 10737418240 bytes, over the 32 bytes its weights need/);
    await expect(load('endless')).rejects.toThrow(/too long: more than the 32 bytes its weights need/);
    await expect(load('stall')).rejects.toThrow(/the body stalled for 300 ms \(timeoutMs\)/);
  });
});
