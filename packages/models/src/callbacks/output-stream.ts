/**
 * Where progress and callback messages go: Node's `process.stdout`, or anything with `write`.
 * @example
 * const lines: string[] = [];
 * const stream: OutputStream = { write: (text) => lines.push(text), isTTY: false };
 * await model.fit(x, y, { epochs: 1, verbose: 2, callbacks: [new ProgbarLogger({ stream })] });
 * lines; // ['1/1 - 0s - 3ms/step - loss: 14.5000\n'] (the times vary)
 */
export interface OutputStream {
  /** Writes text as is (progress bars write `\r` to redraw a line). */
  write(text: string): unknown;
  /** Whether this is a terminal: progress bars redraw in place only there. */
  isTTY?: boolean;
}

interface NodeLikeProcess {
  stdout?: OutputStream;
}

/**
 * `process.stdout` in Node; elsewhere (browsers) a stream that prints each complete line with
 * `console.log` and is never a TTY.
 * @example defaultOutputStream().write('Epoch 1/5\n');
 */
export function defaultOutputStream(): OutputStream {
  const proc = (globalThis as { process?: NodeLikeProcess }).process;
  if (proc?.stdout && typeof proc.stdout.write === 'function') return proc.stdout;
  let pending = '';
  return {
    isTTY: false,
    write(text: string) {
      pending += text.replace(/\r/g, '\n');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line !== '') console.log(line);
    },
  };
}

/**
 * A line printer on a stream: what callbacks use for their messages (`Epoch 3: early stopping`).
 * @example printLine(stream, 'Restoring model weights from the end of the best epoch: 2.');
 */
export function printLine(stream: OutputStream | undefined, line: string): void {
  (stream ?? defaultOutputStream()).write(`${line}\n`);
}
