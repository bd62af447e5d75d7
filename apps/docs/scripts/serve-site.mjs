// Serves the built site (.vitepress/dist) with the headers that make its pages cross-origin isolated
// (COOP same-origin, COEP require-corp), so the demos get SharedArrayBuffer and wasm worker threads —
// `vitepress preview` cannot send headers. Clean URLs as VitePress builds them (/guide/math →
// guide/math.html, /demos/ → demos/index.html), its 404.html for anything else.
//   node scripts/serve-site.mjs [--port 4173] [--host 127.0.0.1]    (port 0: a free one)
// The site test (test/site.test.ts) imports serveSite.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.gz': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** The headers of every response: cross-origin isolation, and same-origin resources allowed under it. */
export const SITE_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The file a URL path names in `root`, or null: exact file, then `.html`, then `index.html`. */
export function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const base = normalize(join(root, path));
  if (base !== root && !base.startsWith(root + sep)) return null;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * Starts the server (`isolated: false` leaves the headers out: a page without SharedArrayBuffer, for the
 * site test); resolves with it and its URL once it listens. `port` 0 picks a free port.
 * @example const { url, close } = await serveSite({ root: 'apps/docs/.vitepress/dist', port: 0 });
 */
export function serveSite({ root, port = 4173, host = '127.0.0.1', isolated = true }) {
  const dir = resolve(root);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`serve-site: ${dir} has no index.html; build the site first (pnpm --filter @horn/docs build)`);
  }
  const server = createServer((req, res) => {
    if (isolated) for (const [name, value] of Object.entries(SITE_HEADERS)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = fileFor(dir, req.url ?? '/');
    const status = file ? 200 : 404;
    const body = file ?? join(dir, '404.html');
    res.writeHead(status, { 'Content-Type': TYPES[extname(body)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD' || !existsSync(body)) res.end();
    else createReadStream(body).pipe(res);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolveStart({
        server,
        url: `http://${host}:${address.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const root = fileURLToPath(new URL('../.vitepress/dist', import.meta.url));
  const { url } = await serveSite({ root, port: Number(arg('--port', '4173')), host: arg('--host', '127.0.0.1') });
  console.log(`Horn docs (cross-origin isolated) at ${url}/`);
}
