import type { Tensor } from '@horn/tensor';

/** What `model.evaluate` gives: one value or a list, as tensors or plain numbers. */
export type EvaluateResult = number | Tensor | (number | Tensor)[];

/**
 * The numbers of an `evaluate` result, as Keras's `score` list (`[loss, metric...]`), whether
 * Horn returned scalar tensors or plain numbers.
 * @example const [loss, accuracy] = scores(await model.evaluate(x, y, { verbose: 0 }));
 */
export function scores(result: EvaluateResult): number[] {
  const list = Array.isArray(result) ? result : [result];
  return list.map((value) => (typeof value === 'number' ? value : value.dataSync()[0]));
}

/**
 * A `print`-like logger: the port's printed lines go to `log` (console.log when run as a program,
 * nothing in tests).
 * @example const print = printer(console.log); print('x_train shape:', [60000, 28, 28, 1]);
 */
export function printer(log: (line: string) => void): (...parts: unknown[]) => void {
  return (...parts) => log(parts.map((p) => (Array.isArray(p) ? `(${p.join(', ')})` : String(p))).join(' '));
}
