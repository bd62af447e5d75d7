import type { KerasOptions } from '@horn/tensor';
import { ValueError } from '@horn/tensor';
import { Callback, callbackOptions, type Logs } from './callback.js';

/**
 * Options of {@link CSVLogger}.
 * @example new CSVLogger('training.csv', { separator: ';', append: true });
 */
export interface CSVLoggerOptions {
  /** The field separator. Default `','`. */
  separator?: string;
  /** Append to an existing file (its header is kept) instead of overwriting it. Default false. */
  append?: boolean;
}

type FsPromises = typeof import('node:fs/promises');

/**
 * A number as Python's `repr(float)` writes it, so files match Keras' CSVLogger: `0.5`, `1.0`,
 * `1e-05`, `nan`, `inf`.
 * @example pythonFloat(1) // '1.0'; pythonFloat(0.00001) // '1e-05'
 */
export function pythonFloat(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const [mantissa, exp] = v.toExponential().split('e');
  const e = Number(exp);
  if (e < -4 || e >= 16) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  const s = String(v);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

/**
 * Streams each epoch's logs to a CSV file, as Keras' `CSVLogger` (Node only): a header
 * `epoch,<sorted log keys>` (validation keys added when the first epoch has none), then one row
 * per epoch, the epoch 0-based, missing values as `NA`. Lines end with `\n` (Python's csv writes `\r\n`).
 * @example
 * await model.fit(x, y, { epochs: 5, validationSplit: 0.2, callbacks: [new CSVLogger('training.csv')] });
 * // epoch,accuracy,loss,val_accuracy,val_loss
 * // 0,0.8125,0.4570...
 */
export class CSVLogger extends Callback {
  static override readonly configKeys: readonly string[] = ['separator', 'append'];
  readonly filename: string;
  readonly separator: string;
  readonly append: boolean;
  private keys: string[] | null = null;
  private writeHeader = true;
  private fs: FsPromises | null = null;

  constructor(filename: string, options: KerasOptions<CSVLoggerOptions> = {}) {
    options = callbackOptions(new.target, options);
    super();
    if (typeof filename !== 'string' || filename === '') {
      throw new ValueError(`CSVLogger: filename must be a non-empty string, got ${String(filename)}`);
    }
    this.filename = filename;
    this.separator = options.separator ?? ',';
    this.append = options.append ?? false;
  }

  override async onTrainBegin(): Promise<void> {
    try {
      this.fs = await import('node:fs/promises');
    } catch {
      throw new ValueError('CSVLogger: needs Node.js file system access (node:fs), which this environment lacks');
    }
    this.keys = null;
    this.writeHeader = true;
    if (this.append) {
      const existing = await this.fs.readFile(this.filename, 'utf8').catch(() => '');
      this.writeHeader = existing.split('\n')[0].length === 0;
    } else {
      await this.fs.writeFile(this.filename, '');
    }
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    if (!this.fs) throw new ValueError('CSVLogger: onEpochEnd before onTrainBegin');
    if (this.keys === null) {
      this.keys = Object.keys(logs).sort();
      if (!this.keys.some((k) => k.startsWith('val_'))) this.keys.push(...this.keys.map((k) => `val_${k}`));
    }
    let text = '';
    if (this.writeHeader) {
      text += `${['epoch', ...this.keys].map((k) => this.quote(k)).join(this.separator)}\n`;
      this.writeHeader = false;
    }
    const row = [String(epoch), ...this.keys.map((k) => (Object.hasOwn(logs, k) ? pythonFloat(logs[k]) : 'NA'))];
    text += `${row.join(this.separator)}\n`;
    await this.fs.appendFile(this.filename, text);
  }

  private quote(field: string): string {
    return field.includes(this.separator) || /["\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  }
}
