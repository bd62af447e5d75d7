import * as T from '@horn/tensor';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WasmBackend } from './backend.js';
import { registerWasmBackend } from './index.js';
import { expectParity, randomValues } from './test-support/parity.js';
import { threadCount } from './threads/pool.js';

let backend: WasmBackend;
beforeAll(async () => {
  backend = await registerWasmBackend({ threads: 2 });
  T.setBackend('wasm');
});
afterAll(() => backend.parallel.terminate());

const conv = (x: number[], f: number[], strides: number, seed: number, padding = 1) => {
  const r = T.randomSource(seed);
  const xv = randomValues(r, T.sizeOf(x));
  const fv = randomValues(r, T.sizeOf(f));
  const pad = [padding, padding, padding, padding];
  const attrs = { strides: [strides, strides], pad, dilations: [1, 1] };
  const y = T.runKernel('Conv2D', { x: T.tensor(xv, x), filter: T.tensor(fv, f) }, attrs);
  const dyv = randomValues(r, y.size);
  const dyShape = [...y.shape];
  y.dispose();
  const label = `x${T.fmt(x)} f${T.fmt(f)} stride ${strides}`;
  const tol = { rtol: 1e-4, atol: 1e-4 };
  expectParity(() => T.runKernel('Conv2D', { x: T.tensor(xv, x), filter: T.tensor(fv, f) }, attrs), {
    ...tol,
    label: `Conv2D ${label}`,
    ranOnWasm: ['Conv2D'],
  });
  const bv = randomValues(T.randomSource(seed + 1), f[3]);
  expectParity(
    () =>
      T.runKernel(
        'FusedConv2D',
        { x: T.tensor(xv, x), filter: T.tensor(fv, f), bias: T.tensor(bv) },
        { ...attrs, activation: 'relu' },
      ),
    { ...tol, label: `FusedConv2D ${label}`, ranOnWasm: ['FusedConv2D'] },
  );
  expectParity(
    () =>
      T.runKernel(
        'Conv2DBackpropInput',
        { dy: T.tensor(dyv, dyShape), filter: T.tensor(fv, f) },
        { ...attrs, inputShape: x },
      ),
    { ...tol, label: `Conv2DBackpropInput ${label}`, ranOnWasm: ['Conv2DBackpropInput'] },
  );
  expectParity(
    () =>
      T.runKernel(
        'Conv2DBackpropFilter',
        { x: T.tensor(xv, x), dy: T.tensor(dyv, dyShape) },
        { ...attrs, filterShape: f },
      ),
    { ...tol, label: `Conv2DBackpropFilter ${label}`, ranOnWasm: ['Conv2DBackpropFilter'] },
  );
};

describe('the wasm backend on two threads (a worker sharing the heap) agrees with cpu', () => {
  test('the pool has two threads over a shared memory', () => {
    expect(backend.parallel.threads).toBe(2);
    expect(backend.heap.memory.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  test('GEMMs split by rows and by column panels', () => {
    const cases: [number[], number[], boolean, boolean][] = [
      [[201, 300], [300, 101], false, false],
      [[300, 201], [101, 300], true, true],
      [[6, 900], [900, 700], false, false],
      [[3, 40, 60], [60, 500], false, false],
    ];
    cases.forEach(([as, bs, ta, tb], i) => {
      const r = T.randomSource(i);
      const av = randomValues(r, T.sizeOf(as));
      const bv = randomValues(r, T.sizeOf(bs));
      expectParity(() => T.matmul(T.tensor(av, as), T.tensor(bv, bs), ta, tb), {
        rtol: 1e-4,
        atol: 1e-4,
        label: `matmul ${T.fmt(as)} ${T.fmt(bs)}`,
        ranOnWasm: ['BatchMatMul'],
      });
    });
  });

  test('convolutions and both gradients split by rows, images and pixel chunks', () => {
    conv([4, 14, 14, 32], [3, 3, 32, 64], 1, 1);
    conv([16, 28, 28, 1], [3, 3, 1, 32], 1, 2);
    conv([5, 15, 13, 9], [3, 3, 9, 20], 2, 3);
    conv([3, 20, 20, 16], [1, 1, 16, 40], 1, 4);
    // Unpadded one-channel 3x3: the direct filter-gradient loop, rows split across the threads.
    conv([16, 28, 28, 1], [3, 3, 1, 32], 1, 5, 0);
  });

  test('a long Sum into few columns (a conv bias gradient) split by rows, in float64', () => {
    const r = T.randomSource(9);
    for (const shape of [
      [64, 26, 26, 32],
      [40, 31, 29, 30],
    ]) {
      const v = randomValues(r, T.sizeOf(shape));
      expectParity(() => T.sum(T.tensor(v, shape), [0, 1, 2]), {
        rtol: 1e-6,
        atol: 1e-6,
        label: `Sum ${T.fmt(shape)} over [0, 1, 2]`,
        ranOnWasm: ['Sum'],
      });
    }
  });

  test('large elementwise ops, casts and pooling split across the threads', () => {
    const r = T.randomSource(8);
    const xv = randomValues(r, 8 * 26 * 26 * 32);
    const bv = randomValues(r, 32);
    const sv = randomValues(r, 70_001);
    const pool = { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0] };
    expectParity(
      () => {
        const x = T.tensor(xv, [8, 26, 26, 32]);
        const y = T.relu(T.add(x, T.tensor(bv)));
        const mask = T.cast(T.greater(x, 0), 'float32');
        const pooled = T.runKernel('MaxPool', { x: y }, pool);
        const grad = T.runKernel('MaxPoolGrad', { dy: pooled, x: y }, pool);
        const pool3 = { poolSize: [3, 3], strides: [3, 3], pad: [0, 0, 0, 0] };
        const grad3 = T.runKernel('MaxPoolGrad', { dy: T.runKernel('MaxPool', { x: y }, pool3), x: y }, pool3);
        const s = T.tensor(sv);
        return [y, T.mul(y, mask), T.reluGrad(y, x), T.sub(2, s), T.exp(s), T.lessEqual(s, 0.5), pooled, grad, grad3];
      },
      {
        rtol: 1e-6,
        atol: 1e-6,
        label: 'elementwise',
        ranOnWasm: ['Add', 'Relu', 'Greater', 'Cast', 'MaxPool', 'MaxPoolGrad', 'ReluGrad'],
      },
    );
  });

  test('threadCount: false and 1 mean one thread, true every core, and a failing worker call throws', async () => {
    const os = await import('node:os');
    expect(await threadCount(false)).toBe(1);
    expect(await threadCount(undefined)).toBe(1);
    expect(await threadCount(3)).toBe(3);
    expect(await threadCount(true)).toBe(os.availableParallelism());
    const x = backend.alloc(64);
    // An address past the end of the memory traps inside the worker.
    expect(() =>
      backend.parallel.run([[['reluF32', x.ptr, x.ptr, 16]], [['reluF32', 2 ** 31 - 64, x.ptr, 16]]]),
    ).toThrow(/failed in a worker thread/);
    backend.parallel.run([[['reluF32', x.ptr, x.ptr, 16]], [['reluF32', x.ptr, x.ptr, 16]]]);
    backend.disposeData(x);
  });

  test('many small steps on the pool keep the heap flat', () => {
    const a = T.tensor(randomValues(T.randomSource(9), 256 * 256), [256, 256]);
    const step = () => T.tidy(() => T.matmul(a, a).relu().sum());
    step().dispose();
    const before = backend.heapInfo();
    for (let i = 0; i < 200; i++) step().dispose();
    expect(backend.heapInfo()).toEqual(before);
    a.dispose();
  });
});
