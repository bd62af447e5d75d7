import * as T from '@horn/tensor';
import { beforeAll, test } from 'vitest';
import { expectParityAsync, randomValues, setUpGpu } from '../test-support/parity.js';

// The kernels training needs beyond conv/matmul (fused conv, ReluGrad, the index kernels), in
// WebGPU (SwiftShader): a parity subset of fused-conv2d.test.ts and indexing.test.ts.

beforeAll(async () => {
  await setUpGpu('webgpu');
});

test('FusedConv2D (bias, relu) and ReluGrad match cpu in webgpu', async () => {
  const r = T.randomSource(95);
  const x = randomValues(r, 2 * 6 * 5 * 3);
  const f = randomValues(r, 3 * 3 * 3 * 4);
  const b = randomValues(r, 4);
  const attrs = { strides: [1, 2], pad: [1, 1, 0, 2], dilations: [1, 1], activation: 'relu' };
  await expectParityAsync(
    () =>
      T.runKernel(
        'FusedConv2D',
        { x: T.tensor(x, [2, 6, 5, 3]), filter: T.tensor(f, [3, 3, 3, 4]), bias: T.tensor(b, [4]) },
        attrs,
      ),
    { label: 'fused conv relu', ranOnGpu: ['FusedConv2D'] },
  );
  const dy = randomValues(r, 30);
  const xs = randomValues(r, 30).map((v) => (v > 0.5 ? 0 : v));
  await expectParityAsync(() => T.runKernel('ReluGrad', { dy: T.tensor(dy, [5, 6]), x: T.tensor(xs, [5, 6]) }), {
    label: 'reluGrad',
    ranOnGpu: ['ReluGrad'],
  });
});

test('Gather, OneHot, UnsortedSegmentSum and Concat match cpu in webgpu', async () => {
  const r = T.randomSource(96);
  const table = randomValues(r, 9 * 4);
  const ids = Int32Array.from([3, 0, 8, 3, -1, 9]);
  const safe = ids.map((i) => Math.min(Math.max(i, 0), 8));
  await expectParityAsync(() => T.gather(T.tensor(table, [9, 4]), T.tensor(safe, [2, 3], 'int32'), 0), {
    label: 'gather',
    ranOnGpu: ['Gather'],
  });
  await expectParityAsync(
    () => T.runKernel('OneHot', { indices: T.tensor(ids, [6], 'int32') }, { depth: 9, dtype: 'float32' }),
    {
      label: 'oneHot',
      ranOnGpu: ['OneHot'],
    },
  );
  const rows = randomValues(r, 6 * 4);
  await expectParityAsync(
    () =>
      T.runKernel(
        'UnsortedSegmentSum',
        { x: T.tensor(rows, [6, 4]), segmentIds: T.tensor(ids, [6], 'int32') },
        { numSegments: 9 },
      ),
    { label: 'segmentSum', ranOnGpu: ['UnsortedSegmentSum'] },
  );
  await expectParityAsync(() => T.concat([T.tensor(table, [9, 4]), T.tensor(rows, [6, 4])], 0), {
    label: 'concat',
    ranOnGpu: ['Concat'],
  });
});
