/** The suites `pnpm bench` can run. */
export const SUITES = ['matmul', 'conv', 'mlp', 'cnn', 'depthwise', 'lstm'] as const;
export type SuiteName = (typeof SUITES)[number];

/** The backends each library can be measured on. */
export const BACKENDS = ['cpu', 'wasm'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** The parsed command line of `pnpm bench`. */
export interface BenchOptions {
  /** Fewer repetitions and smaller sizes: a smoke test, not a measurement. */
  quick: boolean;
  only: SuiteName[];
  backends: BackendName[];
  /** Print the JSON report on stdout instead of the markdown (no file is written). */
  json: boolean;
  /** Also time `pnpm start` (slow). */
  withStart: boolean;
  /** Measure peak RSS of each training run in a child process. */
  rss: boolean;
  /** Also run what takes minutes on TF.js cpu (its filter gradient of the 32 -> 64 convolution). */
  slow: boolean;
  /** How Horn trains: model.fit of @horn/models, or the course's GradientTape loop. */
  hornTrainer: 'fit' | 'tape';
  /** Threads asked of @horn/backend-wasm (registerWasmBackend({ threads })); default every core. */
  wasmThreads: number;
  /** Where the JSON report goes (unless --json); default results/bench-<time>.json. */
  out?: string;
}

/** Thrown for a bad command line; main prints its message and the usage. */
export class UsageError extends Error {}

export const USAGE =
  'usage: pnpm bench [--quick] [--only matmul,conv,mlp,cnn,depthwise,lstm] [--backend cpu,wasm] [--json] [--with-start] [--no-rss] [--slow] [--wasm-threads N] [--horn-trainer fit|tape] [--out FILE]';

function list<T extends string>(value: string | undefined, valid: readonly T[], flag: string): T[] {
  if (value === undefined || value === '') throw new UsageError(`${flag} needs a value: ${valid.join(',')}`);
  const items = value.split(',').map((s) => s.trim());
  const bad = items.filter((s) => !(valid as readonly string[]).includes(s));
  if (bad.length > 0) throw new UsageError(`${flag}: unknown ${bad.join(', ')}; expected some of ${valid.join(',')}`);
  return [...new Set(items as T[])];
}

/**
 * Parses `pnpm bench` arguments (`--flag value` or `--flag=value`).
 * @example parseArgs(['--quick', '--only', 'matmul'], 2).only // ['matmul']
 */
export function parseArgs(argv: readonly string[], cores = 1): BenchOptions {
  const options: BenchOptions = {
    quick: false,
    only: [...SUITES],
    backends: [...BACKENDS],
    json: false,
    withStart: false,
    rss: true,
    slow: false,
    hornTrainer: 'fit',
    wasmThreads: cores,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--':
        break;
      case '--quick':
        options.quick = true;
        break;
      case '--json':
        options.json = true;
        break;
      case '--with-start':
        options.withStart = true;
        break;
      case '--no-rss':
        options.rss = false;
        break;
      case '--slow':
        options.slow = true;
        break;
      case '--horn-trainer':
        options.hornTrainer = list(value(), ['fit', 'tape'] as const, '--horn-trainer').at(-1)!;
        break;
      case '--wasm-threads': {
        const text = value();
        const n = Number(text);
        if (!Number.isInteger(n) || n < 1)
          throw new UsageError(`--wasm-threads needs a whole number >= 1, got ${text}`);
        options.wasmThreads = n;
        break;
      }
      case '--only':
        options.only = list(value(), SUITES, '--only');
        break;
      case '--backend':
        options.backends = list(value(), BACKENDS, '--backend');
        break;
      case '--out':
        options.out = value();
        if (!options.out) throw new UsageError('--out needs a file name');
        break;
      default:
        throw new UsageError(`unknown argument ${argv[i]}`);
    }
  }
  return options;
}
