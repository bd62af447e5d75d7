import { GradientTape } from '@horn/autograd';
import {
  add,
  getBackend,
  listBackends,
  mean,
  memory,
  type NestedArray,
  randomUniform,
  setBackend,
  setSeed,
  square,
  sub,
  type Tensor,
  tensor,
  tidy,
} from '@horn/tensor';
import { fmtShape } from '../engine/input-checks.js';
import type { Layer, LayerConfig, LayerShape } from '../engine/layer.js';

/**
 * A layer class runLayerTest can construct and rebuild from its config.
 * @example
 * function checkShapes<T extends TestableLayerClass>(cls: T, config: LayerConfigOf<T>) {
 *   runLayerTest(cls, { config, inputShape: [2, 4], expectedOutputShape: [2, 3] });
 * }
 * checkShapes(Dense, { units: 3 });
 */
export type TestableLayerClass = (new (
  config: never,
) => Layer) & {
  readonly className: string;
  fromConfig(config: Record<string, unknown>): unknown;
};

/**
 * The config type a layer class's constructor takes.
 * @example
 * const config: LayerConfigOf<typeof Dense> = { units: 3, activation: 'relu' }; // DenseConfig
 * runLayerTest(Dense, { config, inputShape: [2, 4], expectedOutputShape: [2, 3] });
 */
export type LayerConfigOf<T> = T extends new (config: infer C) => Layer ? NonNullable<C> : never;

/**
 * Options of {@link runLayerTest}.
 * @example
 * const options: LayerTestOptions<DenseConfig> = {
 *   config: { units: 2, kernelInitializer: 'ones', useBias: false },
 *   inputShape: [1, 2],
 *   inputData: tensor([[1, 2]]),
 *   expectedOutputShape: [1, 2],
 *   expectedNumTrainableWeights: 1,
 *   expectedOutput: [[3, 3]],
 *   seed: 1337,
 * };
 * runLayerTest(Dense, options);
 */
export interface LayerTestOptions<C extends LayerConfig> {
  /** The constructor options. */
  config: C;
  /** The input shape with the batch dimension; an array of shapes for merge layers. */
  inputShape: readonly number[] | readonly (readonly number[])[];
  /** The input (default: seeded uniform values in [-1, 1) of `inputShape`). */
  inputData?: Tensor | Tensor[];
  /** The output shape, with the batch dimension. */
  expectedOutputShape: readonly number[];
  expectedNumTrainableWeights?: number;
  expectedNumNonTrainableWeights?: number;
  /** The output values (checked to 1e-4). */
  expectedOutput?: NestedArray;
  /** Calls the layer in training mode. Default false. */
  training?: boolean;
  /** Seeds the global stream and the generated inputs. Default 1337. */
  seed?: number;
}

class LayerTestError extends Error {}

/**
 * The conformance harness every layer test uses. On every registered backend it checks: the
 * output shape equals `expectedOutputShape` and `computeOutputShape` (with a null batch too); the
 * weight counts; `fromConfig(getConfig())` gives an equal config and, with the same weights, the same
 * output; one SGD step on a random-target MSE loss (plus `layer.losses`) lowers the loss when the
 * layer has trainable weights on a differentiable path; and no tensor leaks. Throws an Error with a
 * clear message on any failure; returns the output (of the first backend).
 * @example
 * runLayerTest(Dense, { config: { units: 3 }, inputShape: [2, 4], expectedOutputShape: [2, 3], expectedNumTrainableWeights: 2 });
 */
export function runLayerTest<T extends TestableLayerClass>(
  LayerClass: T,
  options: LayerTestOptions<LayerConfigOf<T>>,
): Tensor {
  const original = getBackend();
  let result: { values: number[]; shape: number[] } | null = null;
  try {
    for (const backend of listBackends()) {
      setBackend(backend);
      const run = runOnBackend(LayerClass, options, `${LayerClass.className} on '${backend}'`);
      if (result === null) result = run;
      else
        assertClose(
          run.values,
          result.values,
          1e-3,
          `${LayerClass.className}: output on '${backend}' differs from '${listBackends()[0]}'`,
        );
    }
  } finally {
    setBackend(original);
  }
  if (!result) throw new LayerTestError('runLayerTest: no backend is registered');
  return tensor(result.values, result.shape);
}

