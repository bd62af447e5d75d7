/**
 * The GradientTape playground: the course's f(x) = x³ + 2x + 5, differentiated by Horn's tape at the
 * points the student types, next to the hand-derived f'(x) = 3x² + 2 (5, 14, 29 at 1, 2, 3).
 */
import { GradientTape, variable } from '@horn/autograd';
import { type Tensor, tensor } from '@horn/tensor';

/** One row of the playground's table. */
export interface TapeRow {
  x: number;
  y: number;
  tape: number;
  byHand: number;
}

/**
 * Reads the points from what the student typed: numbers separated by commas or spaces. Throws an error
 * naming the first thing that is not a number (or saying that nothing was typed).
 * @example parsePoints('1, 2, 3') // [1, 2, 3]
 */
export function parsePoints(text: string): number[] {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new Error('type one or more numbers, e.g. 1, 2, 3');
  if (parts.length > 50) throw new Error(`at most 50 points, got ${parts.length}`);
  return parts.map((p) => {
    const v = Number(p);
    if (!Number.isFinite(v)) throw new Error(`"${p}" is not a number`);
    return v;
  });
}

/**
 * f(x) and the tape's df/dx at each point, with 3x² + 2 to compare.
 * @example gradientTable([1, 2, 3]).map((r) => r.tape) // [5, 14, 29]
 */
export function gradientTable(points: number[]): TapeRow[] {
  const x = variable(tensor(points));
  const tape = new GradientTape();
  const y = tape.run(() => x.pow(3).add(x.mul(2)).add(5));
  const dydx = tape.gradient(y, x) as Tensor;
  const ys = y.dataSync();
  const gs = dydx.dataSync();
  return points.map((p, i) => ({ x: p, y: ys[i], tape: gs[i], byHand: 3 * p * p + 2 }));
}
