import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Input } from '@horn/layers';
import { randomNormal, type Tensor } from '@horn/tensor';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { httpLoadHandler, loadModel, ModelFileError, Sequential, saveModel } from '../index.js';
import { shardPath } from '../test-support/shard-names.js';

let root: string;
let server: Server;
let base: string;

// A local static file server for the saved model (no network access is needed).
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-http-'));
  server = createServer(async (req, res) => {
    try {
      const body = await readFile(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
      res.writeHead(200).end(body);
    } catch {
      res.writeHead(404, 'Not Found').end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe('loading over http(s) with fetch', () => {
  test('loadModel reads model.json and its shards from a URL', async () => {
    const model = new Sequential([Input({ shape: [3] }), new Dense({ units: 2, activation: 'tanh' })]);
    await saveModel(model, join(root, 'm'));
    const x = randomNormal([2, 3]);
    const loaded = await loadModel(`${base}/m/model.json`);
    expect([...(loaded.apply(x) as Tensor).dataSync()]).toEqual([...(model.apply(x) as Tensor).dataSync()]);
    const viaHandler = await loadModel(httpLoadHandler(`${base}/m/model.json`));
    expect(viaHandler.weights.length).toBe(2);
  });

  test('a missing model.json or shard, and a truncated shard, name the URL', async () => {
    await expect(loadModel(`${base}/nothing/model.json`)).rejects.toThrow(ModelFileError);
    await expect(loadModel(`${base}/nothing/model.json`)).rejects.toThrow(
      /nothing\/model\.json: request failed with HTTP 404/,
    );
    const model = new Sequential([Input({ shape: [3] }), new Dense({ units: 2 })]);
    await saveModel(model, join(root, 'broken'));
    const shard = await shardPath(join(root, 'broken'), 'group1-shard1of1.bin');
    await writeFile(shard, (await readFile(shard)).subarray(0, 8));
    await expect(loadModel(`${base}/broken/model.json`)).rejects.toThrow(
      /broken\/group1-shard1of1\.[0-9a-f]{16}\.bin are too short/,
    );
    await rm(shard);
    await expect(loadModel(`${base}/broken/model.json`)).rejects.toThrow(
      /http:.*broken\/group1-shard1of1\.[0-9a-f]{16}\.bin: request failed with HTTP 404/,
    );
    await expect(saveModel(model, `${base}/upload`)).rejects.toThrow(/saving over HTTP is not supported/);
  });
});
