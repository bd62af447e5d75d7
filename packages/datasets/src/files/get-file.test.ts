import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NotImplementedError, ValueError } from '@horn/tensor';
import { gzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { ChecksumError, DownloadError, getFile } from '../index.js';

const text = new TextEncoder().encode('hello horn\n');
// `sha256sum` / `md5sum` of 'hello horn\n' (also hashlib.sha256(b'hello horn\n').hexdigest()).
const SHA256 = createHash('sha256').update(text).digest('hex');
const MD5 = createHash('md5').update(text).digest('hex');

/** A ustar archive of the given files, as `tar cf` writes it (one 512-byte header per file, two zero blocks). */
function tarOf(files: Record<string, string>): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const [name, content] of Object.entries(files)) {
    const body = new TextEncoder().encode(content);
    const header = new Uint8Array(512);
    const put = (at: number, s: string) => header.set(new TextEncoder().encode(s), at);
    put(0, name);
    put(100, '0000644\0');
    put(108, '0000000\0');
    put(116, '0000000\0');
    put(124, `${body.length.toString(8).padStart(11, '0')}\0`);
    put(136, '00000000000\0');
    put(156, '0');
    put(257, 'ustar\0');
    put(263, '00');
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
    put(148, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(header, body, new Uint8Array((512 - (body.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

const archive = { 'data/a.txt': 'first\n', 'data/sub/b.txt': 'second\n' };
const served: Record<string, Uint8Array> = {
  '/hello.txt': text,
  '/data.tar.gz': gzipSync(tarOf(archive)),
  '/data.tar': tarOf(archive),
  '/data.zip': zipSync({
    'data/a.txt': new TextEncoder().encode('first\n'),
    'data/sub/b.txt': new TextEncoder().encode('second\n'),
  }),
  '/data.tar.bz2': new TextEncoder().encode('BZh91AY&SY not really'),
};
const hits = new Map<string, number>();
let server: Server;
let base: string;
let cache: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const body = served[url];
    if (body) {
      res.writeHead(200, { 'content-length': body.length });
      res.end(body);
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), 'horn-get-file-'));
  hits.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(cache, { recursive: true, force: true });
});

describe('getFile (Keras get_file)', () => {
  test('downloads into <cacheDir>/datasets/<fname>, then serves the cache', async () => {
    const path = await getFile('hello.txt', `${base}/hello.txt`, { cacheDir: cache, fileHash: SHA256 });
    expect(path).toBe(join(cache, 'datasets', 'hello.txt'));
    expect(readFileSync(path, 'utf8')).toBe('hello horn\n');
    expect(await getFile('hello.txt', `${base}/hello.txt`, { cacheDir: cache, fileHash: SHA256 })).toBe(path);
    expect(hits.get('/hello.txt')).toBe(1);
    await getFile('hello.txt', `${base}/hello.txt`, { cacheDir: cache, forceDownload: true });
    expect(hits.get('/hello.txt')).toBe(2);
  });

  test('fname defaults to the origin file name; cacheSubdir; md5 picked by hash length', async () => {
    const path = await getFile(null, `${base}/hello.txt`, { cacheDir: cache, cacheSubdir: 'mine', fileHash: MD5 });
    expect(path).toBe(join(cache, 'mine', 'hello.txt'));
    await expect(
      getFile('h.txt', `${base}/hello.txt`, { cacheDir: cache, fileHash: MD5, hashAlgorithm: 'sha256' }),
    ).rejects.toThrow(/expected sha256/);
  });

  test('a bad checksum is a ChecksumError and leaves no file behind', async () => {
    const wrong = '0'.repeat(64);
    const error = await getFile('hello.txt', `${base}/hello.txt`, { cacheDir: cache, fileHash: wrong }).catch((e) => e);
    expect(error).toBeInstanceOf(ChecksumError);
    expect((error as ChecksumError).actual).toBe(SHA256);
    expect(readdirSync(join(cache, 'datasets'))).toEqual([]);
  });

  test('a cached file with the wrong hash is downloaded again', async () => {
    const dir = join(cache, 'datasets');
    await getFile('hello.txt', `${base}/hello.txt`, { cacheDir: cache });
    writeFileSync(join(dir, 'hello.txt'), 'corrupt');
    const path = await getFile('hello.txt', `${base}/hello.txt`, {
      cacheDir: cache,
      fileHash: MD5,
      hashAlgorithm: 'md5',
    });
    expect(readFileSync(path, 'utf8')).toBe('hello horn\n');
    expect(hits.get('/hello.txt')).toBe(2);
  });

  test('file:// origins, HTTP errors and bad arguments', async () => {
    const source = join(cache, 'source.txt');
    writeFileSync(source, text);
    const path = await getFile('copy.txt', pathToFileURL(source).href, { cacheDir: cache, fileHash: SHA256 });
    expect(readFileSync(path, 'utf8')).toBe('hello horn\n');
    await expect(getFile('x.txt', `${base}/missing.txt`, { cacheDir: cache })).rejects.toThrow(DownloadError);
    expect(existsSync(join(cache, 'datasets', 'x.txt'))).toBe(false);
    await expect(getFile('a/b.txt', `${base}/hello.txt`, { cacheDir: cache })).rejects.toThrow(/not a path/);
    await expect(getFile(undefined, `${base}/`, { cacheDir: cache })).rejects.toThrow(/cannot parse the file name/);
    const bad = { cacheDir: cache, md5Hash: MD5 } as unknown as Parameters<typeof getFile>[2];
    await expect(getFile('h.txt', `${base}/hello.txt`, bad)).rejects.toThrow(/unknown option 'md5Hash'/);
    await expect(getFile('h.txt', '', {})).rejects.toThrow(ValueError);
  });

  test.each([
    ['data.tar.gz', 'auto'],
    ['data.tar', 'tar'],
    ['data.zip', 'zip'],
  ] as const)('extracts %s (archiveFormat %s) into <name>_extracted, as Keras names it', async (name, format) => {
    const dir = await getFile(name, `${base}/${name}`, { cacheDir: cache, extract: true, archiveFormat: format });
    expect(dir).toBe(join(cache, 'datasets', 'data_extracted'));
    expect(readFileSync(join(dir, 'data', 'a.txt'), 'utf8')).toBe('first\n');
    expect(readFileSync(join(dir, 'data', 'sub', 'b.txt'), 'utf8')).toBe('second\n');
    expect(existsSync(join(cache, 'datasets', name))).toBe(true);
  });

  test('an fname without extension names the folder; the archive is kept as <fname>_archive', async () => {
    const dir = await getFile('flowers', `${base}/data.tar.gz`, { cacheDir: cache, untar: true });
    expect(dir).toBe(join(cache, 'datasets', 'flowers'));
    expect(existsSync(join(cache, 'datasets', 'flowers_archive'))).toBe(true);
    expect(readFileSync(join(dir, 'data', 'a.txt'), 'utf8')).toBe('first\n');
  });

  test('bzip2 tars are refused by name; a non-archive warns as Keras does', async () => {
    await expect(getFile('data.tar.bz2', `${base}/data.tar.bz2`, { cacheDir: cache, extract: true })).rejects.toThrow(
      NotImplementedError,
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await getFile('hello.txt', `${base}/hello.txt`, { cacheDir: cache, extract: true, archiveFormat: 'zip' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not extract archive/));
    await expect(
      getFile('data.zip', `${base}/data.zip`, {
        cacheDir: cache,
        extract: true,
        archiveFormat: ['rar'] as unknown as 'zip',
      }),
    ).rejects.toThrow(/archiveFormat must be/);
  });
});
