import { dispose, matmul, tensor } from '@horn/tensor';
import type { ContenderId, Measurement } from '../measurement.js';
import { matmulGflops } from '../stats.js';
import { type Made, randomFloats, runCase, type SuiteContext } from './run-case.js';

/** The matrix sizes measured (n x n times n x n). */
export function matmulSizes(quick: boolean): number[] {
  return quick ? [64, 128] : [128, 256, 512, 1024];
}

/**
 * Square float32 matmul, result read back, in GFLOP/s (2 n^3 flops per product).
 * @example await matmulSuite(ctx) // a measurement per size and contender
 */
export async function matmulSuite(ctx: SuiteContext): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const n of matmulSizes(ctx.options.quick)) {
    const a = randomFloats(n * n, 1);
    const b = randomFloats(n * n, 2);
    const horn = (contender: ContenderId) => (): Made => {
      const x = tensor(a, [n, n]);
      const y = tensor(b, [n, n]);
      return {
        contender,
        run: (k) => {
          for (let i = 0; i < k; i++) {
            const z = matmul(x, y);
            z.dataSync();
            z.dispose();
          }
        },
        dispose: () => dispose([x, y]),
      };
    };
    const tfjs = (contender: ContenderId) => (): Made => {
      const tf = ctx.libs.tf!;
      const x = tf.tensor(a, [n, n]);
      const y = tf.tensor(b, [n, n]);
      return {
        contender,
        run: (k) => {
          for (let i = 0; i < k; i++) {
            const z = tf.matMul(x, y);
            z.dataSync();
            z.dispose();
          }
        },
        dispose: () => tf.dispose([x, y]),
      };
    };
    out.push(
      ...(await runCase(
        ctx,
        'matmul',
        String(n),
        {
          'horn-cpu': horn('horn-cpu'),
          'horn-wasm': horn('horn-wasm'),
          'tfjs-cpu': tfjs('tfjs-cpu'),
          'tfjs-wasm': tfjs('tfjs-wasm'),
        },
        [{ metric: 'GFLOP/s', direction: 'higher', fromMs: (ms) => matmulGflops(n, ms / 1000) }],
        {
          warmup: 2,
          warmupMs: ctx.options.quick ? 100 : 1_000,
          reps: ctx.options.quick ? 3 : 7,
          minSampleMs: ctx.options.quick ? 10 : 100,
          maxSampleMs: 5_000,
          maxTaskMs: 15_000,
        },
      )),
    );
  }
  return out;
}
