import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { fileFor, serveSite } from '../scripts/serve-site.mjs';

const root = mkdtempSync(join(tmpdir(), 'horn-serve-site-'));
mkdirSync(join(root, 'demos'));
for (const [file, text] of [
  ['index.html', 'home'],
  ['404.html', 'not found'],
  ['demos/index.html', 'demos'],
  ['demos/train-mnist.html', 'train'],
  ['demos/mnist-digits.bin.gz', 'gz'],
]) {
  writeFileSync(join(root, file), text);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the static server of the built site', () => {
  test('clean URLs find the file VitePress wrote, and nothing outside the site', () => {
    expect(fileFor(root, '/demos/train-mnist')).toBe(join(root, 'demos/train-mnist.html'));
    expect(fileFor(root, '/demos/')).toBe(join(root, 'demos/index.html'));
    expect(fileFor(root, '/demos/mnist-digits.bin.gz?x=1#y')).toBe(join(root, 'demos/mnist-digits.bin.gz'));
    expect(fileFor(root, '/../../etc/passwd')).toBeNull();
    expect(fileFor(root, '/%E0%A4%A')).toBeNull();
    expect(fileFor(root, '/missing')).toBeNull();
  });

  test('every response is cross-origin isolated; a missing page is a 404 with the site 404 page', async () => {
    const { url, close } = await serveSite({ root, port: 0 });
    try {
      const page = await fetch(`${url}/demos/train-mnist`);
      expect([page.status, await page.text()]).toEqual([200, 'train']);
      expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const asset = await fetch(`${url}/demos/mnist-digits.bin.gz`);
      expect([asset.headers.get('content-type'), asset.headers.get('content-encoding')]).toEqual([
        'application/octet-stream',
        null,
      ]);
      const missing = await fetch(`${url}/nowhere`);
      expect([missing.status, await missing.text()]).toEqual([404, 'not found']);
      expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(405);
    } finally {
      await close();
    }
  });

  test('isolated: false leaves the headers out; an unbuilt site is refused by name', async () => {
    const { url, close } = await serveSite({ root, port: 0, isolated: false });
    try {
      expect((await fetch(url)).headers.get('cross-origin-opener-policy')).toBeNull();
    } finally {
      await close();
    }
    expect(() => serveSite({ root: join(root, 'demos', 'none'), port: 0 })).toThrow(
      /has no index.html; build the site/,
    );
  });
});
