import { CONTENDER_LABELS, CONTENDERS, type ContenderId, type Measurement } from './measurement.js';
import { speedup } from './stats.js';

/**
 * A number for a table: thousands separators from 1,000, then fewer decimals the larger it is
 * (0 from 100, 1 from 10, 2 below); '–' for NaN or infinity.
 * @example formatValue(9795.4) // '9,795'
 * @example formatValue(2.71828) // '2.72'
 */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/**
 * A ratio as '2.05×' (two decimals), or '–' when it cannot be computed.
 * @example formatRatio(2.049) // '2.05×'
 */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–';
}

/**
 * A GitHub markdown table with padded columns; the first column is left-aligned, the others right.
 * @example markdownTable(['n', 'GFLOP/s'], [['128', '1.20']])
 * // '| n   | GFLOP/s |\n| :-- | ------: |\n| 128 |    1.20 |'
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(3, h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${widths.map((w, c) => (c === 0 ? (cells[c] ?? '').padEnd(w) : (cells[c] ?? '').padStart(w))).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (c === 0 ? `:${'-'.repeat(w - 1)}` : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** What a cell shows for one contender's measurement. */
function cell(m: Measurement | undefined): string {
  if (m === undefined) return 'not run';
  if (m.status === 'failed') return 'fails';
  if (m.status === 'unavailable') return 'n/a';
  if (m.status === 'skipped') return 'skipped';
  return formatValue(m.value ?? Number.NaN);
}

function okValue(m: Measurement | undefined): number | undefined {
  return m?.status === 'ok' ? m.value : undefined;
}

/** The best ok value among contenders of one library, by the metric's direction. */
function best(ms: readonly (Measurement | undefined)[]): number | undefined {
  const values = ms.map(okValue).filter((v): v is number => v !== undefined);
  if (values.length === 0) return undefined;
  return ms.find((m) => m !== undefined)?.direction === 'lower' ? Math.min(...values) : Math.max(...values);
}

/**
 * One suite's measurements (one metric) as a markdown table: a row per case, a column per contender
 * that appears, then Horn ÷ TF.js ratios (cpu vs cpu, wasm vs wasm, best vs best; above 1 = Horn
 * better), then one footnote per distinct reason a figure is missing.
 * @example suiteTable(measurements, 'n')
 */
export function suiteTable(measurements: readonly Measurement[], caseHeading: string): string {
  if (measurements.length === 0) return '';
  const { metric, direction } = measurements[0];
  const cases = [...new Set(measurements.map((m) => m.case))];
  const present = CONTENDERS.filter((c) => measurements.some((m) => m.contender === c));
  const find = (caseName: string, c: ContenderId) => measurements.find((m) => m.case === caseName && m.contender === c);
  const pairs: [string, ContenderId, ContenderId][] = [
    ['cpu', 'horn-cpu', 'tfjs-cpu'],
    ['wasm', 'horn-wasm', 'tfjs-wasm'],
  ];
  const shownPairs = pairs.filter(([, h, t]) => present.includes(h) && present.includes(t));
  const header = [
    caseHeading,
    ...present.map((c) => `${CONTENDER_LABELS[c]} (${metric})`),
    ...shownPairs.map(([b]) => `Horn ÷ TF.js ${b}`),
    'best Horn ÷ best TF.js',
  ];
  const rows = cases.map((caseName) => {
    const horn = present.filter((c) => c.startsWith('horn')).map((c) => find(caseName, c));
    const tfjs = present.filter((c) => c.startsWith('tfjs')).map((c) => find(caseName, c));
    return [
      caseName,
      ...present.map((c) => cell(find(caseName, c))),
      ...shownPairs.map(([, h, t]) =>
        formatRatio(speedup(okValue(find(caseName, h)), okValue(find(caseName, t)), direction)),
      ),
      formatRatio(speedup(best(horn), best(tfjs), direction)),
    ];
  });
  const notes = [
    ...new Set(
      measurements.flatMap((m) => {
        const who = CONTENDER_LABELS[m.contender];
        if (m.status !== 'ok') return m.note ? [`${who}: ${cell(m)}: ${m.note}`] : [];
        return m.footnote ? [`${who}, ${m.case}: ${m.footnote}`] : [];
      }),
    ),
  ];
  return [markdownTable(header, rows), ...(notes.length > 0 ? ['', ...notes.map((n) => `- ${n}`)] : [])].join('\n');
}
