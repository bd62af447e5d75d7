import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { exportsOf, hornPackages, repoRoot } from '../lib/exports.js';
import {
  type CodeBlock,
  codeBlocks,
  fileReferences,
  importProblems,
  markdownPages,
  referenceExists,
  snippetRegion,
} from '../lib/markdown-scan.js';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));
const pages = markdownPages(docsRoot);
const packages = hornPackages();

describe('the docs show code that exists', () => {
  test('the site has its pages', () => {
    expect(pages).toContain('index.md');
    expect(pages.filter((p) => p.startsWith('guide/')).length).toBe(7);
  });

  test('every <<< snippet and @include names a file that exists (and the #region it names)', () => {
    const refs = pages.flatMap((page) => fileReferences(docsRoot, page));
    expect(refs.filter((r) => r.kind === 'snippet').length).toBeGreaterThan(10);
    const missing = refs
      .filter((r) => !referenceExists(r))
      .map((r) => `${r.page}:${r.line} ${r.kind} ${r.raw} -> ${r.path}`);
    expect(missing).toEqual([]);
    const regions = refs
      .filter((r) => snippetRegion(r) !== null)
      .filter((r) => !readFileSync(r.path, 'utf8').includes(`#region ${snippetRegion(r)}`))
      .map((r) => `${r.page}:${r.line} ${r.raw}: no '#region ${snippetRegion(r)}' in the file`);
    expect(regions).toEqual([]);
  });

  test('every chapter program of apps/examples is shown in a guide', () => {
    const chapters = `${repoRoot}/apps/examples/src/chapters`;
    const programs = readdirSync(chapters).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const shown = new Set(
      pages
        .flatMap((page) => fileReferences(docsRoot, page))
        .filter((r) => r.kind === 'snippet')
        .map((r) => r.path),
    );
    const missing = programs.filter((f) => !shown.has(`${chapters}/${f}`));
    expect(missing, 'embed these in their guide with <<< @/../examples/src/chapters/<file>').toEqual([]);
  });

  test('every @horn import in a code block names an exported symbol', () => {
    const blocks = pages.flatMap((page) => codeBlocks(docsRoot, page));
    const { problems, checkedNames } = importProblems(blocks, packages);
    expect(problems).toEqual([]);
    expect(checkedNames).toBeGreaterThan(20);
  });

  test('the import check catches what it should', () => {
    const block = (code: string, coming = false): CodeBlock => ({ page: 'x.md', line: 1, lang: 'ts', code, coming });
    const { problems } = importProblems(
      [
        block("import { conv2d, notAnOp } from '@horn/tensor';"),
        block("import {\n  GradientTape,\n  type Nope,\n} from '@horn/autograd';"),
        block("import { Shape } from '@horn/tensor';"),
        block("import tensor from '@horn/tensor';\nimport { x } from '@horn/nothing';"),
        block("import * as keras from '@horn/keras';", false),
        block("import * as keras from '@horn/keras';\nimport { Whatever } from '@horn/models';", true),
      ],
      new Map([
        ['@horn/tensor', { dir: 'packages/tensor', exports: { values: ['conv2d', 'tensor'], types: ['Shape'] } }],
        ['@horn/autograd', { dir: 'packages/autograd', exports: { values: ['GradientTape'], types: [] } }],
        ['@horn/keras', { dir: 'packages/keras', exports: null }],
        ['@horn/models', { dir: 'packages/models', exports: null }],
      ]),
    );
    expect(problems).toEqual([
      "x.md:1 (@horn/tensor): 'notAnOp' is not exported",
      "x.md:1 (@horn/autograd): 'Nope' is not exported",
      "x.md:1 (@horn/tensor): 'Shape' is not exported (it is a type: import it with `type`)",
      "x.md:1 (@horn/tensor): default import 'tensor': Horn has no default exports",
      'x.md:1 (@horn/nothing): no package @horn/nothing under packages/',
      'x.md:1 (@horn/keras): packages/keras/src/index.ts does not exist yet: put the block in a "Coming" container',
    ]);
  });
});

describe('the export reader agrees with the modules themselves', () => {
  // What lib/exports.ts reads by regex from the sources must be what the modules export at run time.
  test.each(['tensor', 'autograd', 'layers'])('@horn/%s', async (name) => {
    const entry = `${repoRoot}/packages/${name}/src/index.ts`;
    const runtime = Object.keys(await import(/* @vite-ignore */ entry)).sort();
    expect(new Set(exportsOf(entry).values)).toEqual(new Set(runtime));
  });
});
