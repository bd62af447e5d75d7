/**
 * The nav bar and sidebar of each locale, built from the site map, so that both languages list
 * the same pages in the same order.
 */
import type { DefaultTheme } from 'vitepress';
import {
  apiOverviewPages,
  guidePages,
  introPages,
  item,
  type Locale,
  label,
  labels,
  localeLink,
  type SitePage,
} from './site-map.js';

/** What other parts of the site add to the navigation (see the plug points in config.ts). */
export interface NavigationPlugins {
  /** The generated API reference (English pages under `/api/<package>/`), shown after the overviews. */
  apiReference: DefaultTheme.SidebarItem[];
  /** The live demo pages (`demos/<name>`, each with a Korean twin under `ko/demos/`). */
  demoPages: SitePage[];
}

/** The top navigation bar of a locale. */
export function nav(locale: Locale, plugins: NavigationPlugins): DefaultTheme.NavItem[] {
  const items: DefaultTheme.NavItem[] = [
    item(locale, introPages.gettingStarted),
    { text: label(locale, labels.guide), link: localeLink(locale, guidePages[0].path) },
    { text: label(locale, labels.api), link: localeLink(locale, 'api/') },
  ];
  if (plugins.demoPages.length > 0) {
    items.push({ text: label(locale, labels.demos), link: localeLink(locale, plugins.demoPages[0].path) });
  }
  items.push(item(locale, introPages.backends));
  return items;
}

/** The sidebar of a locale: introduction, the seven chapters, demos, API, backends. */
export function sidebar(locale: Locale, plugins: NavigationPlugins): DefaultTheme.SidebarItem[] {
  const groups: DefaultTheme.SidebarItem[] = [
    { text: label(locale, labels.introduction), items: [item(locale, introPages.gettingStarted)] },
    { text: label(locale, labels.course), items: guidePages.map((page) => item(locale, page)) },
  ];
  if (plugins.demoPages.length > 0) {
    groups.push({ text: label(locale, labels.demos), items: plugins.demoPages.map((page) => item(locale, page)) });
  }
  groups.push(
    {
      text: label(locale, labels.api),
      items: [...apiOverviewPages.map((page) => item(locale, page)), ...plugins.apiReference],
    },
    item(locale, introPages.backends),
  );
  return groups;
}
