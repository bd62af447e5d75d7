import type { KerasOptions } from '@horn/tensor';
import { normalizeOptions } from '@horn/tensor';
import { defaultOutputStream, type OutputStream } from './output-stream.js';

const PROGBAR_KEYS: readonly string[] = ['target', 'width', 'verbose', 'interval', 'unitName', 'stream', 'clock'];

/**
 * Options of {@link Progbar}.
 * @example
 * const out: string[] = [];
 * const bar = new Progbar({ target: 4, width: 10, verbose: 1, interval: 0, stream: { write: (s) => out.push(s) } });
 * bar.update(2, [['loss', 0.5]]);
 * bar.update(4, [['loss', 0.25]], true); // out: two lines, '2/4 ━━━━━━━━━━ ... loss: 0.5000', then '4/4 ... loss: 0.2500'
 */
export interface ProgbarOptions {
  /** Total steps, or null when unknown (`Unknown` is shown until the end). */
  target: number | null;
  /** Bar width in characters. Default 20 (Keras 3). */
  width?: number;
  /** 1: a bar redrawn in place (every update on a TTY); 2: one line at the end. Default 1. */
  verbose?: 1 | 2;
  /** Minimum seconds between redraws. Default 0.05. */
  interval?: number;
  /** Default 'step'. */
  unitName?: string;
  /** Default `process.stdout`. */
  stream?: OutputStream;
  /** Seconds since some origin; injectable for tests. Default `performance.now() / 1000`. */
  clock?: () => number;
}

const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';
const GREEN = '\x1b[32m';
const GRAY = '\x1b[37m';

/**
 * A number as Keras' progress bar prints it: `0.1631` (4 decimals) when its magnitude is above
 * 1e-3, else `1.2340e-04`; `nan`, `inf`, `-inf` as Python.
 * @example formatLogValue(0.16312) // '0.1631'; formatLogValue(0.00001234) // '1.2340e-05'
 */
export function formatLogValue(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Math.abs(v) > 1e-3) return v.toFixed(4);
  return v.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2');
}

/**
 * Time per step as Keras prints it: ` 2s/step`, ` 25ms/step` or ` 310us/step`.
 * @example formatTimePerUnit(0.025, 'step') // ' 25ms/step'
 */
export function formatTimePerUnit(seconds: number, unit: string): string {
  if (seconds >= 1 || seconds === 0) return ` ${Math.round(seconds)}s/${unit}`;
  if (seconds >= 1e-3) return ` ${Math.round(seconds * 1e3)}ms/${unit}`;
  return ` ${Math.round(seconds * 1e6)}us/${unit}`;
}

function formatEta(eta: number): string {
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  if (eta > 3600) return `${Math.floor(eta / 3600)}:${pad((eta % 3600) / 60)}:${pad(eta % 60)}`;
  if (eta > 60) return `${Math.floor(eta / 60)}:${pad(eta % 60)}`;
  return `${Math.floor(eta)}s`;
}

/**
 * Keras 3's progress bar (`keras.utils.Progbar`): on a TTY with verbose 1,
 * `469/469 ━━━━━━━━━━━━━━━━━━━━ 12s 25ms/step - accuracy: 0.9512 - loss: 0.1631` (the count
 * bold, the done part of the bar green, the rest gray, as ANSI codes) redrawn in place with `\r`
 * (the ETA while running, the elapsed time at the end); off a TTY each redraw is a line; verbose 2
 * prints only `469/469 - 12s - 25ms/step - accuracy: 0.9512 - loss: 0.1631` at the end.
 * Values are shown as given (the logs already hold running means).
 * @example
 * const bar = new Progbar({ target: 10 });
 * bar.update(5, [['loss', 0.5]]);
 * bar.update(10, [['loss', 0.4]], true);
 */
