/**
 * Reads the docs' Markdown the way the docs test needs it: the pages, the `<<<` snippet imports and
 * `<!--@include: -->` files they name (resolved as VitePress resolves them: `@` is the docs root),
 * and their code blocks, each marked when it sits in a "Coming" container (`::: warning Coming ...`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A `<<<` snippet or an `@include` named by a page. */
export interface FileReference {
  page: string;
  line: number;
  kind: 'snippet' | 'include';
  raw: string;
  path: string;
}

/** A fenced code block of a page (or of a file it includes). */
export interface CodeBlock {
  page: string;
  line: number;
  lang: string;
  code: string;
  /** Inside a `::: <type> Coming` container: documents an API that has not shipped yet. */
  coming: boolean;
}

const skipDirs = new Set(['node_modules', 'dist', 'cache', '.git']);

/** Every `.md` page of the site under `root` (the folder's own README.md is not a page), sorted. */
export function markdownPages(root: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !skipDirs.has(entry.name)) walk(join(dir, entry.name));
      else if (entry.isFile() && entry.name.endsWith('.md')) pages.push(relative(root, join(dir, entry.name)));
    }
  };
  walk(root);
  // api/<package>/** is the generated reference (scripts/api-reference.mjs), not written pages.
  return pages.filter((page) => page !== 'README.md' && !/^api\/[^/]+\//.test(page)).sort();
}

function resolveReference(root: string, page: string, raw: string): string {
  const path = raw
    .replace(/\s*\[[^\]]*\]\s*$/, '') // [title]
    .replace(/\{[^}]*\}\s*$/, '') // {1,3-5} or an include's {from,to}
    .replace(/#[\w-]+$/, '') // #region
    .trim();
  if (path.startsWith('@')) return join(root, path.slice(path[1] === '/' ? 2 : 1));
  return resolve(dirname(join(root, page)), path);
}

/** The snippets and includes a page names, with their resolved paths. */
export function fileReferences(root: string, page: string): FileReference[] {
  const refs: FileReference[] = [];
  readFileSync(join(root, page), 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const snippet = /^\s*<<<\s*(.+?)\s*$/.exec(text);
      if (snippet)
        refs.push({
          page,
          line: i + 1,
          kind: 'snippet',
          raw: snippet[1],
          path: resolveReference(root, page, snippet[1]),
        });
      for (const m of text.matchAll(/<!--\s*@include:\s*(.*?)\s*-->/g)) {
        refs.push({ page, line: i + 1, kind: 'include', raw: m[1], path: resolveReference(root, page, m[1]) });
      }
    });
  return refs;
}

/** Whether a reference points at an existing file. */
export function referenceExists(ref: FileReference): boolean {
  return existsSync(ref.path) && statSync(ref.path).isFile();
}

function blocksOf(text: string, page: string, into: CodeBlock[]): void {
  const lines = text.split('\n');
  let coming = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      const close = new RegExp(`^\\s*${fence[1][0]}{${fence[1].length},}\\s*$`);
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !close.test(lines[i]); i++) body.push(lines[i]);
      into.push({ page, line: start + 1, lang: fence[2].toLowerCase(), code: body.join('\n'), coming });
      continue;
    }
    if (/^\s*:{3,}\s*\w+\s+Coming\b/i.test(line)) coming = true;
    else if (/^\s*:{3,}\s*$/.test(line)) coming = false;
  }
}

/** The code blocks of a page and of the Markdown files it includes. */
export function codeBlocks(root: string, page: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  blocksOf(readFileSync(join(root, page), 'utf8'), page, blocks);
  for (const ref of fileReferences(root, page)) {
    if (ref.kind === 'include' && ref.path.endsWith('.md') && referenceExists(ref)) {
      blocksOf(readFileSync(ref.path, 'utf8'), `${page} (included ${ref.raw})`, blocks);
    }
  }
  return blocks;
}

/** One `import ... from '@horn/...'` statement of a code block. */
export interface HornImport {
  packageName: string;
  subpath: string;
  named: { name: string; typeOnly: boolean }[];
  namespace: string | null;
  defaultName: string | null;
}

/** The `@horn/*` imports of a piece of code (multi-line imports included). */
export function hornImports(code: string): HornImport[] {
  const re =
    /import\s+(type\s+)?(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s*as\s+(\w+))?\s*from\s*['"](@horn\/[\w.-]+)(\/[^'"]*)?['"]/g;
  return [...code.matchAll(re)].map((m) => ({
    packageName: m[5],
    subpath: m[6] ?? '',
    defaultName: m[2] && m[2] !== 'type' ? m[2] : null,
    namespace: m[4] ?? null,
    named: (m[3] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => ({
        name: s
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]
          .trim(),
        typeOnly: Boolean(m[1]) || s.startsWith('type '),
      })),
  }));
}

/** What a package offers to imports, as `hornPackages()` reads it (null exports: not shipped). */
export interface ImportablePackage {
  dir: string;
  exports: { values: string[]; types: string[] } | null;
}

/**
 * Every problem with the `@horn/*` imports of some code blocks: an unknown package, a subpath or
 * default import, a package that has not shipped, a name it does not export (or a type imported
 * as a value). Blocks in a "Coming" container only need an existing package.
 */
export function importProblems(blocks: readonly CodeBlock[], packages: ReadonlyMap<string, ImportablePackage>) {
  const problems: string[] = [];
  let checkedNames = 0;
  for (const block of blocks) {
    for (const imp of hornImports(block.code)) {
      const where = `${block.page}:${block.line} (${imp.packageName})`;
      const info = packages.get(imp.packageName);
      if (!info) {
        problems.push(`${where}: no package ${imp.packageName} under packages/`);
        continue;
      }
      if (block.coming) continue;
      if (imp.subpath) problems.push(`${where}: ${imp.packageName}${imp.subpath}: packages export only '.'`);
      if (imp.defaultName) problems.push(`${where}: default import '${imp.defaultName}': Horn has no default exports`);
      if (!info.exports) {
        problems.push(`${where}: ${info.dir}/src/index.ts does not exist yet: put the block in a "Coming" container`);
        continue;
      }
      for (const { name, typeOnly } of imp.named) {
        checkedNames++;
        if (info.exports.values.includes(name) || (typeOnly && info.exports.types.includes(name))) continue;
        const hint = info.exports.types.includes(name) ? ' (it is a type: import it with `type`)' : '';
        problems.push(`${where}: '${name}' is not exported${hint}`);
      }
    }
  }
  return { problems, checkedNames };
}

/** The `#region` a snippet reference names, if any (`file.ts#step` -> `step`). */
export function snippetRegion(ref: FileReference): string | null {
  if (ref.kind !== 'snippet') return null;
  return /#([\w-]+)(?:\s*\{[^}]*\})?(?:\s*\[[^\]]*\])?\s*$/.exec(ref.raw)?.[1] ?? null;
}
