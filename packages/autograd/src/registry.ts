import { HornError, type KernelAttrs, type Tensor } from '@horn/tensor';
import { builtinGradients, builtinNonDifferentiable } from './gradients/builtin.js';

/**
 * The gradient of one kernel: its inputs' gradients from its output's gradient, written with ops.
 * @example
 * const spec: GradientSpec = { name: 'Square', grad: (dy, { x }) => ({ x: mul(dy, mul(x, 2)) }) };
 * registerGradient(spec);
 */
export interface GradientSpec {
  /** The kernel name (`'MatMul'`, `'Conv2D'`, ...). */
  readonly name: string;
  /**
   * Returns the gradient of each input (by input name) given `dy`, the gradient of the first
   * output (`dys` holds all, for multi-output kernels). Inputs left out or `null` get none.
   * A value may be a function that computes the gradient: it is called only when that input needs
   * one (as TF.js does), so `conv2d(x, w)` with a constant `x` never computes the input gradient.
   */
  grad(
    dy: Tensor,
    inputs: Readonly<Record<string, Tensor>>,
    attrs: KernelAttrs,
    outputs: readonly Tensor[],
    dys: readonly Tensor[],
  ): Record<string, InputGradient>;
}

/**
 * One input's gradient: a tensor, a function computing it on demand, or none.
 * @example
 * // In a GradientSpec, a function value is computed only when that input needs a gradient:
 * registerGradient({ name: 'Square', grad: (dy, { x }) => ({ x: () => mul(dy, mul(x, 2)) }) });
 */
export type InputGradient = Tensor | (() => Tensor) | null | undefined;

/**
 * Raised when a gradient is asked through a kernel that has none.
 * @example
 * try {
 *   getGradient('ArgMax');
 * } catch (e) {
 *   e instanceof NotDifferentiableError; // true: ArgMax (int32 indices) has no gradient
 * }
 */
export class NotDifferentiableError extends HornError {}

const gradients = new Map<string, GradientSpec>();
const nonDifferentiable = new Map<string, string>();
let builtinsLoaded = false;

function loadBuiltins(): void {
  if (builtinsLoaded) return;
  builtinsLoaded = true;
  for (const spec of builtinGradients()) if (!gradients.has(spec.name)) gradients.set(spec.name, spec);
  for (const [name, reason] of Object.entries(builtinNonDifferentiable)) {
    if (!gradients.has(name)) nonDifferentiable.set(name, reason);
  }
}

/**
 * Registers (or replaces) the gradient of a kernel.
 * @example
 * registerGradient({ name: 'Square', grad: (dy, { x }) => ({ x: mul(dy, mul(x, 2)) }) });
 */
export function registerGradient(spec: GradientSpec): void {
  loadBuiltins();
  gradients.set(spec.name, spec);
  nonDifferentiable.delete(spec.name);
}

/**
 * Declares kernels that have no gradient, with the reason given to a user who asks for one.
 * @example registerNonDifferentiable(['ArgMax'], 'argMax returns indices')
 */
export function registerNonDifferentiable(names: readonly string[], reason: string): void {
  for (const n of names) nonDifferentiable.set(n, reason);
}

/**
 * The gradient registered for a kernel; throws a clear error when it has none.
 * @example getGradient('MatMul')
 */
export function getGradient(name: string): GradientSpec {
  loadBuiltins();
  const spec = gradients.get(name);
  if (spec) return spec;
  const reason = nonDifferentiable.get(name);
  throw new NotDifferentiableError(
    reason
      ? `gradient: kernel '${name}' is not differentiable (${reason})`
      : `gradient: no gradient is registered for kernel '${name}'; register one with registerGradient({ name: '${name}', grad })`,
  );
}

/**
 * Whether a kernel has a registered gradient.
 * @example hasGradient('Add') // true
 */
export function hasGradient(name: string): boolean {
  loadBuiltins();
  return gradients.has(name);
}

/**
 * The names of every kernel with a registered gradient.
 * @example registeredGradients().includes('Conv2D') // true
 */
export function registeredGradients(): string[] {
  loadBuiltins();
  return [...gradients.keys()];
}
