import { consumeGradients, GradientTape, Variable, variable } from '@horn/autograd';
import {
  configKeysOf,
  DTypeError,
  dispose,
  fmt,
  full,
  type KerasOptions,
  normalizeOptions,
  ShapeError,
  scalar,
  shapesEqual,
  Tensor,
  tidy,
  ValueError,
} from '@horn/tensor';
import { checkGradientPairs, type GradientPairs } from './check-gradient-pairs.js';
import { checkNumber, describeValue } from './check-options.js';
import { clipByGlobalNorm, clipByNorm } from './clip-gradients.js';
import { resolveLearningRate } from './resolve-learning-rate.js';
import type { LearningRateSchedule } from './schedules/learning-rate-schedule.js';
import { serializeSchedule } from './schedules/serialize-schedule.js';
import type { Serialized } from './serialized.js';

/**
 * Options every optimizer takes (camelCase Keras names).
 * @example
 * const opt = new SGD({ learningRate: 0.1, clipValue: 0.5, weightDecay: null, name: 'sgd' });
 * const w = variable(tensor([1, 2]));
 * opt.applyGradients([[tensor([1, -2]), w]]);
 * w.arraySync(); // [0.95, 2.05]: each gradient element clipped to [-0.5, 0.5]
 * // globalClipNorm: 1 instead gives [0.95528, 2.08944] (Keras: the same)
 */
export interface OptimizerOptions {
  /** A number >= 0, a schedule, or a serialized schedule `{ className, config }`. */
  learningRate?: number | LearningRateSchedule | Serialized;
  /** Names the slot variables (`<variable>_<slot>`) in messages. */
  name?: string;
  /** Decoupled weight decay: `w -= learningRate * weightDecay * w` before each update. */
  weightDecay?: number | null;
  /** Clip each gradient to this L2 norm (Keras `clipnorm`). */
  clipNorm?: number | null;
  /** Clip each gradient element to `[-clipValue, clipValue]` (Keras `clipvalue`). */
  clipValue?: number | null;
  /** Clip all gradients together to this global L2 norm (Keras `global_clipnorm`). */
  globalClipNorm?: number | null;
}

/**
 * Keras' one-word option names and their Horn spellings (`clipnorm` is `clipNorm` here); the other
 * Keras names map one to one (`learning_rate` -> `learningRate`).
 * @example OPTIMIZER_ALIASES.global_clipnorm // 'globalClipNorm'
 */
export const OPTIMIZER_ALIASES = {
  clipnorm: 'clipNorm',
  clipvalue: 'clipValue',
  global_clipnorm: 'globalClipNorm',
  globalClipnorm: 'globalClipNorm',
} as const satisfies Readonly<Record<string, keyof OptimizerOptions>>;

/**
 * An optimizer's options as its constructor accepts them: camelCase, Keras' snake_case
 * (`learning_rate`, `beta_1`, `weight_decay`) and Keras' one-word aliases (`clipnorm`,
 * `clipvalue`, `global_clipnorm`).
 * @example
 * const options: OptimizerKerasOptions<OptimizerOptions> = { learning_rate: 0.01, clipnorm: 1 };
 */
export type OptimizerKerasOptions<T> = KerasOptions<T, typeof OPTIMIZER_ALIASES>;

/**
 * The options every optimizer's `getConfig()` returns.
 * @example
 * const config: OptimizerConfig = new SGD({ learningRate: 0.1, clipNorm: 1 }).getConfig();
 * config.clipNorm; // 1
 * config.globalClipNorm; // null (not set)
 */
export type OptimizerConfig = {
  name: string;
  learningRate: number | Serialized;
  weightDecay: number | null;
  clipNorm: number | null;
  globalClipNorm: number | null;
  clipValue: number | null;
};

/**
 * A slot an optimizer keeps per variable: its name and initial value (default 0).
 * @example
 * // A subclass lists the slots it keeps per variable (Adagrad's, with its initial value):
 * protected slotSpecs(): readonly SlotSpec[] {
 *   return [{ name: 'accumulator', initialValue: this.initialAccumulatorValue }];
 * }
 */
