import type { Sequential } from '@horn/models';
import {
  depthwiseConv2d,
  depthwiseConv2dBackpropFilter,
  depthwiseConv2dBackpropInput,
  dispose,
  getKernel,
  type KernelSpec,
  registerKernel,
  type Tensor,
  tensor,
  unregisterKernel,
} from '@horn/tensor';
import {
  CNN_CLASSES,
  DEPTHWISE_INPUT,
  type DepthwiseModelId,
  hornDepthwiseModel,
  type TfjsLayersModel,
  targetShape,
  tfjsDepthwiseModel,
} from '../depthwise-networks.js';
import type { Tfjs } from '../libraries.js';
import type { ContenderId, Measurement } from '../measurement.js';
import { SLOW_TFJS_FILTER_GRADIENT } from './conv.js';
import { type Made, type MetricSpec, randomFloats, runCase, type SuiteContext } from './run-case.js';

// DepthwiseConv2D and SeparableConv2D: the depthwise kernels on their own (x[64,32,32,32], 3x3,
// 'same', multiplier 1), the two layers' forward pass and training step at that size, and one
// training step of a small separable-conv image classifier. The "before" rows run Horn wasm with
// its three depthwise kernels unregistered, so they fall back to cpu through the engine, as they
// did before the wasm backend had them.

/** The depthwise kernels; TF.js wasm registers only the first. */
const DEPTHWISE_KERNELS = [
  'DepthwiseConv2dNative',
  'DepthwiseConv2dNativeBackpropInput',
  'DepthwiseConv2dNativeBackpropFilter',
] as const;

type Pass = 'fwd' | 'bwd input' | 'bwd filter';
const PASSES: readonly Pass[] = ['fwd', 'bwd input', 'bwd filter'];
const KERNEL_OF: Record<Pass, (typeof DEPTHWISE_KERNELS)[number]> = {
  fwd: 'DepthwiseConv2dNative',
  'bwd input': 'DepthwiseConv2dNativeBackpropInput',
  'bwd filter': 'DepthwiseConv2dNativeBackpropFilter',
};

type TfTensor = ReturnType<Tfjs['tensor']>;
type Tf4D = ReturnType<Tfjs['tensor4d']>;

const MODEL_LABELS: Record<DepthwiseModelId, string> = {
  depthwise: 'DepthwiseConv2D(3, same) x[64,32,32,32]',
  separable: 'SeparableConv2D(64, 3, same) x[64,32,32,32]',
  'separable-cnn': 'separable CNN x[32,32,32,3]',
};

/**
 * Runs `fn` with Horn wasm's depthwise kernels unregistered (they fall back to cpu), then puts them back.
 * @example await onCpuFallback(() => model.trainOnBatch(x, y))
 */
async function onCpuFallback(fn: () => unknown): Promise<void> {
  const saved = DEPTHWISE_KERNELS.map((name) => getKernel(name, 'wasm')).filter((k) => k !== undefined);
  for (const name of DEPTHWISE_KERNELS) unregisterKernel(name, 'wasm');
  try {
    await fn();
  } finally {
    for (const spec of saved) registerKernel(spec as KernelSpec<unknown>);
  }
}

/** TF.js kernels of `names` its active backend lacks, as a `fails` reason, or undefined. */
function tfjsLacks(tf: Tfjs, names: readonly string[]): { fails: string } | undefined {
  const lacking = names.filter((k) => tf.getKernel(k, tf.getBackend()) === undefined);
  return lacking.length > 0
    ? { fails: `${lacking.join(', ')} not registered for backend '${tf.getBackend()}'` }
    : undefined;
}

const ms: MetricSpec = { metric: 'ms', direction: 'lower', fromMs: (t) => t };

