import type { KerasOptions } from '@horn/tensor';
import { type Shape, type Tensor, tidy, ValueError, zeros } from '@horn/tensor';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * The function a {@link Lambda} wraps: the input (or list of inputs) and the `arguments` option.
 * @example const scale: LambdaFunction = (x, args) => mul(x as Tensor, args.factor as number);
 */
export type LambdaFunction = (inputs: Tensor | Tensor[], args: Readonly<Record<string, unknown>>) => Tensor;

/**
 * The output shape of a {@link Lambda}: without the batch dimension, or a function of the input shape.
 * @example const shape: LambdaOutputShape = [6]; // [batch, 6]
 */
export type LambdaOutputShape = (number | null)[] | ((inputShape: LayerShape | LayerShape[]) => LayerShape);

/**
 * Options of {@link Lambda}.
 * @example
 * const double = new Lambda({ function: (x) => (x as Tensor).mul(2), outputShape: [2] });
 * double.apply(tensor([[1, 2]])).arraySync(); // [[2, 4]]
 */
export interface LambdaConfig extends LayerConfig {
  /** The function to wrap (Keras' `function`). */
  function: LambdaFunction;
  /** The output shape without the batch dimension, or a function of the input shape; default: inferred. */
  outputShape?: LambdaOutputShape | null;
  /** Extra values passed to the function as its second argument (Keras' `arguments`). JSON-able. */
  arguments?: Record<string, unknown>;
}

// Inferred output shapes: run the function once on zeros, with this batch size (and 1 for unknown sizes).
const PROBE_BATCH = 2;

/**
 * Wraps a function as a layer (Keras' `Lambda`), for stateless computations in a Sequential or a
 * functional model: it has no weights. The output shape is `outputShape` when given, else inferred by
 * running the function once on zeros of the input shape.
 *
 * Serialization, as Keras 3 decides it: `getConfig()` records the function's source text, but
 * `fromConfig` refuses to rebuild a function from it (Keras refuses unless `safe_mode=False`; Horn
 * never evaluates code read from a config). Pass the function again:
 * `Lambda.fromConfig({ ...config, function: fn })`, or subclass `Lambda` with a fixed function.
 * @example
 * const x = Input({ shape: [3] });
 * new Lambda({ function: (t) => concat([t as Tensor, t as Tensor], -1) }).apply(x).shape; // [null, 6]
 */
export class Lambda extends Layer<LambdaConfig> {
  static override readonly className: string = 'Lambda';
  static override readonly configKeys: readonly string[] = ['function', 'outputShape', 'arguments'];
  readonly fn: LambdaFunction;
  readonly outputShape: LambdaOutputShape | null;
  readonly arguments: Readonly<Record<string, unknown>>;

  constructor(config: KerasOptions<LambdaConfig>) {
    super(config);
    const fn = config?.function;
    if (typeof fn !== 'function') {
      const serialized = fn !== null && typeof fn === 'object';
      throw new ValueError(
        serialized
          ? `${layerLabel(this)}: cannot rebuild the function from a config: Horn never evaluates code read from a config (Keras 3 refuses too unless safe_mode=False); pass the function again, e.g. Lambda.fromConfig({ ...config, function: fn })`
          : `${layerLabel(this)}: function must be a function, got ${JSON.stringify(fn)}`,
      );
    }
    const outputShape = config.outputShape ?? null;
    const shapeOk =
      outputShape === null ||
      typeof outputShape === 'function' ||
      (Array.isArray(outputShape) && outputShape.every((d) => d === null || (Number.isInteger(d) && d >= 0)));
    if (!shapeOk) {
      throw new ValueError(
        `${layerLabel(this)}: outputShape must be a shape without the batch dimension (non-negative integers or nulls) or a function, got ${JSON.stringify(outputShape)}`,
      );
    }
    const args = config.arguments ?? {};
    if (args === null || typeof args !== 'object' || Array.isArray(args)) {
      throw new ValueError(`${layerLabel(this)}: arguments must be an object, got ${JSON.stringify(args)}`);
    }
    this.fn = fn;
    this.outputShape = Array.isArray(outputShape) ? [...outputShape] : outputShape;
    this.arguments = { ...args };
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return this.fn(inputs, this.arguments);
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    if (typeof this.outputShape === 'function') return this.outputShape(inputShape);
    const isList = Array.isArray(inputShape[0]);
    const shapes = (isList ? inputShape : [inputShape]) as LayerShape[];
    const batch = shapes[0]?.[0] ?? null;
    if (Array.isArray(this.outputShape)) return [batch, ...this.outputShape];
    return tidy(() => {
      const probes = shapes.map((s) => zeros(s.map((d, i) => (i === 0 ? PROBE_BATCH : (d ?? 1))) as Shape));
      let out: Tensor;
      try {
        out = this.fn(isList ? probes : probes[0], this.arguments);
      } catch (error) {
        throw new ValueError(
          `${layerLabel(this)}: could not infer the output shape by calling the function on zeros of shape ${shapes.map(fmtShape).join(', ')} (${(error as Error).message}); pass outputShape`,
        );
      }
      const [first, ...rest] = out.shape;
      return [first === PROBE_BATCH ? batch : first, ...rest];
    });
  }

  override getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = {
      ...super.getConfig(),
      // As Keras writes a lambda: its code, which fromConfig will not evaluate.
      function: { className: '__lambda__', config: { code: this.fn.toString() } },
      arguments: { ...this.arguments },
    };
    if (Array.isArray(this.outputShape)) config.outputShape = [...this.outputShape];
    else if (typeof this.outputShape === 'function') {
      config.outputShape = { className: '__lambda__', config: { code: this.outputShape.toString() } };
    }
    return config;
  }
}
