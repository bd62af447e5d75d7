/**
 * The English pages (the site's root locale) and their Korean twins under `ko/`: VitePress's
 * language menu links a page to the same path in the other locale, so a page without a twin is a
 * dead end in the other language.
 */

/** The prefix of the Korean locale's pages. */
export const koreanPrefix = 'ko/';

/**
 * Pages that need no twin: the API reference generated from the sources' TSDoc
 * (`api/<package>/**`, English only; the package overviews `api/<package>.md` do have twins).
 */
export function exemptFromTwins(page: string): boolean {
  return /^api\/[^/]+\//.test(page);
}

/** Each page's problem with its twin: an English page without a Korean one, or the other way. */
export function missingTwins(pages: readonly string[]): string[] {
  const all = new Set(pages);
  const problems: string[] = [];
  for (const page of pages) {
    if (page.startsWith(koreanPrefix)) {
      const english = page.slice(koreanPrefix.length);
      if (!all.has(english)) problems.push(`${page} has no English page ${english}`);
    } else if (!exemptFromTwins(page) && !all.has(`${koreanPrefix}${page}`)) {
      problems.push(`${page} has no Korean twin ${koreanPrefix}${page}`);
    }
  }
  return problems;
}

/** A Markdown page's snippet imports and fenced code, which its twin must show identically. */
export function codeOf(markdown: string): string[] {
  const code: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const snippet = /^\s*(<<<\s*.+?)\s*$/.exec(lines[i]);
    if (snippet) {
      code.push(snippet[1]);
      continue;
    }
    const fence = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!fence) continue;
    const close = new RegExp(`^\\s*${fence[1][0]}{${fence[1].length},}\\s*$`);
    const body: string[] = [];
    for (i++; i < lines.length && !close.test(lines[i]); i++) body.push(lines[i]);
    // Plain-text blocks hold formulas and tables whose words are translated; code stays as it is.
    if (!['text', 'txt', ''].includes(fence[2].toLowerCase())) code.push(`\`\`\`${fence[2]}\n${body.join('\n')}`);
  }
  return code;
}