/** The three depthwise kernels alone, result read back: ms and GFLOP/s. */
async function kernelCases(ctx: SuiteContext): Promise<Measurement[]> {
  const batch = ctx.options.quick ? 4 : 64;
  const xShape: [number, number, number, number] = [batch, 32, 32, 32];
  const wShape: [number, number, number, number] = [3, 3, 32, 1];
  const size = xShape.reduce((a, b) => a * b);
  const [xData, wData, dyData] = [randomFloats(size, 3), randomFloats(9 * 32, 4), randomFloats(size, 5)];
  const flops = 2 * size * 9;
  const options = { padding: 'same' as const };
  const out: Measurement[] = [];
  for (const pass of PASSES) {
    const horn = (contender: ContenderId) => (): Made => {
      const [x, w, dy] = [tensor(xData, xShape), tensor(wData, wShape), tensor(dyData, xShape)];
      const once = (): Tensor => {
        if (pass === 'fwd') return depthwiseConv2d(x, w, options);
        if (pass === 'bwd input') return depthwiseConv2dBackpropInput(dy, w, xShape, options);
        return depthwiseConv2dBackpropFilter(x, dy, wShape, options);
      };
      return {
        contender,
        run: (k) => {
          for (let i = 0; i < k; i++) {
            const y = once();
            y.dataSync();
            y.dispose();
          }
        },
        dispose: () => dispose([x, w, dy]),
      };
    };
    const tfjs = (contender: ContenderId) => (): Made => {
      const tf = ctx.libs.tf!;
      const lacks = tfjsLacks(tf, [KERNEL_OF[pass]]);
      if (lacks) return lacks;
      const [x, w, dy] = [tf.tensor(xData, xShape), tf.tensor(wData, wShape), tf.tensor(dyData, xShape)];
      const attrs = { strides: [1, 1], pad: 'same', dilations: [1, 1], dataFormat: 'NHWC' };
      const once = (): TfTensor => {
        if (pass === 'fwd') return tf.depthwiseConv2d(x as Tf4D, w as Tf4D, 1, 'same');
        // TF.js exports no ops for the gradients: these are the kernels tf.grad(depthwiseConv2d) runs.
        if (pass === 'bwd input') {
          return tf
            .engine()
            .runKernel(KERNEL_OF[pass], { dy, filter: w }, { ...attrs, inputShape: xShape }) as TfTensor;
        }
        return tf.engine().runKernel(KERNEL_OF[pass], { x, dy }, { ...attrs, filterShape: wShape }) as TfTensor;
      };
      return {
        contender,
        run: (k) => {
          for (let i = 0; i < k; i++) {
            const y = once();
            y.dataSync();
            y.dispose();
          }
        },
        dispose: () => tf.dispose([x, w, dy]),
      };
    };
    out.push(
      ...(await runCase(
        ctx,
        'depthwise',
        `depthwiseConv2d x[${xShape}]·w[${wShape}] ${pass}`,
        {
          'horn-cpu': horn('horn-cpu'),
          'horn-wasm': horn('horn-wasm'),
          'tfjs-cpu': tfjs('tfjs-cpu'),
          'tfjs-wasm': tfjs('tfjs-wasm'),
        },
        [ms, { metric: 'GFLOP/s', direction: 'higher', fromMs: (t) => flops / (t / 1000) / 1e9 }],
        {
          warmup: 2,
          warmupMs: ctx.options.quick ? 100 : 1_000,
          reps: ctx.options.quick ? 3 : 5,
          minSampleMs: ctx.options.quick ? 10 : 100,
          maxSampleMs: 5_000,
          maxTaskMs: 10_000,
        },
      )),
    );
  }
  return out;
}

/** A model's input batch and target: seeded values, one-hot classes for the classifier. */
function modelData(id: DepthwiseModelId, batch: number): { x: Float32Array; y: Float32Array; xShape: number[] } {
  const xShape = [batch, ...DEPTHWISE_INPUT[id]];
  const x = randomFloats(
    xShape.reduce((a, b) => a * b),
    7,
  );
  const yShape = targetShape(id, batch);
  const y =
    id === 'separable-cnn'
      ? Float32Array.from({ length: batch * CNN_CLASSES }, (_, i) =>
          i % CNN_CLASSES === Math.floor(i / CNN_CLASSES) % CNN_CLASSES ? 1 : 0,
        )
      : randomFloats(
          yShape.reduce((a, b) => a * b),
          8,
        );
  return { x, y, xShape };
}

