/**
 * Links to a heading (`/ko/guide/math#텐서`) resolve only if the fragment is the heading's id as
 * VitePress writes it. VitePress decomposes the heading text (NFKD) before slugging it, so a
 * Korean heading's id is in decomposed jamo: a fragment typed in composed Hangul looks the same
 * and never matches. This module slugs headings the same way and finds the links that miss.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const special = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g;

/** A heading's id, as VitePress 1.6 (@mdit-vue/shared's slugify) makes it. */
export function headingSlug(text: string): string {
  const printable = [...text.normalize('NFKD')].filter((c) => c.charCodeAt(0) > 0x1f).join('');
  return printable
    .replace(/[\u0300-\u036f]/g, '')
    .replace(special, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}

/** The ids of a Markdown page's headings (inline code and emphasis marks taken out first). */
export function headingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) ids.add(headingSlug(heading[1].replace(/[`*]/g, '')));
  }
  return ids;
}

/** Each `[text](/page#fragment)` or `[text](#fragment)` of a page whose fragment is no heading id. */
export function brokenAnchors(docsRoot: string, page: string): string[] {
  const text = readFileSync(join(docsRoot, page), 'utf8');
  const problems: string[] = [];
  for (const m of text.matchAll(/\]\((\/[^)#\s]*)?#([^)\s]+)\)/g)) {
    const link = m[1] ?? null;
    const target = link === null ? page : `${link.replace(/^\//, '').replace(/\/$/, '/index')}.md`;
    const file = join(docsRoot, target === '.md' ? 'index.md' : target);
    if (!existsSync(file)) continue; // a dead page link is the build's to report
    if (!headingIds(readFileSync(file, 'utf8')).has(decodeURIComponent(m[2]))) {
      problems.push(`${page}: ${m[0].slice(2, -1)} is no heading of ${target}`);
    }
  }
  return problems;
}
