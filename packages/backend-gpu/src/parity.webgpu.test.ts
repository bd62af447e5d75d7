import * as T from '@horn/tensor';
import { beforeAll, expect, test } from 'vitest';
import type { GpuBackend } from './backend.js';
import { GpuUnavailableError } from './index.js';
import { expectParityAsync, randInt, randomValues, setUpGpu } from './test-support/parity.js';

// Headless Chromium with --enable-unsafe-webgpu --use-webgpu-adapter=swiftshader: WebGPU in
// software. Values are read with `await data()` only; every kernel here must run on the device.

let gpu: GpuBackend;

beforeAll(async () => {
  gpu = await setUpGpu('webgpu');
});

test('the backend runs in webgpu mode and refuses dataSync with a clear error', async () => {
  expect(gpu.mode).toBe('webgpu');
  const y = T.add(T.tensor([1, 2]), T.tensor([3, 4]));
  expect(() => y.dataSync()).toThrow(GpuUnavailableError);
  expect(() => y.dataSync()).toThrow(/await tensor.data\(\)/);
  expect([...(await y.data())]).toEqual([4, 6]);
});

test('elementwise, matmul, reductions and softmax match cpu', async () => {
  const r = T.randomSource(90);
  const a = randomValues(r, 3 * 5);
  const b = randomValues(r, 5);
  await expectParityAsync(() => T.sigmoid(T.mul(T.tensor(a, [3, 5]), T.tensor(b, [5]))), {
    label: 'sigmoid(mul) broadcast',
    ranOnGpu: ['Mul', 'Sigmoid'],
  });
  const m = randInt(r, 2, 7);
  const k = randInt(r, 2, 9);
  const w = randomValues(r, k * 4);
  const x = randomValues(r, m * k);
  await expectParityAsync(() => T.matmul(T.tensor(x, [m, k]), T.tensor(w, [4, k]), false, true), {
    label: 'matmul transposeB',
    ranOnGpu: ['BatchMatMul'],
  });
  await expectParityAsync(() => T.softmax(T.tensor(x, [m, k])), { label: 'softmax', ranOnGpu: ['Max', 'Exp', 'Sum'] });
});

test('conv2d, its gradients and pools match cpu', async () => {
  const r = T.randomSource(91);
  const x = randomValues(r, 2 * 7 * 6 * 3);
  const f = randomValues(r, 3 * 3 * 3 * 4);
  const attrs = { strides: [2, 1], pad: [1, 1, 0, 2], dilations: [1, 2] };
  await expectParityAsync(
    () => T.runKernel('Conv2D', { x: T.tensor(x, [2, 7, 6, 3]), filter: T.tensor(f, [3, 3, 3, 4]) }, attrs),
    {
      label: 'conv2d',
      ranOnGpu: ['Conv2D'],
    },
  );
  const dy = randomValues(r, 2 * 4 * 4 * 4);
  await expectParityAsync(
    () =>
      T.runKernel(
        'Conv2DBackpropInput',
        { dy: T.tensor(dy, [2, 4, 4, 4]), filter: T.tensor(f, [3, 3, 3, 4]) },
        { ...attrs, inputShape: [2, 7, 6, 3] },
      ),
    { label: 'conv2d dx', ranOnGpu: ['Conv2DBackpropInput'] },
  );
  await expectParityAsync(
    () =>
      T.runKernel(
        'Conv2DBackpropFilter',
        { x: T.tensor(x, [2, 7, 6, 3]), dy: T.tensor(dy, [2, 4, 4, 4]) },
        { ...attrs, filterShape: [3, 3, 3, 4] },
      ),
    { label: 'conv2d dw', ranOnGpu: ['Conv2DBackpropFilter'] },
  );
  const pool = { poolSize: [2, 3], strides: [2, 2], pad: [0, 1, 1, 1] };
  await expectParityAsync(() => T.runKernel('MaxPool', { x: T.tensor(x, [2, 7, 6, 3]) }, pool), {
    label: 'maxPool',
    ranOnGpu: ['MaxPool'],
  });
  await expectParityAsync(() => T.runKernel('AvgPool', { x: T.tensor(x, [2, 7, 6, 3]) }, pool), {
    label: 'avgPool',
    ranOnGpu: ['AvgPool'],
  });
});

test('disposing inputs before the device has run their consumers is safe', async () => {
  const before = gpu.liveDeviceValues;
  const y = T.tidy(() => T.exp(T.neg(T.tensor([0, 1, 2]))));
  expect(gpu.liveDeviceValues).toBe(before + 1);
  const values = await y.data();
  expect(values[1]).toBeCloseTo(Math.exp(-1), 6);
  y.dispose();
  expect(gpu.liveDeviceValues).toBe(before);
});
