import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  ChecksumError,
  type DatasetSource,
  DownloadError,
  type DownloadProgress,
  datasetFiles,
  mnist,
} from '../index.js';

const MNIST_DIR = fileURLToPath(new URL('../../../../../shared/data/mnist', import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const good = new TextEncoder().encode('the right bytes\n'.repeat(50));
const other = new TextEncoder().encode('the wrong bytes\n'.repeat(50)); // as long as good: only the hash differs
const requests = new Map<string, number>();
let server: Server;
let base: string;
let home: string;

// Serves /mnist/<file> from shared/data/mnist, /good, /other, /truncated and /missing (404).
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    requests.set(url, (requests.get(url) ?? 0) + 1);
    const name = url.split('/').pop() ?? '';
    if (url.startsWith('/mnist/') && existsSync(join(MNIST_DIR, name))) {
      const bytes = readFileSync(join(MNIST_DIR, name));
      res.writeHead(200, { 'content-length': bytes.length });
      res.end(bytes);
    } else if (url.startsWith('/good/') || url.startsWith('/mirror/tiny/')) {
      res.writeHead(200, { 'content-length': good.length });
      res.end(good);
    } else if (url.startsWith('/other/')) {
      res.writeHead(200, { 'content-length': other.length });
      res.end(other);
    } else if (url.startsWith('/truncated/')) {
      res.writeHead(200, { 'content-length': good.length });
      res.write(good.subarray(0, 300));
      setTimeout(() => res.socket?.destroy(), 20);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'horn-home-'));
  vi.stubEnv('HORN_HOME', home);
  requests.clear();
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(home, { recursive: true, force: true });
});

const tiny = (sha: string): DatasetSource => ({
  id: 'tiny',
  envName: 'TINY',
  remote: [{ name: 'tiny.txt', url: 'http://127.0.0.1:9/never-used', sha256: sha, size: good.length }],
  local: [['tiny.txt']],
});
const cacheFolder = () => join(home, 'datasets', 'tiny');

describe('downloads into the cache', () => {
  test('MNIST downloads from a base URL, is verified, cached under $HORN_HOME/datasets/mnist, then read offline', async () => {
    const progress: DownloadProgress[] = [];
    const [[xTrain, yTrain], [, yTest]] = await mnist.loadData({
      baseUrl: `${base}/mnist/`,
      onProgress: (p) => progress.push(p),
    });
    expect(xTrain.shape).toEqual([60000, 28, 28]);
    expect([yTrain.dataSync()[0], yTest.dataSync()[0]]).toEqual([5, 7]);
    expect([...requests.values()].reduce((a, b) => a + b, 0)).toBe(4);
    const cached = readdirSync(join(home, 'datasets', 'mnist')).sort();
    expect(cached).toEqual([
      't10k-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte.gz',
      'train-images-idx3-ubyte.gz',
      'train-labels-idx1-ubyte.gz',
    ]);
    // Progress is reported for the two files over 1 MiB only, ending at their full size.
    expect(new Set(progress.map((p) => p.file))).toEqual(
      new Set(['train-images-idx3-ubyte.gz', 't10k-images-idx3-ubyte.gz']),
    );
    const last = progress.filter((p) => p.file === 'train-images-idx3-ubyte.gz').at(-1);
    expect(last).toEqual({ file: 'train-images-idx3-ubyte.gz', loaded: 9912422, total: 9912422 });

    requests.clear();
    const [[again]] = await mnist.loadData({ baseUrl: `${base}/mnist` });
    expect(again.shape).toEqual([60000, 28, 28]);
    expect(requests.size).toBe(0);
  });

  test('HORN_DATASETS_URL is a mirror laid out like the cache; a cache hit makes no request', async () => {
    vi.stubEnv('HORN_DATASETS_URL', `${base}/mirror`);
    const files = await datasetFiles(tiny(sha256(good)), { onProgress: false });
    expect(files.get('tiny.txt')).toEqual(good);
    expect(requests.get('/mirror/tiny/tiny.txt')).toBe(1);
    expect(readFileSync(join(cacheFolder(), 'tiny.txt'))).toEqual(Buffer.from(good));
    await datasetFiles(tiny(sha256(good)));
    expect(requests.get('/mirror/tiny/tiny.txt')).toBe(1);
  });

  test('a corrupt cached file is deleted and downloaded again', async () => {
    await datasetFiles(tiny(sha256(good)), { baseUrl: `${base}/good` });
    writeFileSync(join(cacheFolder(), 'tiny.txt'), 'bit rot');
    const files = await datasetFiles(tiny(sha256(good)), { baseUrl: `${base}/good` });
    expect(files.get('tiny.txt')).toEqual(good);
    expect(requests.get('/good/tiny.txt')).toBe(2);
    expect(readFileSync(join(cacheFolder(), 'tiny.txt'))).toEqual(Buffer.from(good));
  });

  test('the cacheDir option replaces $HORN_HOME/datasets', async () => {
    const cacheDir = join(home, 'elsewhere');
    await datasetFiles(tiny(sha256(good)), { baseUrl: `${base}/good`, cacheDir });
    expect(readdirSync(join(cacheDir, 'tiny'))).toEqual(['tiny.txt']);
  });
});

describe('failed downloads leave nothing in the cache', () => {
  test('a checksum mismatch deletes the file and names the file, expected and actual hash', async () => {
    const expected = sha256(good);
    const actual = sha256(other);
    const load = () => datasetFiles(tiny(expected), { baseUrl: `${base}/other` });
    await expect(load()).rejects.toThrow(ChecksumError);
    await expect(load()).rejects.toThrow(`checksum mismatch for tiny.txt`);
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumError);
    expect((error as ChecksumError).message).toContain(`expected sha256 ${expected}, got ${actual}`);
    expect((error as ChecksumError).expected).toBe(expected);
    expect((error as ChecksumError).actual).toBe(actual);
    expect(readdirSync(cacheFolder())).toEqual([]);
  });

  test('a truncated response (connection dropped before Content-Length) leaves no file', async () => {
    const load = datasetFiles(tiny(sha256(good)), { baseUrl: `${base}/truncated` });
    await expect(load).rejects.toThrow(DownloadError);
    await expect(datasetFiles(tiny(sha256(good)), { baseUrl: `${base}/truncated` })).rejects.toThrow(
      /download of tiny.txt from http:\/\/127.0.0.1:\d+\/truncated\/tiny.txt (broke off after 300 bytes|is truncated)/,
    );
    expect(readdirSync(cacheFolder())).toEqual([]);
  });

  test('HTTP 404 is a DownloadError naming the status and URL', async () => {
    const load = () => datasetFiles(tiny(sha256(good)), { baseUrl: `${base}/missing` });
    await expect(load()).rejects.toThrow(DownloadError);
    await expect(load()).rejects.toThrow(/tiny.txt from http:\/\/127.0.0.1:\d+\/missing\/tiny.txt failed: HTTP 404/);
    expect(readdirSync(cacheFolder())).toEqual([]);
  });

  test('a refused connection is a DownloadError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(datasetFiles(tiny(sha256(good)), { baseUrl: `http://127.0.0.1:${port}` })).rejects.toThrow(
      DownloadError,
    );
  });
});
