/**
 * Which public exports of the Horn packages lack TSDoc. Reads the sources with the TypeScript
 * compiler API (TypeScript 5.9, the one typedoc uses: TypeScript 7 has no JS API), from each
 * package's `src/index.ts`, following re-exports (also across packages) to the declaration.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './exports.js';

/** One exported name of one package and what its TSDoc lacks. */
export interface DocGap {
  /** The package that declares it, e.g. `@horn/tensor` (a re-export counts where it is declared). */
  pkg: string;
  /** The exported name (`layers.Dense` for a member of an exported namespace). */
  name: string;
  /** Where it is declared, relative to the repository root, with the line. */
  at: string;
  /** `'no TSDoc'`, or `'no @example'` when a summary is there but no example. */
  missing: 'no TSDoc' | 'no @example';
}

/** The entry file of each package under `packages/`, by npm name (`@horn/<folder>`). */
export function packageEntries(): Map<string, string> {
  const root = join(repoRoot, 'packages');
  const entries = new Map<string, string>();
  for (const folder of readdirSync(root).sort()) {
    const entry = join(root, folder, 'src', 'index.ts');
    if (existsSync(entry)) entries.set(`@horn/${folder}`, entry);
  }
  return entries;
}

/** A program over every package's sources, `@horn/*` mapped to the sources (no build needed). */
export function sourceProgram(entries = packageEntries()): ts.Program {
  const paths = Object.fromEntries([...entries].map(([pkg, entry]) => [pkg, [entry]]));
  return ts.createProgram([...entries.values()], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    baseUrl: repoRoot,
    paths,
    types: ['node'],
    typeRoots: [join(repoRoot, 'node_modules/@types'), join(repoRoot, 'apps/docs/node_modules/@types')],
  });
}

// The declaration whose comment documents the symbol: a variable's statement holds the comment.
function commentHost(decl: ts.Declaration): ts.Node {
  if (ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent)) return decl.parent.parent;
  return decl;
}

function tsdocOf(decl: ts.Declaration): { summary: boolean; example: boolean } {
  const host = commentHost(decl);
  const docs = ts.getJSDocCommentsAndTags(host).filter((d): d is ts.JSDoc => ts.isJSDoc(d));
  const summary = docs.some((d) => ts.getTextOfJSDocComment(d.comment)?.trim());
  const example = docs.some((d) => (d.tags ?? []).some((t) => t.tagName.text === 'example'));
  return { summary: Boolean(summary), example };
}

// A module's own doc comment (the first comment of the file, as TypeDoc's `@module`/`@packageDocumentation`).
function fileComment(file: ts.SourceFile): { summary: boolean; example: boolean } {
  const first = file.statements[0];
  if (!first) return { summary: false, example: false };
  const docs = ts.getJSDocCommentsAndTags(first).filter((d): d is ts.JSDoc => ts.isJSDoc(d));
  const doc = docs[0];
  return {
    summary: Boolean(doc && ts.getTextOfJSDocComment(doc.comment)?.trim()),
    example: Boolean(doc?.tags?.some((t) => t.tagName.text === 'example')),
  };
}

function declaringPackage(file: ts.SourceFile, fallback: string): string {
  const m = /\/packages\/([^/]+)\/src\//.exec(file.fileName);
  return m ? `@horn/${m[1]}` : fallback;
}

function where(decl: ts.Declaration): string {
  const file = decl.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(decl.getStart());
  return `${relative(repoRoot, file.fileName)}:${line + 1}`;
}

/**
 * Every public export of every package that lacks a TSDoc summary or an `@example`. A symbol with
 * several declarations (overloads, a class merged with an interface) counts as documented when one
 * of them is. The members of an exported namespace (`export * as layers`) are checked by name.
 * @example
 * const gaps = tsdocGaps(); // [] when every public symbol is documented
 */
export function tsdocGaps(program = sourceProgram()): DocGap[] {
  const checker = program.getTypeChecker();
  const gaps: DocGap[] = [];
  const seen = new Set<ts.Symbol>();
  const check = (pkg: string, name: string, symbol: ts.Symbol, namespacePrefix: string) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const decls = target.declarations ?? [];
    if (decls.length === 0) return;
    const moduleDecl = decls.find(ts.isSourceFile);
    if (moduleDecl) {
      // `export * as ns from './x.js'`: the namespace is documented by the comment on that export (as
      // typedoc reads it) or by x's file comment, and its members by name.
      const exportDecl = symbol.declarations?.find(ts.isNamespaceExport)?.parent;
      const onExport = exportDecl ? tsdocOf(exportDecl as ts.ExportDeclaration) : { summary: false, example: false };
      const inFile = fileComment(moduleDecl);
      const doc = onExport.summary ? onExport : inFile;
      if (!doc.summary || !doc.example) {
        gaps.push({
          pkg,
          name: namespacePrefix + name,
          at: relative(repoRoot, moduleDecl.fileName),
          missing: doc.summary ? 'no @example' : 'no TSDoc',
        });
      }
      for (const member of checker.getExportsOfModule(target))
        check(pkg, member.name, member, `${namespacePrefix}${name}.`);
      return;
    }
    if (seen.has(target)) return; // documented (or reported) where first met
    seen.add(target);
    const docs = decls.map(tsdocOf);
    if (docs.some((d) => d.summary && d.example)) return;
    const home = declaringPackage(decls[0].getSourceFile(), pkg);
    gaps.push({
      pkg: home,
      name: home === pkg ? namespacePrefix + name : name,
      at: where(decls[0]),
      missing: docs.some((d) => d.summary) ? 'no @example' : 'no TSDoc',
    });
  };
  for (const [pkg, entry] of packageEntries()) {
    const file = program.getSourceFile(entry);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) throw new Error(`tsdocGaps: cannot read the exports of ${pkg} (${entry})`);
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) check(pkg, symbol.name, symbol, '');
  }
  return gaps;
}
