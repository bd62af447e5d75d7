import type { BenchOptions } from './args.js';
import { formatValue, markdownTable, suiteTable } from './format.js';
import type { MachineInfo } from './machine.js';
import { CONTENDER_LABELS, CONTENDERS, type Measurement } from './measurement.js';
import { fractionOfPeak } from './stats.js';
import type { StartResult } from './suites/start.js';
import { checkTargets, targetTable } from './targets.js';

/** Everything one `pnpm bench` measured, as written to JSON. */
export interface BenchReport {
  date: string;
  seconds: number;
  options: BenchOptions;
  machine: MachineInfo;
  versions: Record<string, string>;
  /** Why a backend could not be measured at all (e.g. @horn/backend-wasm not built). */
  unavailable: Record<string, string>;
  /** Threads asked of @horn/backend-wasm, and what its backend reports (null: it does not say). */
  hornWasmThreads: { requested: number; reported: number | null };
  measurements: Measurement[];
  /** Horn kernels that ran on cpu because the active backend lacks them, per suite, with counts. */
  hornFallbacks: Record<string, Record<string, number>>;
  start?: StartResult;
}

const TITLES: Record<string, string> = {
  matmul: 'matmul, n x n times n x n, float32, result read back',
  conv: "conv2d, stride 1, 'same' padding, NHWC, result read back",
  mlp: 'MLP 784-128(relu)-10(softmax) on MNIST, Adam, categorical crossentropy',
  cnn: 'CNNs on MNIST, Adam, categorical crossentropy',
  lstm: 'LSTM training, Adam 0.001, binary crossentropy, model.fit: speed of Embedding(10k, 64) -> LSTM(64) -> Dense(1, sigmoid), batch 64, T = 100, over 2 batches (1 with --quick); peak RSS of LSTM(32) -> Dense(1, sigmoid), batch 32, 8 features, over 4 batches (1 with --quick)',
};

/**
 * The percentage a rate is of a peak, as '27%'.
 * @example percent(41.5, 166) // '25%'
 */
export function percent(rate: number, peak: number): string {
  const f = fractionOfPeak(rate, peak);
  return Number.isFinite(f) ? `${(f * 100).toFixed(f < 0.1 ? 1 : 0)}%` : '–';
}

/**
 * The fraction of the machine's peaks that each contender's matmul reaches at the largest size.
 * @example peakTable(measurements, machine)
 */
export function peakTable(measurements: readonly Measurement[], machine: MachineInfo): string {
  const ok = measurements.filter((m) => m.suite === 'matmul' && m.status === 'ok');
  if (ok.length === 0) return '';
  const n = Math.max(...ok.map((m) => Number(m.case)));
  const { fp32PerCore, wasmSimdPerCore } = machine.peaks;
  const c = machine.cores;
  const rows = CONTENDERS.flatMap((contender) => {
    const m = ok.find((x) => x.contender === contender && Number(x.case) === n);
    if (m?.value === undefined) return [];
    const v = m.value;
    return [
      [
        CONTENDER_LABELS[contender],
        formatValue(v),
        percent(v, fp32PerCore),
        percent(v, fp32PerCore * c),
        percent(v, wasmSimdPerCore),
        percent(v, wasmSimdPerCore * c),
      ],
    ];
  });
  return markdownTable(
    [
      `matmul ${n}`,
      'GFLOP/s',
      `of FP32 peak, 1 core (${fp32PerCore})`,
      `of FP32 peak, ${c} cores (${fp32PerCore * c})`,
      `of wasm SIMD ceiling, 1 core (${wasmSimdPerCore})`,
      `of wasm SIMD ceiling, ${c} cores (${wasmSimdPerCore * c})`,
    ],
    rows,
  );
}

/**
 * The report as markdown: the machine, one table per suite and metric (Horn ÷ TF.js above 1 means
 * Horn is better), matmul's fraction of peak, Horn's cpu fall-backs and `pnpm start`.
 * @example console.log(markdownReport(report))
 */
export function markdownReport(report: BenchReport): string {
  const { machine } = report;
  const out: string[] = [
    `# pnpm bench, ${report.date}${report.options.quick ? ' (--quick: a smoke test, not a measurement)' : ''}`,
    '',
    `- machine: ${machine.cpu}, ${machine.cores} cores (${machine.availableParallelism} available), ${machine.platform}, flags ${machine.cpuFlags.join(' ') || 'unknown'}`,
    `- Node ${machine.node} (V8 ${machine.v8}); WebAssembly SIMD ${machine.wasmSimd ? 'yes' : 'no'}, threads ${machine.wasmThreads ? 'yes' : 'no'}`,
    `- versions: ${Object.entries(report.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    ...Object.entries(report.unavailable).map(([k, v]) => `- ${k}: not available (${v})`),
    `- Horn trains with ${report.options.hornTrainer === 'fit' ? "@horn/models' model.fit / model.predict" : "the course's GradientTape loop"}; TF.js with model.fit / model.predict`,
    `- Horn wasm threads: ${report.hornWasmThreads.requested} requested, ${report.hornWasmThreads.reported ?? 'not reported'} by the backend; TF.js wasm: 1 (its threads do not start in Node)`,
    `- ${report.seconds.toFixed(0)} s in all; medians of interleaved repetitions after warm-up; "Horn ÷ TF.js" above 1 means Horn is better (faster, or less memory)`,
  ];
  const groups = new Map<string, Measurement[]>();
  for (const m of report.measurements) {
    const key = `${m.suite}\u0000${m.metric}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const [key, ms] of groups) {
    const [suite, metric] = key.split('\u0000');
    const better = ms[0].direction === 'higher' ? 'higher is better' : 'lower is better';
    const what = metric === 'MiB' ? 'peak RSS of a process that only trains, MiB' : metric;
    out.push(
      '',
      `## ${TITLES[suite] ?? suite}: ${what} (${better})`,
      '',
      suiteTable(ms, suite === 'matmul' ? 'n' : 'case'),
    );
    if (suite === 'matmul' && metric === 'GFLOP/s') {
      const peaks = peakTable(ms, machine);
      if (peaks) out.push('', 'Fraction of peak (peaks from ../shared/TOOLCHAIN.md):', '', peaks);
    }
  }
  const fallbacks = Object.entries(report.hornFallbacks).filter(([, k]) => Object.keys(k).length > 0);
  if (fallbacks.length > 0) {
    out.push('', '## Horn kernels that fell back to cpu', '');
    for (const [suite, kernels] of fallbacks) {
      out.push(
        `- ${suite}: ${Object.entries(kernels)
          .map(([k, n]) => `${k} x${n}`)
          .join(', ')}`,
      );
    }
  }
  out.push(
    '',
    '## Targets',
    '',
    targetTable(checkTargets(report.measurements, report.hornWasmThreads.requested, report.start)),
  );
  if (report.start) {
    const s = report.start;
    out.push(
      '',
      '## pnpm start',
      '',
      `${s.seconds.toFixed(1)} s wall time, exit code ${s.exitCode}; ${s.exitCode === 0 ? 'last line' : 'first error'}: ${s.lastLine}`,
    );
  }
  return `${out.join('\n')}\n`;
}
