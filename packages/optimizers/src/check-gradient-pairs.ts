import { Variable } from '@horn/autograd';
import { DTypeError, fmt, ShapeError, shapesEqual, Tensor, ValueError } from '@horn/tensor';
import { describeValue } from './check-options.js';

/**
 * A gradient (or null: skipped) and the variable it updates.
 * @example
 * const w = variable(tensor([1, 2]));
 * const pair: GradientPair = [tensor([1, 1]), w];
 * new SGD({ learningRate: 0.1 }).applyGradients([pair]);
 * w.arraySync(); // [0.9, 1.9]
 */
export type GradientPair = readonly [Tensor | null, Variable];

/**
 * What `applyGradients` takes: an array of pairs or a record name -> pair.
 * @example
 * const w = variable(tensor([1, 2])), b = variable(tensor([0]));
 * const pairs: GradientPairs = { w: [tensor([1, 1]), w], b: [null, b] }; // null: b is skipped
 * new SGD({ learningRate: 0.1 }).applyGradients(pairs);
 * w.arraySync(); // [0.9, 1.9]
 */
export type GradientPairs = readonly GradientPair[] | Readonly<Record<string, GradientPair>>;

/**
 * Checks what `applyGradients` got: each entry a `[gradient | null, Variable]` pair, a float32
 * variable given once, a gradient of the variable's shape. Returns the pairs as an array.
 * @example checkGradientPairs('SGD.applyGradients', { w: [tensor([1]), w] }) // [[gradient, w]]
 */
export function checkGradientPairs(owner: string, pairs: GradientPairs): GradientPair[] {
  if (pairs === null || typeof pairs !== 'object') {
    throw new ValueError(
      `${owner}: expected an array of [gradient, variable] pairs or a record of them, got ${describeValue(pairs)}`,
    );
  }
  const entries: [string, unknown][] = Array.isArray(pairs)
    ? pairs.map((p, i) => [`pairs[${i}]`, p])
    : Object.entries(pairs).map(([k, p]) => [`pairs['${k}']`, p]);
  const seen = new Set<Variable>();
  return entries.map(([where, pair]) => {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new ValueError(`${owner}: ${where} must be a [gradient, variable] pair, got ${describeValue(pair)}`);
    }
    const [g, v] = pair as [unknown, unknown];
    if (!(v instanceof Variable)) {
      throw new ValueError(`${owner}: ${where} must hold a Variable to update, got ${describeValue(v)}`);
    }
    if (v.dtype !== 'float32')
      throw new DTypeError(`${owner}: ${where}: variable '${v.name}' must be float32, got ${v.dtype}`);
    if (seen.has(v)) throw new ValueError(`${owner}: ${where}: variable '${v.name}' appears more than once`);
    seen.add(v);
    if (g === null || g === undefined) return [null, v];
    if (!(g instanceof Tensor)) {
      throw new ValueError(
        `${owner}: ${where}: the gradient of '${v.name}' must be a Tensor or null, got ${describeValue(g)}`,
      );
    }
    if (!shapesEqual(g.shape, v.shape)) {
      throw new ShapeError(
        `${owner}: ${where}: the gradient of '${v.name}' has shape ${fmt(g.shape)}, expected the variable's shape ${fmt(v.shape)}`,
      );
    }
    return [g, v];
  });
}
