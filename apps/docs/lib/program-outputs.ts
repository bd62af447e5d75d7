/**
 * The printed output of the example programs the guides show. A guide embeds a program whole
 * (`<<< @/../examples/src/chapters/softmax.ts`) and, right after it, what the program printed
 * (`<<< @/outputs/chapters/softmax.txt`). The outputs are captured by running the built programs
 * (`pnpm --filter @horn/docs outputs`) and committed with a manifest; `test/program-outputs.test.ts`
 * runs the quick programs again and compares, and checks that the slow ones' sources have not
 * changed since their output was captured.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './exports.js';
import { fileReferences, markdownPages, snippetRegion } from './markdown-scan.js';

/** Where the example programs' sources live, relative to the repository root. */
export const examplesSource = 'apps/examples/src';

/** A program a guide shows whole, with the page and line that show it. */
export interface ShownProgram {
  /** Path below `apps/examples/src`, e.g. `chapters/softmax.ts`. */
  program: string;
  page: string;
  line: number;
  /** The `#region` shown, or null when the page shows the whole file. */
  region: string | null;
}

/** What the manifest records about one captured output. */
export interface CapturedRun {
  /** The command a reader runs from the repository root to see the same output. */
  command: string;
  /** Wall time of the capture run, in seconds (decides whether the test re-runs it). */
  seconds: number;
  /** SHA-256 of the program's source when its output was captured. */
  sourceSha256: string;
}

/** Programs that finished within this many seconds when captured are re-run by the test. */
export const rerunLimitSeconds = 20;

/** The programs of apps/examples that the docs pages embed, whole or a `#region` of them. */
export function shownPrograms(docsRoot: string): ShownProgram[] {
  const prefix = join(repoRoot, examplesSource, '/');
  const shown: ShownProgram[] = [];
  for (const page of markdownPages(docsRoot)) {
    for (const ref of fileReferences(docsRoot, page)) {
      if (ref.kind !== 'snippet' || !ref.path.startsWith(prefix)) continue;
      shown.push({ program: ref.path.slice(prefix.length), page, line: ref.line, region: snippetRegion(ref) });
    }
  }
  return shown;
}

/**
 * Whether a source file is a program: it runs its `main` when started with node (`runIfMain`), or
 * it is a plain script that exports nothing. A module of helpers (train-classifier.ts) is not.
 */
export function isProgram(program: string): boolean {
  const source = readFileSync(join(repoRoot, examplesSource, program), 'utf8');
  return source.includes('runIfMain(') || !/^export /m.test(source);
}

/** The output file of a program, relative to the docs root: `outputs/chapters/softmax.txt`. */
export function outputFile(program: string): string {
  return `outputs/${program.replace(/\.ts$/, '.txt')}`;
}

/** The built program node runs, relative to the repository root. */
export function builtProgram(program: string): string {
  return `apps/examples/dist/${program.replace(/\.ts$/, '.js')}`;
}

/** SHA-256 of a program's source. */
export function sourceSha256(program: string): string {
  return createHash('sha256')
    .update(readFileSync(join(repoRoot, examplesSource, program)))
    .digest('hex');
}

/**
 * Runs a built program as a reader would (`node apps/examples/dist/...js`), in a scratch working
 * directory so that what it saves lands there, and returns stdout and stderr as one text.
 */
export function runProgram(program: string, timeoutSeconds = 600): { output: string; seconds: number } {
  const script = join(repoRoot, builtProgram(program));
  if (!existsSync(script)) {
    throw new Error(
      `${builtProgram(program)} does not exist: build the examples first (pnpm turbo run build --filter=@horn/examples)`,
    );
  }
  const cwd = mkdtempSync(join(tmpdir(), 'horn-docs-output-'));
  const started = performance.now();
  try {
    const run = spawnSync(process.execPath, [script], {
      cwd,
      encoding: 'utf8',
      timeout: timeoutSeconds * 1000,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`${builtProgram(program)} exited with ${run.status}:\n${run.stderr}`);
    return { output: `${run.stdout}${run.stderr}`, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/**
 * The output with what changes from run to run taken out: durations (`3ms/step`, `0s`, `12.5 s`)
 * and throughputs (`9,900 samples/s`). Every other character — every number the course prints —
 * must match.
 */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\d,]+(?:\.\d+)?\s?(?:samples|steps|images)\/s\b/g, '<rate>')
    .replace(/\b\d+(?:\.\d+)?\s?(?:ms|us|µs|s)(?=\/step|\b)/g, '<time>')
    .replace(/[ \t]+$/gm, '')
    .trimEnd();
}

/**
 * Programs that train without a seed, so their numbers change from run to run: for these the
 * test compares the output with every number masked (the lines and words must still match).
 * Seeding them is apps/examples' business; remove an entry once its program is seeded.
 */
export const unseededPrograms: Record<string, string> = {
  'chapters/keras-api.ts':
    'trainAndEvaluate() fits without keras.setSeed (0.8770 and 0.8820 test accuracy in two runs)',
};

/** The output with every number masked, for {@link unseededPrograms}. */
export function maskNumbers(text: string): string {
  return normalizeOutput(text).replace(/-?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?/g, '<n>');
}
