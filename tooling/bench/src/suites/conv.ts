import { conv2d, conv2dBackpropFilter, conv2dBackpropInput, dispose, type Tensor, tensor } from '@horn/tensor';
import type { Tfjs } from '../libraries.js';
import type { ContenderId, Measurement } from '../measurement.js';
import { conv2dFlops } from '../stats.js';
import { type Made, randomFloats, runCase, type SuiteContext } from './run-case.js';

/** One convolution: NHWC input and [kh, kw, inC, outC] filter, stride 1, 'same' padding. */
export interface ConvShape {
  x: [number, number, number, number];
  w: [number, number, number, number];
}

/** The convolutions measured: the first layers of the two MNIST CNNs, at batch 128 (4 when quick). */
export function convShapes(quick: boolean): ConvShape[] {
  const batch = quick ? 4 : 128;
  return [
    { x: [batch, 28, 28, 1], w: [3, 3, 1, 32] },
    { x: [batch, 14, 14, 32], w: [3, 3, 32, 64] },
  ];
}

/** Why TF.js cpu's filter gradient of a multi-channel convolution is left out unless --slow. */
export const SLOW_TFJS_FILTER_GRADIENT =
  "TF.js cpu's Conv2DBackpropFilter runs near 0.01 GFLOP/s when the input has many channels (minutes at batch 128); --slow measures it";

type Pass = 'fwd' | 'bwd input' | 'bwd filter';
const PASSES: readonly Pass[] = ['fwd', 'bwd input', 'bwd filter'];
const TFJS_KERNEL: Record<Pass, string> = {
  fwd: 'Conv2D',
  'bwd input': 'Conv2DBackpropInput',
  'bwd filter': 'Conv2DBackpropFilter',
};

function hornPass(pass: Pass, shape: ConvShape, x: Tensor, w: Tensor, dy: Tensor): Tensor {
  const options = { padding: 'same' as const };
  if (pass === 'fwd') return conv2d(x, w, options);
  if (pass === 'bwd input') return conv2dBackpropInput(dy, w, shape.x, options);
  return conv2dBackpropFilter(x, dy, shape.w, options);
}

function tfjsPass(tf: Tfjs, pass: Pass, shape: ConvShape, x: TfTensor, w: TfTensor, dy: TfTensor): TfTensor {
  if (pass === 'fwd') return tf.conv2d(x as Tf4D, w as Tf4D, 1, 'same');
  if (pass === 'bwd input') return tf.conv2dTranspose(dy as Tf4D, w as Tf4D, shape.x, 1, 'same');
  // TF.js has no public op for the filter gradient; this is the kernel tf.grad(conv2d) runs.
  const attrs = { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', filterShape: shape.w };
  return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as TfTensor;
}

type TfTensor = ReturnType<Tfjs['tensor']>;
type Tf4D = ReturnType<Tfjs['tensor4d']>;

/**
 * conv2d forward and both backward passes with readback, in ms and GFLOP/s; the label names the shapes.
 * @example await convSuite(ctx)
 */
export async function convSuite(ctx: SuiteContext): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const shape of convShapes(ctx.options.quick)) {
    const [n, h, wd] = shape.x;
    const xData = randomFloats(
      shape.x.reduce((a, b) => a * b),
      3,
    );
    const wData = randomFloats(
      shape.w.reduce((a, b) => a * b),
      4,
    );
    const dyData = randomFloats(n * h * wd * shape.w[3], 5);
    const dyShape = [n, h, wd, shape.w[3]];
    const flops = conv2dFlops(shape.x, shape.w, [h, wd]);
    for (const pass of PASSES) {
      const horn = (contender: ContenderId) => (): Made => {
        const [x, w, dy] = [tensor(xData, shape.x), tensor(wData, shape.w), tensor(dyData, dyShape)];
        return {
          contender,
          run: (k) => {
            for (let i = 0; i < k; i++) {
              const y = hornPass(pass, shape, x, w, dy);
              y.dataSync();
              y.dispose();
            }
          },
          dispose: () => dispose([x, w, dy]),
        };
      };
      const tfjs = (contender: ContenderId) => (): Made => {
        const tf = ctx.libs.tf!;
        const kernel = TFJS_KERNEL[pass];
        if (contender === 'tfjs-cpu' && pass === 'bwd filter' && shape.w[2] > 1 && !ctx.options.slow) {
          return { skipped: SLOW_TFJS_FILTER_GRADIENT };
        }
        if (tf.getKernel(kernel, tf.getBackend()) === undefined) {
          return { fails: `${kernel} not registered for backend '${tf.getBackend()}'` };
        }
        const [x, w, dy] = [tf.tensor(xData, shape.x), tf.tensor(wData, shape.w), tf.tensor(dyData, dyShape)];
        return {
          contender,
          run: (k) => {
            for (let i = 0; i < k; i++) {
              const y = tfjsPass(tf, pass, shape, x, w, dy);
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
          'conv',
          `x[${shape.x}]·w[${shape.w}] ${pass}`,
          {
            'horn-cpu': horn('horn-cpu'),
            'horn-wasm': horn('horn-wasm'),
            'tfjs-cpu': tfjs('tfjs-cpu'),
            'tfjs-wasm': tfjs('tfjs-wasm'),
          },
          [
            { metric: 'ms', direction: 'lower', fromMs: (ms) => ms },
            { metric: 'GFLOP/s', direction: 'higher', fromMs: (ms) => flops / (ms / 1000) / 1e9 },
          ],
          {
            warmup: 2,
            warmupMs: ctx.options.quick ? 100 : 1_000,
            reps: ctx.options.quick ? 3 : 5,
            minSampleMs: ctx.options.quick ? 10 : 100,
            maxSampleMs: 5_000,
            maxTaskMs: 12_000,
          },
        )),
      );
    }
  }
  return out;
}