function runOnBackend<C extends LayerConfig>(
  LayerClass: TestableLayerClass,
  options: LayerTestOptions<C>,
  label: string,
): { values: number[]; shape: number[] } {
  const seed = options.seed ?? 1337;
  const training = options.training ?? false;
  const before = memory().numTensors;
  const layers: Layer[] = [];
  let out: { values: number[]; shape: number[] };
  try {
    out = tidy(() => {
      setSeed(seed);
      const inputs = makeInputs(options, seed);
      const layer = new LayerClass(options.config as never);
      layers.push(layer);
      const output = single(layer.apply(inputs, { training }), label);
      checkShapes(layer, inputs, output, options, label);
      checkWeightCounts(layer, options, label);
      checkRoundTrip(LayerClass, layer, inputs, output, options, label, layers);
      checkTrainingStep(layer, inputs, output, training, label);
      return { values: Array.from(output.dataSync()), shape: [...output.shape] };
    });
  } finally {
    for (const l of layers) l.dispose();
  }
  const after = memory().numTensors;
  if (after !== before)
    throw new LayerTestError(`${label}: leaked ${after - before} tensors (${before} before, ${after} after)`);
  if (options.expectedOutput !== undefined) {
    const expected = tensor(options.expectedOutput);
    const want = Array.from(expected.dataSync());
    expected.dispose();
    assertClose(out.values, want, 1e-4, `${label}: output differs from expectedOutput`);
  }
  return out;
}

function makeInputs<C extends LayerConfig>(options: LayerTestOptions<C>, seed: number): Tensor | Tensor[] {
  if (options.inputData !== undefined) return options.inputData;
  const shapes = options.inputShape;
  const multi = shapes.length > 0 && Array.isArray(shapes[0]);
  if (!multi) return randomUniform(shapes as readonly number[], { min: -1, max: 1, seed });
  return (shapes as readonly (readonly number[])[]).map((s, i) =>
    randomUniform(s, { min: -1, max: 1, seed: seed + i + 1 }),
  );
}

function single(out: Tensor | Tensor[], label: string): Tensor {
  if (Array.isArray(out)) throw new LayerTestError(`${label}: expected one output tensor, got ${out.length}`);
  return out;
}