export interface SlotSpec {
  name: string;
  initialValue?: number;
}

/**
 * The base of every optimizer, with Keras 3 semantics: `applyGradients` clips the gradients,
 * applies weight decay, runs each subclass's `updateStep` and counts `iterations`. Slot variables
 * (momenta, ...) are created on a variable's first update, or by `build`.
 * @example
 * const w = variable(tensor([1, -2]));
 * const opt = new SGD({ learningRate: 0.1 });
 * opt.minimize(() => w.sub(0.5).square().sum());
 * w.arraySync(); // [0.9, -1.5]
 */
export abstract class Optimizer {
  /** The Keras class name, used when saving. */
  static readonly className: string = 'Optimizer';
  /**
   * The option names this class adds itself (camelCase); the constructor accepts those of the
   * whole class chain, in camelCase or Keras' spelling, and refuses any other by name.
   */
  static readonly configKeys: readonly string[] = [
    'learningRate',
    'name',
    'weightDecay',
    'clipNorm',
    'clipValue',
    'globalClipNorm',
  ];
  readonly name: string;
  readonly weightDecay: number | null;
  readonly clipNorm: number | null;
  readonly clipValue: number | null;
  readonly globalClipNorm: number | null;
  /** The constructor options in camelCase (Keras' spellings renamed, undefined ones dropped). */
  protected readonly options: Readonly<Record<string, unknown>>;
  private rate: number | LearningRateSchedule;
  private iterationCount = 0;
  private readonly slotsByVariable = new Map<Variable, Record<string, Variable>>();
  private readonly slotOrder: Variable[] = [];
  /** `<variable>/<slot>` of each entry of `slotOrder`, as TF.js names its optimizer weights. */
  private readonly slotKeys: string[] = [];