/** Each model's forward pass (predict, read back) and training step (trainOnBatch), in ms. */
async function modelCases(ctx: SuiteContext): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const measure = {
    warmup: 2,
    warmupMs: ctx.options.quick ? 100 : 1_000,
    reps: ctx.options.quick ? 3 : 5,
    minSampleMs: ctx.options.quick ? 10 : 200,
    maxSampleMs: 6_000,
    maxTaskMs: 15_000,
  };
  for (const id of ['depthwise', 'separable', 'separable-cnn'] as const) {
    const batch = ctx.options.quick ? 4 : id === 'separable-cnn' ? 32 : 64;
    const data = modelData(id, batch);
    const yShape = targetShape(id, batch);
    const label = MODEL_LABELS[id].replace(/x\[(64|32),/, `x[${batch},`);
    const horn = (contender: ContenderId, mode: 'predict' | 'train' | 'train before') => (): Made => {
      const model: Sequential = hornDepthwiseModel(id);
      const [x, y] = [tensor(data.x, data.xShape), tensor(data.y, yShape)];
      const step = () => {
        if (mode === 'predict') {
          const p = model.predict(x, { batchSize: batch, verbose: 0 }) as Tensor;
          p.dataSync();
          p.dispose();
        } else model.trainOnBatch(x, y);
      };
      return {
        contender,
        run: async (k) => {
          for (let i = 0; i < k; i++) {
            if (mode === 'train before') await onCpuFallback(step);
            else step();
          }
        },
        dispose: () => {
          dispose([x, y]);
          model.dispose();
        },
      };
    };
    const tfjs = (contender: ContenderId, mode: 'predict' | 'train') => (): Made => {
      const tf = ctx.libs.tf!;
      const lacks = tfjsLacks(tf, mode === 'predict' ? DEPTHWISE_KERNELS.slice(0, 1) : DEPTHWISE_KERNELS);
      if (lacks) return lacks;
      if (mode === 'train' && contender === 'tfjs-cpu' && id !== 'depthwise' && !ctx.options.slow) {
        return { skipped: SLOW_TFJS_FILTER_GRADIENT };
      }
      const model: TfjsLayersModel = tfjsDepthwiseModel(tf, id);
      const [x, y] = [tf.tensor(data.x, data.xShape), tf.tensor(data.y, yShape)];
      return {
        contender,
        run: async (k) => {
          for (let i = 0; i < k; i++) {
            if (mode === 'predict') {
              const p = model.predict(x, { batchSize: batch }) as TfTensor;
              p.dataSync();
              p.dispose();
            } else await model.trainOnBatch(x, y);
          }
        },
        dispose: () => {
          tf.dispose([x, y]);
          model.dispose();
        },
      };
    };
    for (const mode of ['predict', 'train'] as const) {
      const caseName = `${label} ${mode === 'predict' ? 'forward (predict)' : 'train step'}`;
      const makers = {
        'horn-cpu': horn('horn-cpu', mode),
        'horn-wasm': horn('horn-wasm', mode),
        'tfjs-cpu': tfjs('tfjs-cpu', mode),
        'tfjs-wasm': tfjs('tfjs-wasm', mode),
      };
      out.push(...(await runCase(ctx, 'depthwise', caseName, makers, [ms], measure)));
    }
    const before = { 'horn-wasm': horn('horn-wasm', 'train before') };
    const caseName = `${label} train step, before (Horn wasm, depthwise kernels on the cpu fallback)`;
    out.push(...(await runCase(ctx, 'depthwise', caseName, before, [ms], measure)));
  }
  return out;
}

/**
 * The depthwise suite: the kernels alone, then the layers and the separable classifier.
 * @example await depthwiseSuite(ctx)
 */
export async function depthwiseSuite(ctx: SuiteContext): Promise<Measurement[]> {
  return [...(await kernelCases(ctx)), ...(await modelCases(ctx))];
}
