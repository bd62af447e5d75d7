import { type DefaultTheme, defineConfig } from 'vitepress';
import { crossOriginIsolation, stubNodeBuiltins } from './browser-build.js';
import { koreanSearch, siteLocales } from './locales.js';
import { sidebarApi } from './sidebar-api.js';
import type { SitePage } from './site-map.js';

// ─── Plug point 1: the generated API reference ───────────────────────────────────────────────
// `sidebar-api.ts` lists typedoc's pages under /api/<package>/ (scripts/api-reference.mjs). Both locales list it after the package overviews; the reference is English, so the Korean
// sidebar links to it as it is (test/locales.test.ts exempts api/<package>/** from needing twins).
const apiReference: DefaultTheme.SidebarItem[] = sidebarApi;

// ─── Plug point 2: the live demos ────────────────────────────────────────────────────────────
// One entry per page under demos/ (path without the .md, e.g. 'demos/train-mnist') with its
// English and Korean titles; each needs its Korean twin under ko/demos/ (the locale test checks).
const demoPages: SitePage[] = [
  { path: 'demos/', en: 'All demos', ko: '데모 모음' },
  { path: 'demos/train-mnist', en: 'Train a CNN on MNIST', ko: 'MNIST로 CNN 훈련하기' },
  { path: 'demos/gradient-tape', en: 'GradientTape playground', ko: 'GradientTape 실험실' },
  { path: 'demos/convolution', en: 'Convolution playground', ko: '합성곱 실험실' },
];

// The packages' READMEs are included into the API pages; their link back to the repository's
// README (`../../README.md`) means the home page of the page's locale here.
const readmeLink = /^(\.\.\/)+README\.md$/;

export default defineConfig({
  title: 'Horn',
  description: 'Keras-style deep learning for TypeScript',
  lang: 'en-US',
  cleanUrls: true,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/hero.svg' }]],
  srcExclude: ['README.md', 'test/**', 'snippets/**', 'lib/**', 'outputs/**', 'scripts/**'],
  locales: siteLocales({ apiReference, demoPages }),
  markdown: {
    config(md) {
      md.core.ruler.push('horn-readme-links', (state) => {
        const home = String(state.env?.relativePath ?? '').startsWith('ko/') ? '/ko/' : '/';
        for (const block of state.tokens) {
          for (const token of block.children ?? []) {
            const href = token.type === 'link_open' ? token.attrGet('href') : null;
            if (href && readmeLink.test(href)) token.attrSet('href', home);
          }
        }
      });
    },
  },
  // Horn in the page: esnext (the facade's top-level await), COOP/COEP in dev, no node: modules.
  vite: {
    plugins: [crossOriginIsolation(), stubNodeBuiltins()],
    build: { target: 'esnext', chunkSizeWarningLimit: 2000 },
    optimizeDeps: { esbuildOptions: { target: 'esnext' } },
  },
  themeConfig: {
    outline: [2, 3],
    search: { provider: 'local', options: { locales: koreanSearch } },
  },
});
