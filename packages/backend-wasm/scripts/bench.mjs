// Measures the wasm backend (run `pnpm build` first): GEMM GFLOP/s at n = 128...1024 and conv2d
// forward/backward times for the two benchmark shapes, medians after warm-up. Not a test: numbers
// depend on the machine. Usage: node scripts/bench.mjs [--threads N]
import * as T from '@horn/tensor';
import { registerWasmBackend } from '../dist/index.js';

const threadsArg = process.argv.indexOf('--threads');
const threads = threadsArg > 0 ? Number(process.argv[threadsArg + 1]) : 1;
const backend = await registerWasmBackend({ threads });
T.setBackend('wasm');

/** Median and best time of `rounds` rounds of `reps` calls, in ms per call. */
function time(fn, reps, rounds = 7) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    times.push((performance.now() - t0) / reps);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(rounds / 2)], best: times[0] };
}

const r = T.randomSource(1);
const rand = (shape) =>
  T.tensor(
    Float32Array.from({ length: T.sizeOf(shape) }, () => r.next() - 0.5),
    shape,
  );
console.log(`wasm backend, ${backend.parallel.threads} thread(s)`);
console.log('| n | median ms | GFLOP/s (median) | GFLOP/s (best) |\n|---|---|---|---|');
for (const n of [128, 256, 512, 1024]) {
  const a = rand([n, n]);
  const b = rand([n, n]);
  const run = () => T.tidy(() => T.matmul(a, b));
  for (let i = 0; i < 3; i++) run().dispose();
  const t = time(() => run().dispose(), Math.max(1, Math.round(3e8 / (2 * n ** 3))));
  const gflops = (ms) => ((2 * n ** 3) / ms / 1e6).toFixed(1);
  console.log(`| ${n} | ${t.median.toFixed(3)} | ${gflops(t.median)} | ${gflops(t.best)} |`);
  T.dispose([a, b]);
}
console.log(
  '\n| conv2d (same, stride 1), median (best) ms | forward | backprop input | backprop filter |\n|---|---|---|---|',
);
for (const [xs, fs] of [
  [
    [128, 28, 28, 1],
    [3, 3, 1, 32],
  ],
  [
    [128, 14, 14, 32],
    [3, 3, 32, 64],
  ],
]) {
  const x = rand(xs);
  const f = rand(fs);
  const dy = rand([xs[0], xs[1], xs[2], fs[3]]);
  const attrs = { strides: [1, 1], pad: [1, 1, 1, 1], dilations: [1, 1] };
  const fwd = () => T.runKernel('Conv2D', { x, filter: f }, attrs).dispose();
  const bin = () => T.runKernel('Conv2DBackpropInput', { dy, filter: f }, { ...attrs, inputShape: xs }).dispose();
  const bfi = () => T.runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: fs }).dispose();
  const times = [fwd, bin, bfi].map((fn) => {
    for (let i = 0; i < 3; i++) fn();
    const t = time(fn, 3);
    return `${t.median.toFixed(2)} (${t.best.toFixed(2)})`;
  });
  console.log(`| x${JSON.stringify(xs)} w${JSON.stringify(fs)} | ${times.join(' | ')} |`);
  T.dispose([x, f, dy]);
}
process.exit(0);