export class Progbar {
  target: number | null;
  readonly width: number;
  readonly verbose: 1 | 2;
  private readonly interval: number;
  private readonly unitName: string;
  private readonly stream: OutputStream;
  private readonly clock: () => number;
  private readonly dynamic: boolean;
  private readonly values = new Map<string, number>();
  private readonly start: number;
  private lastUpdate = Number.NEGATIVE_INFINITY;
  private timeAfterFirstStep: number | null = null;
  private prevWidth = 0;

  constructor(options: KerasOptions<ProgbarOptions>) {
    options = normalizeOptions('Progbar', options, PROGBAR_KEYS) as unknown as ProgbarOptions;
    this.target = options.target;
    this.width = options.width ?? 20;
    this.verbose = options.verbose ?? 1;
    this.interval = options.interval ?? 0.05;
    this.unitName = options.unitName ?? 'step';
    this.stream = options.stream ?? defaultOutputStream();
    this.clock = options.clock ?? (() => performance.now() / 1000);
    this.dynamic = this.stream.isTTY === true;
    this.start = this.clock();
  }

  /** Shows `current` steps done with these values; `finalize` ends the bar (and its line). */
  update(current: number, values: Iterable<[string, number]> = [], finalize = false): void {
    for (const [k, v] of values) this.values.set(k, v);
    const now = this.clock();
    const timePerUnit = this.stepDuration(current, now);
    if (this.verbose === 2) {
      if (finalize)
        this.stream.write(
          `${this.countText(current)} - ${Math.round(now - this.start)}s -${formatTimePerUnit(timePerUnit, this.unitName)}${this.valuesText()}\n`,
        );
      return;
    }
    if (now - this.lastUpdate < this.interval && !finalize) return;
    this.lastUpdate = now;
    const time =
      this.target !== null && !finalize
        ? formatEta(timePerUnit * (this.target - current))
        : `${Math.round(now - this.start)}s`;
    // Keras styles the bar with ANSI codes on and off a TTY (the colors carry the progress).
    const line = this.render(current, time, timePerUnit, (code, text) => `${code}${text}${RESET}`);
    if (!this.dynamic) {
      this.stream.write(`${line}\n`);
      return;
    }
    const width = this.render(current, time, timePerUnit, (_, text) => text).length;
    const padding = this.prevWidth > width ? ' '.repeat(this.prevWidth - width) : '';
    this.prevWidth = width;
    this.stream.write(`\r${line}${padding}${finalize ? '\n' : ''}`);
  }

  private render(
    current: number,
    time: string,
    timePerUnit: number,
    style: (code: string, text: string) => string,
  ): string {
    let bar: string;
    if (this.target !== null) {
      const done = Math.max(0, Math.min(this.width, Math.floor((this.width * current) / this.target)));
      bar = `${style(BOLD, this.countText(current))} `;
      if (done > 0) bar += style(GREEN, '━'.repeat(done));
      bar += style(GRAY, '━'.repeat(this.width - done));
    } else {
      bar = `${String(current).padStart(7)}/Unknown`;
    }
    return `${bar} ${style(BOLD, time)}${formatTimePerUnit(timePerUnit, this.unitName)}${this.valuesText()}`;
  }

  private countText(current: number): string {
    const target = this.target ?? current;
    const digits = Math.floor(Math.log10(Math.max(target, 1))) + 1;
    return `${String(current).padStart(digits)}/${target}`;
  }

  private valuesText(): string {
    let text = '';
    for (const [k, v] of this.values) text += ` - ${k}: ${formatLogValue(v)}`;
    return text;
  }

  // Keras: after the first step, time per step excludes the first (slow, warming-up) step.
  private stepDuration(current: number, now: number): number {
    if (!current) return 0;
    const perUnit =
      this.timeAfterFirstStep !== null && current > 1
        ? (now - this.timeAfterFirstStep) / (current - 1)
        : (now - this.start) / current;
    if (current === 1) this.timeAfterFirstStep = now;
    return perUnit;
  }
}
