import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type DatasetSource, DownloadError, datasetFiles } from '../index.js';
import { readRegularFile } from './regular-file.js';

const body = new TextEncoder().encode('published bytes\n'.repeat(284)); // 4,544 bytes
const sha256 = createHash('sha256').update(body).digest('hex');
let server: Server;
let base: string;
let home: string;

// /good: the file; /huge: announces 10 GiB; /endless: no Content-Length, never ends;
// /stall: headers, then silence; /silent: no response at all.
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/good/')) {
      res.writeHead(200, { 'content-length': body.length });
      res.end(body);
    } else if (url.startsWith('/huge/')) {
      res.writeHead(200, { 'content-length': String(10 * 2 ** 30) });
      res.write(body);
    } else if (url.startsWith('/endless/')) {
      res.writeHead(200);
      const pump = () => {
        if (!res.destroyed && res.write(new Uint8Array(64 * 1024))) setImmediate(pump);
      };
      res.on('drain', pump);
      pump();
    } else if (url.startsWith('/stall/')) {
      res.writeHead(200, { 'content-length': body.length });
      res.write(body.subarray(0, 100));
    }
    // /silent/: never answers
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'horn-hostile-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const source: DatasetSource = {
  id: 'tiny',
  envName: 'TINY',
  remote: [{ name: 'tiny.txt', url: 'http://127.0.0.1:9/never-used', sha256, size: body.length }],
  local: [['tiny.txt']],
};
const load = (route: string, timeoutMs = 1000) =>
  datasetFiles(source, { baseUrl: `${base}/${route}`, cacheDir: home, onProgress: false, timeoutMs });
const cacheEntries = () => {
  try {
    return readdirSync(join(home, 'tiny'));
  } catch {
    return [];
  }
};

describe('downloads are bounded in size and time, and leave no .part behind', () => {
  test('a Content-Length over the published size is refused before the body is read', async () => {
    await expect(load('huge')).rejects.toThrow(/announces 10737418240 bytes, the file is published as 4544/);
    expect(cacheEntries()).toEqual([]);
  });

  test('an endless body stops just past the published size', async () => {
    await expect(load('endless')).rejects.toThrow(/stopped: more than the 4544 bytes the file is published as/);
    expect(cacheEntries()).toEqual([]);
  });

  test('a stalled body and a server that never answers time out', async () => {
    await expect(load('stall', 300)).rejects.toThrow(
      /stalled: nothing received for 300 ms \(raise it with the timeoutMs option\)/,
    );
    await expect(load('silent', 300)).rejects.toThrow(DownloadError);
    expect(cacheEntries()).toEqual([]);
  });

  test('the good file downloads and is cached', async () => {
    expect((await load('good')).get('tiny.txt')).toEqual(body);
    expect(cacheEntries()).toEqual(['tiny.txt']);
  });
});

describe('poisoned cache entries neither hang nor fill memory', () => {
  const entry = () => join(home, 'tiny', 'tiny.txt');
  beforeEach(() => mkdirSync(join(home, 'tiny'), { recursive: true }));

  test('a FIFO, a symlink to /dev/zero and a directory are refused by name', async () => {
    execFileSync('mkfifo', [entry()]);
    await expect(load('good')).rejects.toThrow(/cached file .*tiny\.txt is a FIFO, not a regular file; remove it/);
    rmSync(entry());
    symlinkSync('/dev/zero', entry());
    await expect(load('good')).rejects.toThrow(/is a device or socket, not a regular file/);
    rmSync(entry());
    mkdirSync(entry());
    await expect(load('good')).rejects.toThrow(/is a directory, not a regular file/);
  });

  test('a cached file of the wrong size is not hashed but fetched again', async () => {
    writeFileSync(entry(), new Uint8Array(body.length + 1));
    expect((await load('good')).get('tiny.txt')).toEqual(body);
    expect(await readRegularFile(entry(), 'cached file', body.length)).toEqual({ bytes: new Uint8Array(body) });
    expect(await readRegularFile(entry(), 'cached file', 3)).toEqual({ wrongSize: body.length });
    expect(await readRegularFile(join(home, 'nothing'), 'cached file')).toEqual({ missing: true });
  });
});