function sameShape(a: LayerShape, b: LayerShape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function checkShapes<C extends LayerConfig>(
  layer: Layer,
  inputs: Tensor | Tensor[],
  output: Tensor,
  options: LayerTestOptions<C>,
  label: string,
): void {
  const expected = options.expectedOutputShape;
  if (!sameShape(output.shape, expected)) {
    throw new LayerTestError(`${label}: output shape ${fmtShape(output.shape)}, expected ${fmtShape(expected)}`);
  }
  const shapes = Array.isArray(inputs) ? inputs.map((t) => t.shape) : inputs.shape;
  const computed = layer.computeOutputShape(shapes);
  if (!sameShape(computed as LayerShape, expected)) {
    throw new LayerTestError(
      `${label}: computeOutputShape gives ${fmtShape(computed as LayerShape)}, the output is ${fmtShape(expected)}`,
    );
  }
  const unbatch = (s: LayerShape): LayerShape => [null, ...s.slice(1)];
  const nullShapes = Array.isArray(inputs) ? inputs.map((t) => unbatch(t.shape)) : unbatch(inputs.shape);
  const computedNull = layer.computeOutputShape(nullShapes) as LayerShape;
  if (!sameShape(computedNull, unbatch(expected))) {
    throw new LayerTestError(
      `${label}: computeOutputShape with a null batch gives ${fmtShape(computedNull)}, expected ${fmtShape(unbatch(expected))}`,
    );
  }
}

function checkWeightCounts<C extends LayerConfig>(layer: Layer, options: LayerTestOptions<C>, label: string): void {
  const { expectedNumTrainableWeights: t, expectedNumNonTrainableWeights: n } = options;
  if (t !== undefined && layer.trainableWeights.length !== t) {
    throw new LayerTestError(`${label}: ${layer.trainableWeights.length} trainable weights, expected ${t}`);
  }
  if (n !== undefined && layer.nonTrainableWeights.length !== n) {
    throw new LayerTestError(`${label}: ${layer.nonTrainableWeights.length} non-trainable weights, expected ${n}`);
  }
  if (layer.weights.length !== layer.trainableWeights.length + layer.nonTrainableWeights.length) {
    throw new LayerTestError(`${label}: weights is not trainableWeights + nonTrainableWeights`);
  }
}

function checkRoundTrip<C extends LayerConfig>(
  LayerClass: TestableLayerClass,
  layer: Layer,
  inputs: Tensor | Tensor[],
  output: Tensor,
  options: LayerTestOptions<C>,
  label: string,
  layers: Layer[],
): void {
  const config = layer.getConfig();
  const json = JSON.stringify(config);
  const rebuilt = LayerClass.fromConfig(JSON.parse(json)) as Layer;
  layers.push(rebuilt);
  const json2 = JSON.stringify(rebuilt.getConfig());
  if (json2 !== json) throw new LayerTestError(`${label}: config round-trip differs:\n  ${json}\n  ${json2}`);
  const shapes = Array.isArray(inputs) ? inputs.map((t) => t.shape) : [inputs.shape];
  const unbatched = shapes.map((s): LayerShape => (s.length > 0 ? [null, ...s.slice(1)] : s));
  rebuilt.build(Array.isArray(inputs) ? unbatched : unbatched[0]);
  rebuilt.built = true;
  rebuilt.setWeights(layer.getWeights());
  // A random layer in training mode gives the same output only when it is seeded.
  const deterministic = !(options.training ?? false) || (options.config as { seed?: unknown }).seed !== undefined;
  if (!deterministic) return;
  const again = single(rebuilt.apply(inputs, { training: options.training ?? false }), label);
  assertClose(
    Array.from(again.dataSync()),
    Array.from(output.dataSync()),
    1e-5,
    `${label}: the layer rebuilt from its config gives another output`,
  );
}

function checkTrainingStep(
  layer: Layer,
  inputs: Tensor | Tensor[],
  output: Tensor,
  training: boolean,
  label: string,
): void {
  const weights = layer.trainableWeights;
  if (weights.length === 0) return;
  const target = randomUniform(output.shape, { min: -1, max: 1, seed: 7 });
  const lossOf = () => {
    const out = single(layer.apply(inputs, { training }), label);
    let loss = mean(square(sub(out, target)));
    for (const term of layer.losses) loss = add(loss, term);
    return loss;
  };
  const start = layer.getWeights();
  const tape = new GradientTape();
  const loss0 = tape.run(lossOf);
  const grads = tape.gradient(loss0, weights);
  if (grads.every((g) => g === null)) return;
  const l0 = loss0.dataSync()[0];
  const tried: string[] = [];
  for (const lr of [1e-2, 1e-3, 1e-4]) {
    weights.forEach((w, i) => {
      const g = grads[i];
      w.assign(g ? sub(start[i], g.mul(lr)) : start[i]);
    });
    const l1 = lossOf().dataSync()[0];
    if (l1 < l0) return;
    tried.push(`lr ${lr}: ${l1}`);
  }
  throw new LayerTestError(`${label}: one SGD step did not lower the loss ${l0} (${tried.join(', ')})`);
}

function assertClose(got: readonly number[], want: readonly number[], tol: number, message: string): void {
  if (got.length !== want.length) throw new LayerTestError(`${message}: ${got.length} values, expected ${want.length}`);
  for (let i = 0; i < got.length; i++) {
    const ok =
      (Number.isNaN(got[i]) && Number.isNaN(want[i])) || Math.abs(got[i] - want[i]) <= tol * (1 + Math.abs(want[i]));
    if (!ok) throw new LayerTestError(`${message}: at flat index ${i} got ${got[i]}, expected ${want[i]}`);
  }
}
