import { type DefaultTheme, defineConfig } from 'vitepress';
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
const demoPages: SitePage[] = [];

// The packages' READMEs are included into the API pages; their link back to the repository's
// README (`../../README.md`) means the home page of the page's locale here.
const readmeLink = /^(\.\.\/)+README\.md$/;

export default defineConfig({
  title: 'Horn',
  description: 'Keras-style deep learning for TypeScript',
  lang: 'en-US',
  cleanUrls: true,
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
  themeConfig: {
    outline: [2, 3],
    search: { provider: 'local', options: { locales: koreanSearch } },
  },
});
