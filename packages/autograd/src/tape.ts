import {
  cast,
  ENGINE,
  fmt,
  type KernelRecord,
  onesLike,
  ShapeError,
  shapesEqual,
  Tensor,
  type TensorContainer,
  tidy,
  ValueError,
  zerosLike,
} from '@horn/tensor';
import { backprop } from './backprop.js';
import type { TapeNode } from './node.js';
import { activeTapes, withTape } from './recording.js';
import { getGradient } from './registry.js';
import { beginStep, linkGradients, StepTensors } from './step-scope.js';
import { Variable } from './variable.js';

/**
 * Options of {@link GradientTape}.
 * @example
 * const x = tensor([3]);
 * const tape = new GradientTape({ persistent: true, watchAccessedVariables: false });
 * tape.watch(x);
 * const y = tape.run(() => x.square());
 * tape.gradient(y, x)!.arraySync(); // [6]
 * tape.gradient(y, x)!.arraySync(); // [6] again: a persistent tape can be asked twice
 * tape.dispose();
 */
export interface GradientTapeOptions {
  /** Allow `gradient()` more than once; call `dispose()` when done. Default false. */
  persistent?: boolean;
  /** Watch trainable variables as soon as an op reads them. Default true (as TF). */
  watchAccessedVariables?: boolean;
}

/**
 * Options of {@link GradientTape.gradient}.
 * @example
 * const x = variable(tensor([1, 2]));
 * const tape = new GradientTape();
 * const y = tape.run(() => x.square());
 * tape.gradient(y, x, { outputGradients: tensor([1, 10]) })!.arraySync(); // [2, 40]
 */
export interface GradientOptions {
  /** The gradient flowing into the target (default: ones, so a non-scalar target is summed). */
  outputGradients?: Tensor;
  /** What a source the target does not depend on gets: `'none'` (null, default) or `'zero'`. */
  unconnectedGradients?: 'none' | 'zero';
}

/**
 * What `gradient` takes as sources and returns in the same structure.
 * @example
 * const a = variable(tensor([1])), b = variable(tensor([2]));
 * const tape = new GradientTape();
 * const y = tape.run(() => a.mul(b));
 * const g = tape.gradient(y, { a, b }); // same structure back: { a: [2], b: [1] }
 */
export type Sources = Tensor | readonly Tensor[] | Readonly<Record<string, Tensor>>;
type GradientsOf<S> = S extends Tensor
  ? Tensor | null
  : S extends readonly Tensor[]
    ? (Tensor | null)[]
    : { [K in keyof S]: Tensor | null };

/**
 * Records the ops run inside `run()` and computes gradients of a result with respect to watched
 * tensors and trainable variables, the TensorFlow way.
 *
 * Memory, so that a training loop written without `tidy` stays flat (Keras' loops never free
 * anything by hand):
 * - `run(fn)` is a scope: the tensors `fn` makes and does not return are released once the tape
 *   is done with them (after `gradient()`, or `dispose()` for a persistent tape). Return what you
 *   need afterwards (`return [logits, loss]`), or `keep()` it.
 * - A non-persistent tape's results (what `run` returned, and the gradients) belong to its
 *   training step: once an optimizer has applied those gradients, they are released when the
 *   next tape starts recording. Read them (`loss.dataSync()`, a metric update) within the step;
 *   `keep()` or `clone()` what must outlive it.
 * - When live tensors grow on each of 20 consecutive steps, a warning (once) gives the counts.
 * @example
 * const x = variable(tensor([1, 2, 3]));
 * const tape = new GradientTape();
 * const y = tape.run(() => x.pow(3).add(x.mul(2)).add(5));
 * tape.gradient(y, x)!.arraySync(); // [5, 14, 29]
 */
export class GradientTape {
  readonly persistent: boolean;
  readonly watchAccessedVariables: boolean;
  private nodes: TapeNode[] = [];
  private readonly tracked = new Set<Tensor>();
  private readonly held = new Set<Tensor>();
  private used = false;
  private disposed = false;
  private began = false;
  private readonly step: StepTensors | null;

  constructor(options: GradientTapeOptions = {}) {
    this.persistent = options.persistent ?? false;
    this.watchAccessedVariables = options.watchAccessedVariables ?? true;
    this.step = this.persistent ? null : new StepTensors();
  }

  /**
   * Runs `fn` (synchronously) with this tape recording, and returns its result. The tensors `fn`
   * makes and does not return are released when the tape is done (see the class notes).
   */
  run<T>(fn: () => T): T {
    this.assertUsable('run');
    if (!this.began) {
      this.began = true;
      // The first recording of an outermost tape starts a training step.
      if (activeTapes().length === 0) beginStep();
    }
    const result = withTape(this, () =>
      tidy(() => {
        const value = fn();
        if (value instanceof Promise) {
          throw new ValueError('GradientTape.run: the function returned a Promise; record synchronous code only');
        }
        return value as TensorContainer;
      }),
    ) as T;
    return this.step ? this.step.add(result) : result;
  }

  /** Watches tensors so gradients with respect to them can be asked for. */
  watch(tensors: Tensor | readonly Tensor[]): void {
    this.assertUsable('watch');
    for (const t of Array.isArray(tensors) ? tensors : [tensors as Tensor]) {
      if (!(t instanceof Tensor)) throw new ValueError(`GradientTape.watch: expected a Tensor, got ${typeof t}`);
      if (t.dtype !== 'float32') {
        throw new ValueError(`GradientTape.watch: only float32 tensors have gradients, got ${t.dtype} ${fmt(t.shape)}`);
      }
      this.tracked.add(t);
      this.hold(t);
    }
  }

