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

/**
 * The generated API reference in the sidebar (after the locale's package overview pages): one
 * collapsed entry per package, linking its page of every public symbol, from the TSDoc.
 * @example
 * import { sidebarApi } from './sidebar-api.js';
 * siteLocales({ apiReference: sidebarApi, demoPages: [] });
 */
export const sidebarApi: DefaultTheme.SidebarItem[] =
  reference.length === 0
    ? []
    : [
        {
          text: 'Reference (every symbol)',
          collapsed: true,
          items: reference.map((entry): DefaultTheme.SidebarItem => ({ text: entry.text, link: entry.link })),
        },
      ];
