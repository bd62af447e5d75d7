import { formatRatio, formatValue, markdownTable } from './format.js';
import type { ContenderId, Measurement } from './measurement.js';
import { LSTM_SPEED_CASES } from './suites/lstm-training.js';
import type { StartResult } from './suites/start.js';

/** One target of issue 7 (or 12), measured. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

function value(ms: readonly Measurement[], suite: string, caseName: string, c: ContenderId, metric: string) {
  const m = ms.find((x) => x.suite === suite && x.case === caseName && x.contender === c && x.metric === metric);
  return m?.status === 'ok' ? m.value : undefined;
}

function bestHorn(ms: readonly Measurement[], suite: string, caseName: string, metric: string): number | undefined {
  const values = (['horn-cpu', 'horn-wasm'] as const)
    .map((c) => value(ms, suite, caseName, c, metric))
    .filter((v): v is number => v !== undefined);
  return values.length > 0 ? Math.max(...values) : undefined;
}

function ratioCheck(target: string, horn: number | undefined, tfjs: number | undefined, atLeast: number): TargetCheck {
  if (horn === undefined || tfjs === undefined) return { target, measured: 'not measured', met: null };
  return { target, measured: formatRatio(horn / tfjs), met: horn / tfjs >= atLeast };
}

/**
 * The speed targets of issues 7 and 12 against a run's measurements (best Horn backend; throughputs).
 * @example checkTargets(report.measurements, 2, report.start)
 */
export function checkTargets(ms: readonly Measurement[], wasmThreads: number, start?: StartResult): TargetCheck[] {
  const mlp = 'MLP 784-128-10 train';
  const cnnHorn = bestHorn(ms, 'cnn', 'CNN train', 'samples/s');
  const checks: TargetCheck[] = [
    ratioCheck(
      'MLP training >= 2x TF.js wasm',
      bestHorn(ms, 'mlp', mlp, 'samples/s'),
      value(ms, 'mlp', mlp, 'tfjs-wasm', 'samples/s'),
      2,
    ),
    {
      target: 'CNN training >= 3,000 samples/s',
      measured: cnnHorn === undefined ? 'not measured' : `${formatValue(cnnHorn)} samples/s`,
      met: cnnHorn === undefined ? null : cnnHorn >= 3000,
    },
    ratioCheck('CNN training >= 100x TF.js cpu', cnnHorn, value(ms, 'cnn', 'CNN train', 'tfjs-cpu', 'samples/s'), 100),
  ];
  const oneThread = wasmThreads === 1;
  checks.push(
    ratioCheck(
      `matmul 1024 >= ${oneThread ? '0.9x TF.js wasm on one thread' : `1.5x TF.js wasm on ${wasmThreads} threads`}`,
      value(ms, 'matmul', '1024', 'horn-wasm', 'GFLOP/s'),
      value(ms, 'matmul', '1024', 'tfjs-wasm', 'GFLOP/s'),
      oneThread ? 0.9 : 1.5,
    ),
  );
  for (const caseName of new Set(ms.filter((m) => m.suite === 'conv' && m.case.endsWith(' fwd')).map((m) => m.case))) {
    checks.push(
      ratioCheck(
        `conv2d ${caseName} >= TF.js wasm`,
        bestHorn(ms, 'conv', caseName, 'GFLOP/s'),
        value(ms, 'conv', caseName, 'tfjs-wasm', 'GFLOP/s'),
        1,
      ),
    );
  }
  checks.push(
    ratioCheck(
      'LSTM training, Embedding frozen (issue 12) >= 2x TF.js wasm',
      bestHorn(ms, 'lstm', LSTM_SPEED_CASES.frozen, 'samples/s'),
      value(ms, 'lstm', LSTM_SPEED_CASES.frozen, 'tfjs-wasm', 'samples/s'),
      2,
    ),
  );
  if (start !== undefined) {
    checks.push({
      target: '`pnpm start` under 2 minutes',
      measured: `${start.seconds.toFixed(1)} s${start.exitCode === 0 ? '' : ` (exit ${start.exitCode})`}`,
      met: start.exitCode === 0 && start.seconds < 120,
    });
  }
  return checks;
}

/**
 * The targets as a markdown table.
 * @example targetTable(checkTargets(ms, 2))
 */
export function targetTable(checks: readonly TargetCheck[]): string {
  const verdict = (met: boolean | null) => (met === null ? '–' : met ? 'met' : 'not met');
  return markdownTable(
    ['target (issues 7, 12)', 'measured', 'verdict'],
    checks.map((c) => [c.target, c.measured, verdict(c.met)]),
  );
}
