/** Where a progress bar writes: a stream that may be a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * A Keras-style progress bar for one epoch: `12/12 ━━━━━━━━━━━━━━━━━━━━ 0s 3ms/step - loss: 0.1234`.
 * In a terminal it redraws one line; elsewhere it prints only the finished line, so logs stay short.
 * @example
 * const bar = new ProgressBar(12);
 * for (let step = 1; step <= 12; step++) bar.update(step, { loss: 0.5 });
 */
export class ProgressBar {
  private readonly started = performance.now();
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream = process.stdout,
    private readonly width = 20,
  ) {}

  /** Shows `step` of `total` with the given values (drawn at most every 50 ms, and at the end). */
  update(step: number, values: Record<string, number> = {}): void {
    const now = performance.now();
    const done = step >= this.total;
    if (!done && (!this.stream.isTTY || now - this.lastDraw < 50)) return;
    this.lastDraw = now;
    const line = this.render(step, values, now);
    if (this.stream.isTTY) this.stream.write(`\r${line}\x1b[K${done ? '\n' : ''}`);
    else if (done) this.stream.write(`${line}\n`);
  }

  /** The line for `step`, as it would be drawn. */
  render(step: number, values: Record<string, number>, now = performance.now()): string {
    const filled = Math.round((this.width * Math.min(step, this.total)) / this.total);
    const bar = '━'.repeat(filled) + (filled < this.width ? `\x1b[2m${'━'.repeat(this.width - filled)}\x1b[0m` : '');
    const elapsed = (now - this.started) / 1000;
    const perStep = step > 0 ? (elapsed * 1000) / step : 0;
    const metrics = Object.entries(values)
      .map(([k, v]) => ` - ${k}: ${v.toFixed(4)}`)
      .join('');
    const pad = String(this.total).length;
    return `${String(step).padStart(pad)}/${this.total} ${this.stream.isTTY ? bar : '━'.repeat(this.width)} ${Math.round(elapsed)}s ${Math.round(perStep)}ms/step${metrics}`;
  }
}
