import { ShapeError, ValueError } from '@horn/tensor';

/** Numbers of `values` as a plain array; throws naming `what` when one is not finite. */
export function finiteNumbers(values: ArrayLike<number>, what: string, fn: string): number[] {
  const out = Array.from(values, Number);
  if (out.length === 0) throw new ValueError(`${fn}: ${what} is empty; expected at least one value`);
  const bad = out.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new ValueError(`${fn}: ${what}[${bad}] is ${values[bad]}; expected a finite number`);
  return out;
}

/** Checks that `x` and `y` have the same length. */
export function sameLength(x: readonly number[], y: readonly number[], what: string, fn: string): void {
  if (x.length !== y.length) {
    throw new ShapeError(`${fn}: ${what} has ${x.length} x values but ${y.length} y values; expected the same number`);
  }
}

/** Checks that a positive integer option is one. */
export function positiveInt(value: number, what: string, fn: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new ValueError(`${fn}: ${what} must be a positive integer; got ${value}`);
  }
  return value;
}