  /** The tensors and variables this tape watches. */
  watched(): Tensor[] {
    return [...this.tracked].filter((t) => !this.nodes.some((n) => n.outputs.includes(t)));
  }

  /** @internal Called by the engine's recorder for every kernel run while this tape is active. */
  recordKernel(record: KernelRecord): void {
    const { name, inputs, attrs, outputs } = record;
    this.recordNode({
      name,
      inputs,
      outputs,
      attrs,
      backward: (dys) => getGradient(name).grad(dys[0], inputs, attrs, outputs, dys),
    });
  }

  /**
   * @internal Records a node if one of its inputs depends on a watched tensor (watching trainable
   * variables on first read), and holds its tensors until the tape is done.
   */
  recordNode(node: TapeNode): void {
    let relevant = false;
    for (const t of Object.values(node.inputs)) {
      if (this.tracked.has(t)) relevant = true;
      else if (this.watchAccessedVariables && t instanceof Variable && t.trainable && t.dtype === 'float32') {
        this.tracked.add(t);
        this.hold(t);
        relevant = true;
      }
    }
    if (relevant) this.addNode(node);
  }

  private addNode(node: TapeNode): void {
    this.nodes.push(node);
    for (const t of Object.values(node.inputs)) this.hold(t);
    for (const o of node.outputs) {
      this.hold(o);
      if (o.dtype === 'float32') this.tracked.add(o);
    }
  }

  /** @internal Whether a tensor depends on something this tape watches. */
  isTracked(t: Tensor): boolean {
    return this.tracked.has(t);
  }

  /**
   * The gradient of `target` with respect to `sources` (one tensor, an array or a record; the
   * result has the same structure). A non-scalar target is summed. A source the target does not
   * depend on gets `null` (or zeros with `unconnectedGradients: 'zero'`).
   */
  gradient<S extends Sources>(target: Tensor, sources: S, options: GradientOptions = {}): GradientsOf<S> {
    this.assertUsable('gradient');
    if (this.used && !this.persistent) {
      throw new ValueError(
        'GradientTape.gradient: a non-persistent tape can compute gradients only once; use { persistent: true }',
      );
    }
    if (!(target instanceof Tensor))
      throw new ValueError(`GradientTape.gradient: target must be a Tensor, got ${typeof target}`);
    if (target.dtype !== 'float32') {
      throw new ValueError(`GradientTape.gradient: target must be float32 to have gradients, got ${target.dtype}`);
    }
    const list = sourceList(sources);
    const { outputGradients, unconnectedGradients = 'none' } = options;
    if (outputGradients && !shapesEqual(outputGradients.shape, target.shape)) {
      throw new ShapeError(
        `GradientTape.gradient: outputGradients must have the target's shape ${fmt(target.shape)}, got ${fmt(outputGradients.shape)}`,
      );
    }
    this.used = true;
    const wanted = new Set(list.map(([, t]) => t));
    const results = tidy(() => {
      const seed = outputGradients ? cast(outputGradients, 'float32') : onesLike(target);
      const grads = this.tracked.has(target)
        ? backprop(this.nodes, target, seed, (t) => this.tracked.has(t))
        : new Map<Tensor, Tensor>();
      return list.map(([, s]) => {
        const g = wanted.has(s) ? grads.get(s) : undefined;
        if (g) return g;
        return unconnectedGradients === 'zero' ? zerosLike(s) : null;
      });
    });
    if (this.step) {
      this.step.add(results);
      linkGradients(this.step, results);
    }
    if (!this.persistent) this.dispose();
    return shapeLike(sources, list, results) as GradientsOf<S>;
  }

  /** Releases every tensor the tape holds. A non-persistent tape does this after `gradient`. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.nodes = [];
    this.tracked.clear();
    const held = [...this.held];
    this.held.clear();
    for (const t of held) ENGINE.unhold(t);
  }

  private hold(t: Tensor): void {
    if (this.held.has(t)) return;
    this.held.add(t);
    ENGINE.hold(t);
  }

  private assertUsable(what: string): void {
    if (this.disposed)
      throw new ValueError(
        `GradientTape.${what}: the tape was disposed (a non-persistent tape is disposed by gradient())`,
      );
  }
}

function sourceList(sources: Sources): [string, Tensor][] {
  let entries: [string, unknown][];
  if (sources instanceof Tensor) entries = [['0', sources]];
  else if (Array.isArray(sources)) entries = sources.map((s, i) => [String(i), s]);
  else if (sources !== null && typeof sources === 'object') entries = Object.entries(sources);
  else
    throw new ValueError(
      `GradientTape.gradient: sources must be a Tensor, an array or a record of tensors, got ${String(sources)}`,
    );
  for (const [key, s] of entries) {
    if (!(s instanceof Tensor)) {
      throw new ValueError(
        `GradientTape.gradient: source '${key}' must be a Tensor or Variable, got ${s === null ? 'null' : typeof s}`,
      );
    }
    ENGINE.assertLive(s, 'GradientTape.gradient');
  }
  return entries as [string, Tensor][];
}

function shapeLike(sources: Sources, list: [string, Tensor][], results: (Tensor | null)[]): unknown {
  if (sources instanceof Tensor) return results[0];
  if (Array.isArray(sources)) return results;
  return Object.fromEntries(list.map(([k], i) => [k, results[i]]));
}
