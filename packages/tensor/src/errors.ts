/**
 * The base of every error Horn throws on purpose. Its message names what was called, what was
 * expected and what was given.
 * @example
 * try { reshape(tensor([1, 2, 3]), [2, 2]); } catch (e) { if (e instanceof HornError) console.log(e.message); }
 */
export class HornError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Shapes that do not fit the op: mismatched dimensions, a bad axis, a ragged nested array.
 * @example
 * add(ones([2, 3]), ones([4])); // ShapeError: add: shapes [2,3] and [4] cannot be broadcast together
 */
export class ShapeError extends HornError {}

/**
 * An argument with a bad value: a negative size, NaN where an integer belongs, an unknown option.
 * @example
 * range(0, 10, 0); // ValueError: range: step must be non-zero, got 0
 */
export class ValueError extends HornError {}

/**
 * A tensor of the wrong element type for the op.
 * @example
 * logicalAnd(tensor([1.5]), tensor([true])); // DTypeError
 */
export class DTypeError extends ValueError {}

/**
 * A tensor used after `dispose()`.
 * @example
 * const t = tensor([1]); t.dispose(); t.dataSync(); // DisposedError
 */
export class DisposedError extends HornError {}

/**
 * A kernel that no registered backend provides.
 * @example
 * runKernel('NoSuchKernel', {}, {}); // NotImplementedError
 */
export class NotImplementedError extends HornError {}