  protected constructor(
    options: OptimizerKerasOptions<OptimizerOptions>,
    defaults: { learningRate: number; name: string },
  ) {
    const owner = new.target.className;
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      const keras =
        typeof options === 'number'
          ? `; this looks like Keras' positional form ${owner}(${options}, ...) (learning_rate first): write new ${owner}({ learningRate: ${options} })`
          : '';
      throw new ValueError(`${owner}: expected an options object, got ${describeValue(options)}${keras}`);
    }
    this.options = normalizeOptions(owner, options, configKeysOf(new.target, Optimizer), OPTIMIZER_ALIASES);
    options = this.options as OptimizerOptions;
    this.rate = resolveLearningRate(owner, options.learningRate ?? defaults.learningRate);
    this.name = options.name ?? defaults.name;
    const positive = (option: string, v: number | null | undefined) =>
      v === null || v === undefined ? null : checkNumber(owner, option, v, { min: 0, minExclusive: true });
    this.weightDecay =
      options.weightDecay == null ? null : checkNumber(owner, 'weightDecay', options.weightDecay, { min: 0 });
    this.clipNorm = positive('clipNorm', options.clipNorm);
    this.clipValue = positive('clipValue', options.clipValue);
    this.globalClipNorm = positive('globalClipNorm', options.globalClipNorm);
    const clips = { clipNorm: this.clipNorm, clipValue: this.clipValue, globalClipNorm: this.globalClipNorm };
    const set = Object.entries(clips).filter(([, v]) => v !== null);
    if (set.length > 1) {
      throw new ValueError(
        `${owner}: only one of clipNorm, clipValue and globalClipNorm can be set, got ${set.map(([k, v]) => `${k}=${v}`).join(', ')}`,
      );
    }
  }

  /** The Keras class name of this optimizer's class. */
  get className(): string {
    return (this.constructor as typeof Optimizer).className;
  }

  /** How many times `applyGradients` has updated variables. */
  get iterations(): number {
    return this.iterationCount;
  }

  /** The learning rate: a number or a schedule evaluated at `iterations` before each update. */
  get learningRate(): number | LearningRateSchedule {
    return this.rate;
  }

  set learningRate(value: number | LearningRateSchedule) {
    this.rate = resolveLearningRate(this.className, value);
  }

  /** The learning rate the next update uses (the schedule evaluated at `iterations`). */
  currentLearningRate(): number {
    if (typeof this.rate === 'number') return this.rate;
    const lr = this.rate.call(this.iterationCount);
    return checkNumber(this.className, `learning rate from ${this.rate.className} at step ${this.iterationCount}`, lr);
  }

  /** The slots this optimizer keeps per variable, in creation order (empty: stateless). */
  protected abstract slotSpecs(): readonly SlotSpec[];

  /** Updates one variable (and its slots) from its gradient; runs inside `tidy`. */
  protected abstract updateStep(
    gradient: Tensor,
    variable: Variable,
    slots: Readonly<Record<string, Variable>>,
    learningRate: number,
  ): void;

  /**
   * Creates the slot variables of variables that have none yet: slot kind by slot kind, each over
   * the new variables in order (as Keras' `build`). Call it before `setWeights` on a fresh optimizer.
   */
  build(variables: readonly Variable[]): void {
    const fresh = variables.filter((v, i) => {
      if (!(v instanceof Variable)) {
        throw new ValueError(`${this.className}.build: variables[${i}] must be a Variable, got ${describeValue(v)}`);
      }
      return !this.slotsByVariable.has(v);
    });
    for (const v of fresh) this.slotsByVariable.set(v, {});
    tidy(() => {
      for (const spec of this.slotSpecs()) {
        for (const v of fresh) {
          const slot = variable(full(v.shape, spec.initialValue ?? 0, v.dtype), {
            name: `${v.name}_${spec.name}`,
            trainable: false,
          });
          this.slotsByVariable.get(v)![spec.name] = slot;
          this.slotOrder.push(slot);
          this.slotKeys.push(`${v.name}/${spec.name}`);
        }
      }
    });
  }

  /**
   * The slot variable `name` of `variable` (e.g. Adam's 'momentum'), or undefined before the first
   * update of that variable.
   */
  getSlot(variable: Variable, name: string): Variable | undefined {
    return this.slotsByVariable.get(variable)?.[name];
  }

  /**
   * Keras 3's `optimizer.apply(grads, trainableVariables)`: the gradients and the variables as two
   * lists of one length (`grads[i]` updates `variables[i]`; a null gradient is skipped), otherwise
   * the same as {@link applyGradients}. Keras may omit the variables after a `build`; Horn asks for
   * them always, so that a gradient is never matched to a variable by position alone.
   * @example opt.apply(tape.gradient(loss, model.trainableWeights), model.trainableWeights);
   */
  apply(grads: readonly (Tensor | null)[], variables: readonly Variable[]): number {
    const owner = `${this.className}.apply`;
    if (!Array.isArray(grads))
      throw new ValueError(`${owner}: grads must be an array of gradients, got ${describeValue(grads)}`);
    if (!Array.isArray(variables)) {
      throw new ValueError(
        `${owner}: expected apply(grads, variables) with the variables the gradients belong to, got ${describeValue(variables)}`,
      );
    }
    if (grads.length !== variables.length) {
      throw new ValueError(`${owner}: got ${grads.length} gradients for ${variables.length} variables`);
    }
    return this.applyGradients(variables.map((v, i) => [grads[i], v] as const));
  }

  /**
   * Updates each variable from its gradient: `[[gradient, variable], ...]` or a record of pairs.
   * Null gradients are skipped (as Keras); all null is an error. A variable with a `constraint`
   * (a layer weight with `kernelConstraint`, say) is projected by it after its update, as Keras 3.
   * Everything it computes is freed before it returns. Gradients that a non-persistent
   * `GradientTape` computed end that tape's training step: the gradients and what the tape's
   * `run` returned are released when the next tape starts recording (see GradientTape), so a
   * loop written without `tidy` does not grow. Returns the new `iterations`.
   * @example opt.applyGradients([[tensor([0.5, -1]), w]]);
   */
  applyGradients(pairs: GradientPairs): number {
    const owner = `${this.className}.applyGradients`;
    const live = checkGradientPairs(owner, pairs).filter((p): p is readonly [Tensor, Variable] => p[0] !== null);
    if (live.length === 0) throw new ValueError(`${owner}: no gradients provided for any variable (all were null)`);
    const lr = this.currentLearningRate();
    const variables = live.map(([, v]) => v);
    this.build(variables);
    tidy(() => {
      const raw = live.map(([g]) => (g.dtype === 'float32' ? g : g.cast('float32')));
      const grads = this.clipGradients(raw);
      if (this.weightDecay) {
        for (const v of variables) v.assign(v.sub(v.mul(lr * this.weightDecay)));
      }
      variables.forEach((v, i) => {
        this.updateStep(grads[i], v, this.slotsByVariable.get(v)!, lr);
        // As Keras 3: a variable that carries a constraint (layer weights do) is projected after its update.
        const { constraint } = v as { constraint?: { apply(w: Tensor): Tensor } | null };
        if (constraint) v.assign(constraint.apply(v));
      });
    });
    this.iterationCount++;
    // Gradients from a GradientTape end its training step: its tensors go when the next step begins.
    consumeGradients(live.map(([g]) => g));
    return this.iterationCount;
  }

  /**
   * Computes the gradient of `lossFn()` with a `GradientTape` and applies it to `variables`
   * (default: the trainable variables the loss read). Returns the loss, computed before the update:
   * a training step's tensor, released when the next step begins (read it first, or `keep()` it),
   * so `for (...) opt.minimize(f)` keeps the tensor count flat.
   * @example const loss = opt.minimize(() => w.square().sum());
   */
  minimize(lossFn: () => Tensor, variables?: readonly Variable[]): Tensor {
    const owner = `${this.className}.minimize`;
    if (typeof lossFn !== 'function')
      throw new ValueError(`${owner}: lossFn must be a function, got ${describeValue(lossFn)}`);
    variables?.forEach((v, i) => {
      if (!(v instanceof Variable))
        throw new ValueError(`${owner}: variables[${i}] must be a Variable, got ${describeValue(v)}`);
    });
    const tape = new GradientTape();
    let loss: Tensor;
    let vars: Variable[];
    try {
      if (variables) tape.watch(variables);
      // The tape holds the intermediates it needs until gradient() disposes it; tidy frees the rest.
      loss = tape.run(() => tidy(lossFn));
      if (!(loss instanceof Tensor))
        throw new ValueError(`${owner}: lossFn must return a Tensor, got ${describeValue(loss)}`);
      vars = variables
        ? [...variables]
        : tape.watched().filter((t): t is Variable => t instanceof Variable && t.trainable);
      if (vars.length === 0)
        throw new ValueError(`${owner}: the loss reads no trainable variable; pass the variables to update`);
    } catch (e) {
      tape.dispose();
      throw e;
    }
    const grads = tape.gradient(loss, vars);
    try {
      this.applyGradients(vars.map((v, i) => [grads[i], v] as const));
    } finally {
      dispose(grads);
    }
    return loss;
  }

  /**
   * The optimizer's state as new tensors: `[iterations (int32 scalar), ...slots]`, slots in
   * creation order (see `build`).
   */
  getWeights(): Tensor[] {
    return [scalar(this.iterationCount, 'int32'), ...this.slotOrder.map((s) => s.clone())];
  }

  /**
   * The names of `getWeights()`' entries, as TF.js names an optimizer's weights: `'iter'`, then
   * `<variable name>/<slot name>` for each slot in creation order (`'dense/kernel/momentum'`).
   * @example
   * const opt = new SGD({ momentum: 0.9 });
   * opt.build([variable(tensor([1, 2]), { name: 'w' })]);
   * opt.getWeightNames(); // ['iter', 'w/momentum']
   */
  getWeightNames(): string[] {
    return ['iter', ...this.slotKeys];
  }

  /**
   * Restores what `getWeights` returned. The optimizer must hold the same slots: build it over the
   * same variables, in the same order, first.
   */
  setWeights(weights: readonly Tensor[]): void {
    const owner = `${this.className}.setWeights`;
    if (!Array.isArray(weights))
      throw new ValueError(`${owner}: expected an array of tensors, got ${describeValue(weights)}`);
    if (weights.length !== this.slotOrder.length + 1) {
      throw new ValueError(
        `${owner}: expected ${this.slotOrder.length + 1} weights (iterations and ${this.slotOrder.length} slots), got ${weights.length}; call build(variables) with the same variables first`,
      );
    }
    weights.forEach((w, i) => {
      if (!(w instanceof Tensor))
        throw new ValueError(`${owner}: weights[${i}] must be a Tensor, got ${describeValue(w)}`);
      const expected = i === 0 ? [] : this.slotOrder[i - 1].shape;
      if (!shapesEqual(w.shape, expected)) {
        const what = i === 0 ? 'iterations' : `slot '${this.slotOrder[i - 1].name}'`;
        throw new ShapeError(`${owner}: weights[${i}] (${what}) must have shape ${fmt(expected)}, got ${fmt(w.shape)}`);
      }
      if (i > 0 && w.dtype !== 'float32')
        throw new DTypeError(`${owner}: weights[${i}] must be float32, got ${w.dtype}`);
    });
    const count = weights[0].dataSync()[0];
    if (!Number.isInteger(count) || count < 0) {
      throw new ValueError(`${owner}: weights[0] (iterations) must be a non-negative integer, got ${count}`);
    }
    this.iterationCount = count;
    this.slotOrder.forEach((s, i) => {
      s.assign(weights[i + 1]);
    });
  }

  /** The options that recreate this optimizer (without its state), camelCase and JSON-able. */
  getConfig(): OptimizerConfig {
    return {
      name: this.name,
      learningRate: typeof this.rate === 'number' ? this.rate : serializeSchedule(this.rate),
      weightDecay: this.weightDecay,
      clipNorm: this.clipNorm,
      globalClipNorm: this.globalClipNorm,
      clipValue: this.clipValue,
    };
  }

  /**
   * Recreates an optimizer from `getConfig()`'s output (a serialized schedule is restored too).
   * @example Adam.fromConfig(new Adam({ learningRate: 0.01 }).getConfig())
   */
  static fromConfig<T extends Optimizer, C>(this: new (config: C) => T, config: C): T {
    return new this(config);
  }

  /**
   * Disposes the slot variables of `variables` alone (what `model.dispose()` calls for an optimizer
   * the caller made and may share with other models); the slots of other variables stay, in order.
   * @example
   * model.compile({ optimizer: adam, loss: 'mse' }); await model.fit(x, y);
   * adam.disposeSlots(model.trainableWeights); // memory() drops by the slots' tensors
   */
  disposeSlots(variables: Iterable<Variable>): void {
    const slots = new Set<Variable>();
    for (const v of variables) {
      const owned = this.slotsByVariable.get(v);
      if (!owned) continue;
      for (const slot of Object.values(owned)) slots.add(slot);
      this.slotsByVariable.delete(v);
    }
    if (slots.size === 0) return;
    const keep = this.slotOrder.map((s) => !slots.has(s));
    const order = this.slotOrder.filter((_, i) => keep[i]);
    const keys = this.slotKeys.filter((_, i) => keep[i]);
    for (const slot of slots) slot.dispose();
    this.slotOrder.splice(0, this.slotOrder.length, ...order);
    this.slotKeys.splice(0, this.slotKeys.length, ...keys);
  }

  /** Disposes the slot variables; the next update creates fresh ones. */
  dispose(): void {
    for (const s of this.slotOrder) s.dispose();
    this.slotOrder.length = 0;
    this.slotKeys.length = 0;
    this.slotsByVariable.clear();
  }

  private clipGradients(grads: Tensor[]): Tensor[] {
    if (this.clipNorm !== null) return grads.map((g) => clipByNorm(g, this.clipNorm!));
    if (this.globalClipNorm !== null) return clipByGlobalNorm(grads, this.globalClipNorm);
    if (this.clipValue !== null) return grads.map((g) => g.clip(-this.clipValue!, this.clipValue!));
    return grads;
  }
}
