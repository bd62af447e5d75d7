import type { DownloadProgress } from './types.js';

/**
 * A progress reporter that draws `file  [=====>      ]  45%  4.5/9.9 MB` on stderr, redrawn in place,
 * at most every 100 ms, with a final line at 100%. Node only (it writes to `process.stderr`).
 * @example const bar = stderrProgressBar(); bar({ file: 'x.gz', loaded: 5e6, total: 1e7 });
 */
export function stderrProgressBar(width = 30): (progress: DownloadProgress) => void {
  let last = 0;
  return ({ file, loaded, total }) => {
    const now = Date.now();
    const finished = total !== null && loaded >= total;
    if (!finished && now - last < 100) return;
    last = now;
    const mb = (n: number) => (n / 1e6).toFixed(1);
    let line: string;
    if (total === null || total === 0) {
      line = `${file}  ${mb(loaded)} MB`;
    } else {
      const fraction = Math.min(1, loaded / total);
      const filled = Math.round(fraction * width);
      const bar = '='.repeat(Math.max(0, filled - 1)) + (filled > 0 ? (fraction < 1 ? '>' : '=') : '');
      line = `${file}  [${bar.padEnd(width)}] ${String(Math.round(fraction * 100)).padStart(3)}%  ${mb(loaded)}/${mb(total)} MB`;
    }
    process.stderr.write(`\r${line}${finished ? '\n' : ''}`);
  };
}
