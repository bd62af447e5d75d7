/**
 * What each Horn package exports, read from its sources (`packages/<name>/src/index.ts`, following
 * `export * from` and `export { ... } from` into the files they name). No build is needed and no
 * module is executed, so the docs test and the API pages work on a fresh checkout.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (`apps/docs/lib` is three levels below it). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The names a module exports: runtime values (functions, classes, constants) and type-only names. */
export interface ExportNames {
  values: string[];
  types: string[];
}

/** A workspace package: its npm name, folder and, when it has one, what its entry exports. */
export interface PackageInfo {
  name: string;
  dir: string;
  description: string;
  /** null while the package has no `src/index.ts` yet. */
  exports: ExportNames | null;
}

const stripComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

function resolveModule(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function collect(file: string, values: Set<string>, types: Set<string>, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const text = stripComments(readFileSync(file, 'utf8'));
  for (const m of text.matchAll(/export\s+\*\s+from\s+['"]([^'"]+)['"]/g)) {
    const target = resolveModule(file, m[1]);
    if (target) collect(target, values, types, seen);
  }
  for (const m of text.matchAll(/export\s+\*\s+as\s+(\w+)\s+from/g)) values.add(m[1]);
  for (const m of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    const allTypes = Boolean(m[1]);
    for (const raw of m[2].split(',')) {
      const spec = raw.trim();
      if (!spec) continue;
      const isType = allTypes || spec.startsWith('type ');
      const parts = spec.replace(/^type\s+/, '').split(/\s+as\s+/);
      const name = (parts[1] ?? parts[0]).trim();
      (isType ? types : values).add(name);
    }
  }
  const declaration =
    /export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(function\*?|class|const|let|var|enum|namespace|interface|type)\s+(\w+)/g;
  for (const m of text.matchAll(declaration)) {
    if (m[1] === 'interface' || m[1] === 'type') types.add(m[2]);
    else values.add(m[2]);
  }
}

/** Every name exported by the module at `entry` (a `.ts` file), sorted. */
export function exportsOf(entry: string): ExportNames {
  const values = new Set<string>();
  const types = new Set<string>();
  collect(entry, values, types, new Set());
  const sort = (names: Iterable<string>) => [...names].sort((a, b) => a.localeCompare(b, 'en'));
  return { values: sort(values), types: sort([...types].filter((t) => !values.has(t))) };
}

/** The `@horn/*` packages under `packages/`, by npm name. */
export function hornPackages(): Map<string, PackageInfo> {
  const packages = new Map<string, PackageInfo>();
  const root = join(repoRoot, 'packages');
  for (const folder of readdirSync(root).sort()) {
    const manifest = join(root, folder, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, description = '' } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name: string;
      description?: string;
    };
    const entry = join(root, folder, 'src', 'index.ts');
    packages.set(name, {
      name,
      dir: `packages/${folder}`,
      description,
      exports: existsSync(entry) ? exportsOf(entry) : null,
    });
  }
  return packages;
}
