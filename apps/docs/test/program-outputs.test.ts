import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  builtProgram,
  type CapturedRun,
  isProgram,
  maskNumbers,
  normalizeOutput,
  outputFile,
  rerunLimitSeconds,
  runProgram,
  shownPrograms,
  sourceSha256,
  unseededPrograms,
} from '../lib/program-outputs.js';

// The guides show each example program next to what it printed (outputs/*.txt). This test keeps
// those copies true. `pnpm --filter @horn/docs outputs` (HORN_UPDATE_OUTPUTS=1) captures them anew.

const docsRoot = fileURLToPath(new URL('..', import.meta.url));
const manifestPath = join(docsRoot, 'outputs/manifest.json');
const update = process.env.HORN_UPDATE_OUTPUTS === '1';
const only = process.env.HORN_UPDATE_ONLY?.split(',');

const shown = shownPrograms(docsRoot);
const programs = [...new Set(shown.map((s) => s.program))].filter(isProgram).sort();
const manifest: Record<string, CapturedRun> = existsSync(manifestPath)
  ? JSON.parse(readFileSync(manifestPath, 'utf8'))
  : {};

describe('every program a guide shows is shown with its printed output', () => {
  test('the guides show programs', () => {
    expect(programs.length).toBeGreaterThan(10);
  });

  test('a program shown whole is followed by its output; one shown in parts has it on the page', () => {
    const problems: string[] = [];
    for (const { program, page, line, region } of shown) {
      if (!isProgram(program)) continue;
      const text = readFileSync(join(docsRoot, page), 'utf8');
      const embed = `<<< @/${outputFile(program)}`;
      const near =
        region === null
          ? text
              .split('\n')
              .slice(line, line + 6)
              .join('\n')
          : text;
      if (!near.includes(embed)) {
        problems.push(
          `${page}:${line}: ${program}${region ? `#${region}` : ''} needs ${embed} ${region ? 'on the page' : 'right after it'}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  test('the output is normalized only where runs differ', () => {
    const line = '12/12 ━━━━━━━━━━━━━━━━━━━━ 0s 3ms/step - accuracy: 0.9258 - loss: 0.2184';
    expect(normalizeOutput(line)).toBe(
      '12/12 ━━━━━━━━━━━━━━━━━━━━ <time> <time>/step - accuracy: 0.9258 - loss: 0.2184',
    );
    expect(normalizeOutput('trained in 36.2 s, 9,900 samples/s\n')).toBe('trained in <time>, <rate>');
    expect(normalizeOutput('softmax(z): [0.58682066 0.26105186 0.15212752]')).toBe(
      'softmax(z): [0.58682066 0.26105186 0.15212752]',
    );
    expect(normalizeOutput('sum 15.379511')).not.toBe(normalizeOutput('sum 15.379512'));
  });
});

describe.each(programs)('%s', (program) => {
  const file = join(docsRoot, outputFile(program));
  const selected = !only || only.includes(program);

  if (update && selected) {
    test('captures its output', () => {
      const { output, seconds } = runProgram(program);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${output.trimEnd()}\n`);
      manifest[program] = {
        command: `node ${builtProgram(program)}`,
        seconds: Math.round(seconds * 10) / 10,
        sourceSha256: sourceSha256(program),
      };
      const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(manifestPath, `${JSON.stringify(sorted, null, 2)}\n`);
    }, 900_000);
    return;
  }

  test('has a captured output and a manifest entry', () => {
    expect(existsSync(file), `${outputFile(program)}: run pnpm --filter @horn/docs outputs`).toBe(true);
    expect(manifest[program]?.command).toBe(`node ${builtProgram(program)}`);
  });

  const captured = manifest[program];
  if (captured && captured.seconds <= rerunLimitSeconds) {
    test('prints what the page shows (run again now)', () => {
      const { output } = runProgram(program, 120);
      const committed = readFileSync(file, 'utf8');
      if (program in unseededPrograms) expect(maskNumbers(output)).toBe(maskNumbers(committed));
      else expect(normalizeOutput(output)).toBe(normalizeOutput(committed));
    }, 180_000);
  } else {
    // Too slow to run on every test run: the page's copy must at least come from this source.
    test(`its source is the one its output was captured from (slow: ${captured?.seconds ?? '?'} s)`, () => {
      expect(
        captured?.sourceSha256,
        `${program} changed since its output was captured: run pnpm --filter @horn/docs outputs`,
      ).toBe(sourceSha256(program));
    });
  }
});
