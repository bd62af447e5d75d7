import { existsSync, readFileSync } from 'node:fs';
import type { DefaultTheme } from 'vitepress';

/** One package of the reference as typedoc-vitepress-theme lists it (`api/reference-sidebar.json`). */
interface ReferenceEntry extends DefaultTheme.SidebarItem {
  text: string;
}

// Written by scripts/api-reference.mjs (run by `build` and `docs:dev`); absent on a checkout that has
// not generated the reference yet, where the sidebar lists the overview pages only.
const generated = new URL('../api/reference-sidebar.json', import.meta.url);
const reference: ReferenceEntry[] = existsSync(generated) ? JSON.parse(readFileSync(generated, 'utf8')) : [];

const overviews: [pkg: string, page: string][] = [
  ['@horn/tensor', 'tensor'],
  ['@horn/autograd', 'autograd'],
  ['@horn/layers', 'layers'],
  ['@horn/optimizers', 'optimizers'],
  ['@horn/losses', 'losses'],
  ['@horn/metrics', 'metrics'],
  ['@horn/datasets', 'datasets'],
  ['@horn/preprocessing', 'preprocessing'],
  ['@horn/models', 'models'],
  ['@horn/keras', 'keras'],
  ['@horn/backend-wasm', 'backend-wasm'],
  ['@horn/backend-gpu', 'backend-gpu'],
];

/**
 * The API section of the sidebar: the overview, then per package its hand-written overview page
 * (where it has one) and its generated reference (every public symbol, from the TSDoc).
 * @example
 * import { sidebarApi } from './sidebar-api.js';
 * defineConfig({ themeConfig: { sidebar: [{ text: 'API', items: sidebarApi }] } });
 */
export const sidebarApi: DefaultTheme.SidebarItem[] = [
  { text: 'Overview', link: '/api/' },
  ...overviews.map(([pkg, page]): DefaultTheme.SidebarItem => {
    const entry = reference.find((item) => item.text === pkg);
    const hasOverview = existsSync(new URL(`../api/${page}.md`, import.meta.url));
    return {
      text: pkg,
      collapsed: true,
      ...(hasOverview ? { link: `/api/${page}` } : entry?.link ? { link: entry.link } : {}),
      items: entry ? [{ text: 'Reference', link: entry.link }, ...(entry.items ?? [])] : [],
    };
  }),
];
