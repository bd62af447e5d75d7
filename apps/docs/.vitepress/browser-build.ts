/**
 * What the site's Vite needs to run Horn in the page: cross-origin isolation headers (COOP/COEP, so
 * the wasm backend gets SharedArrayBuffer and worker threads) in `vitepress dev`, and a stub for the
 * `node:` modules that some packages import for their Node-only paths (file caches, downloads, saving
 * to disk), which the browser build must not pull. The static server (scripts/serve-site.mjs) sends
 * the same headers for the built site.
 */
import { builtinModules } from 'node:module';
import type { Plugin } from 'vitepress';

/** The headers that make a page cross-origin isolated. */
export const isolationHeaders: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Sends {@link isolationHeaders} on every response of the dev (and vite preview) server. */
export function crossOriginIsolation(): Plugin {
  const use = (server: {
    middlewares: { use(fn: (req: unknown, res: ServerResponseLike, next: () => void) => void): void };
  }): void => {
    // Returns nothing: a function returned from configureServer would run as a post-middleware hook.
    server.middlewares.use((_req, res, next) => {
      for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value);
      next();
    });
  };
  return { name: 'horn-cross-origin-isolation', configureServer: use, configurePreviewServer: use };
}

interface ServerResponseLike {
  setHeader(name: string, value: string): void;
}

const PREFIX = '\0horn-node-stub:';

/**
 * In the client build, every `node:*` (and bare builtin) import becomes a module whose exports are the
 * real module's names, each throwing "<module>.<name> is Node-only" if the page ever calls it.
 */
export function stubNodeBuiltins(): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: 'horn-node-builtins-stub',
    enforce: 'pre',
    resolveId(id, _importer, options) {
      if (options?.ssr) return null;
      const bare = id.startsWith('node:') ? id.slice(5) : id;
      if (id.startsWith('node:') || builtins.has(bare)) return `${PREFIX}${bare}`;
      return null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const name = id.slice(PREFIX.length);
      const real = (await import(`node:${name}`)) as Record<string, unknown>;
      const names = Object.keys(real).filter((key) => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key));
      return [
        `function stub(what) { return function () { throw new Error(what + ' is Node-only: the browser build has no node:${name}'); }; }`,
        ...names.map((key) => `export const ${key} = stub('node:${name}.${key}');`),
        `export default new Proxy({}, { get: (_t, key) => stub('node:${name}.' + String(key)) });`,
      ].join('\n');
    },
  };
}
