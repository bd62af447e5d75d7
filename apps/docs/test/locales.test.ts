import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import config from '../.vitepress/config.js';
import { brokenAnchors, headingSlug } from '../lib/heading-anchors.js';
import { codeOf, exemptFromTwins, missingTwins } from '../lib/locale-twins.js';
import { markdownPages } from '../lib/markdown-scan.js';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));
const pages = markdownPages(docsRoot);
const english = pages.filter((p) => !p.startsWith('ko/') && !exemptFromTwins(p));

describe('English and Korean: every page has its twin', () => {
  test('the site has Korean pages', () => {
    expect(pages.filter((p) => p.startsWith('ko/')).length).toBeGreaterThanOrEqual(english.length);
    expect(english.length).toBeGreaterThanOrEqual(21);
  });

  test('every English page has a /ko/ twin and every Korean page an English one', () => {
    expect(missingTwins(pages)).toEqual([]);
  });

  test('the twin check catches a missing page either way', () => {
    expect(
      missingTwins(['index.md', 'ko/index.md', 'guide/math.md', 'ko/backends.md', 'api/tensor/matmul.md']),
    ).toEqual(['guide/math.md has no Korean twin ko/guide/math.md', 'ko/backends.md has no English page backends.md']);
  });

  test.each(english)('%s: its Korean twin shows the same programs and code, in the same order', (page) => {
    const en = codeOf(readFileSync(join(docsRoot, page), 'utf8'));
    const ko = codeOf(readFileSync(join(docsRoot, 'ko', page), 'utf8'));
    expect(ko).toEqual(en);
  });

  test('the code comparison reads snippets and code, not prose or formulas', () => {
    const page = 'Text.\n\n<<< @/snippets/a.ts#x\n\n```ts\nconst a = 1;\n```\n\n```text\nJ = ½ (ŷ − y)²\n```\n';
    expect(codeOf(page)).toEqual(['<<< @/snippets/a.ts#x', '```ts\nconst a = 1;']);
  });
});

describe('each locale navigates within itself', () => {
  const locales = config.locales ?? {};
  const linksOf = (items: unknown): string[] =>
    Array.isArray(items)
      ? items.flatMap((i: { link?: string; items?: unknown }) => [...(i.link ? [i.link] : []), ...linksOf(i.items)])
      : [];
  const pageOf = (link: string) =>
    `${link.replace(/^\//, '').replace(/\/$/, '/index')}.md`.replace(/^\.md$/, 'index.md');

  test.each(['root', 'ko'])('%s: every nav and sidebar link is a page of the locale', (name) => {
    const theme = locales[name]?.themeConfig as { nav?: unknown; sidebar?: unknown } | undefined;
    const links = [...linksOf(theme?.nav), ...linksOf(theme?.sidebar)];
    expect(links.length).toBeGreaterThan(15);
    const wrong = links.filter((link) => {
      const page = pageOf(link);
      // The generated reference (api/<package>/, English only) is not a scanned page: it must exist on disk.
      if (exemptFromTwins(page)) return !existsSync(join(docsRoot, page));
      if (!pages.includes(page)) return true;
      return name === 'ko' ? !page.startsWith('ko/') && !exemptFromTwins(page) : page.startsWith('ko/');
    });
    expect(wrong).toEqual([]);
  });

  test('the Korean locale is ko-KR under /ko/', () => {
    expect(locales.ko?.lang).toBe('ko-KR');
    expect(locales.ko?.link).toBe('/ko/');
    expect(locales.root?.lang).toBe('en-US');
  });
});

describe('links to a heading land on it', () => {
  test('every #fragment names a heading of the page it links to', () => {
    expect(pages.flatMap((page) => brokenAnchors(docsRoot, page))).toEqual([]);
  });

  test('headings are slugged as VitePress does: Korean in decomposed jamo', () => {
    expect(headingSlug('5.4 Training and evaluation')).toBe('_5-4-training-and-evaluation');
    expect(headingSlug("What the chapter's program prints")).toBe('what-the-chapter-s-program-prints');
    expect(headingSlug('텐서')).toBe('텐서'.normalize('NFKD'));
    expect(headingSlug('텐서')).not.toBe('텐서'.normalize('NFC'));
  });
});
