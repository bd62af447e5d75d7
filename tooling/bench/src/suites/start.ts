import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../paths.js';

/** The wall time of one `pnpm start` from the workspace root. */
export interface StartResult {
  seconds: number;
  exitCode: number | null;
  /** Its last line of output (the main job's summary), or on failure its first line that mentions an error. */
  lastLine: string;
}

/**
 * Runs `pnpm start` (build + the main job) once and times it; its output is kept, not shown.
 * @example (await timeStart()).seconds
 */
export function timeStart(): Promise<StartResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('pnpm', ['start'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4096);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const lines = output
        .replace(/\r/g, '\n')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const error = exitCode === 0 ? undefined : lines.find((l) => /\berror\b/i.test(l));
      resolve({ seconds: (performance.now() - started) / 1000, exitCode, lastLine: error ?? lines.at(-1) ?? '' });
    });
  });
}
