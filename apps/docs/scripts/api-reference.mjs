// Generates the API reference (apps/docs/api/<package>/**) from the TSDoc of every package's sources
// with typedoc + typedoc-plugin-markdown + typedoc-vitepress-theme, and the sidebar data
// (api/reference-sidebar.json) that .vitepress/sidebar-api.ts reads. Run by `build` and `docs:dev`
// before VitePress; the output is not committed (see .gitignore).
//
// typedoc reads the sources with TypeScript's JS compiler API, which TypeScript 7 (native) lacks:
// apps/docs has TypeScript 5.9.3 for it (typedoc 0.28 supports 5.0-6.0).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, Converter, ReflectionKind } from 'typedoc';

const docs = resolve(fileURLToPath(new URL('..', import.meta.url)));
const repo = resolve(docs, '../..');
const api = join(docs, 'api');
const staging = join(docs, '.vitepress/cache/api-reference');
const folders = dependencyOrder(
  readdirSync(join(repo, 'packages'))
    .filter((name) => existsSync(join(repo, 'packages', name, 'src/index.ts')))
    .sort(),
);

const started = Date.now();
const app = await Application.bootstrapWithPlugins({
  entryPoints: folders.map((name) => join(repo, 'packages', name, 'src/index.ts')),
  entryPointStrategy: 'resolve',
  tsconfig: join(docs, 'tsconfig.typedoc.json'),
  plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme'],
  out: staging,
  docsRoot: docs,
  name: 'Horn API reference',
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  excludeScopesInPaths: true,
  // The packages type-check on their own (TypeScript 7); here only their documentation is read.
  skipErrorChecking: true,
  disableSources: true,
  hideGenerator: true,
  // One page per package (its symbols are the page's sections): a page per symbol made 1,100 pages,
  // each carrying the whole sidebar (675 MB of site, 3.5 min of build).
  outputFileStrategy: 'modules',
  useCodeBlocks: true,
  parametersFormat: 'table',
  interfacePropertiesFormat: 'table',
  logLevel: 'Error',
});

// `packages/layers/src/index.ts` would be the module `layers/src`: name each one for its package.
app.converter.on(Converter.EVENT_CREATE_DECLARATION, (_context, reflection) => {
  if (reflection.kindOf(ReflectionKind.Module)) {
    const folder = reflection.name.replace(/\/src$/, '');
    if (folders.includes(folder)) reflection.name = `@horn/${folder}`;
  }
});

// An inherited class member is documented on its base class, which the page links ("Extends Layer"):
// repeating the Layer API on each of 150 layers made @horn/layers an 11 MB page.
app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
  for (const owner of context.project.getReflectionsByKind(ReflectionKind.Class)) {
    for (const child of [...(owner.children ?? [])]) {
      if (child.inheritedFrom && !child.overwrites) context.project.removeReflection(child);
    }
  }
});

const project = await app.convert();
if (!project) throw new Error('api-reference: typedoc could not read the packages (see the errors above)');
rmSync(staging, { recursive: true, force: true });
await app.generateOutputs(project);

// Place the pages at api/<package>/ (the overview pages api/<package>.md stay as they are): typedoc
// writes a package as `<pkg>.md`, or `<pkg>/index.md` when it has namespaces. Links become absolute.
const target = (rel) => {
  if (rel === 'index.md') return 'index.md'; // typedoc's project page: the API overview stands for it
  const [head, ...rest] = rel.split('/');
  return rest.length === 0 ? `${head.replace(/\.md$/, '')}/index.md` : `${head}/${rest.join('/')}`;
};
const url = (rel) =>
  `/api/${target(rel)
    .replace(/(^|\/)index\.md$/, '$1')
    .replace(/\.md$/, '')}`;
const relinkPage = (text, rel) =>
  text.replace(/\]\((?!https?:|\/|#)([^)#]+\.md)(#[^)]*)?\)/g, (_m, link, anchor = '') => {
    return `](${url(posix.normalize(posix.join(posix.dirname(rel), link)))}${anchor})`;
  });
for (const name of folders) rmSync(join(api, name), { recursive: true, force: true });
const written = [];
for (const rel of markdownFiles(staging)) {
  if (rel === 'index.md') continue;
  const out = join(api, target(rel));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, relinkPage(readFileSync(join(staging, rel), 'utf8'), rel));
  written.push(target(rel));
}
const base = '/.vitepress/cache/api-reference/';
const sidebar = JSON.parse(readFileSync(join(staging, 'typedoc-sidebar.json'), 'utf8'));
const relinkSidebar = (items) =>
  items.map((item) => {
    const rel = item.link?.slice(base.length);
    const link = rel === undefined ? undefined : url(rel.endsWith('/') ? `${rel}index.md` : rel);
    return { ...item, ...(link ? { link } : {}), ...(item.items ? { items: relinkSidebar(item.items) } : {}) };
  });
writeFileSync(join(api, 'reference-sidebar.json'), `${JSON.stringify(relinkSidebar(sidebar))}\n`);
console.log(
  `api-reference: ${folders.length} packages, ${written.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

function markdownFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return markdownFiles(dir, rel);
    return entry.name.endsWith('.md') ? [rel] : [];
  });
}

// typedoc documents a symbol where it first meets it and links the re-exports to that page: so a
// package comes after the packages it imports (`Dense` belongs to @horn/layers, not @horn/keras).
function dependencyOrder(names) {
  const deps = new Map(
    names.map((name) => {
      const manifest = JSON.parse(readFileSync(join(repo, 'packages', name, 'package.json'), 'utf8'));
      const all = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
      return [name, all.filter((d) => d.startsWith('@horn/')).map((d) => d.slice('@horn/'.length))];
    }),
  );
  const ordered = [];
  const visit = (name) => {
    if (ordered.includes(name) || !deps.has(name)) return;
    for (const dep of deps.get(name)) visit(dep);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered;
}
