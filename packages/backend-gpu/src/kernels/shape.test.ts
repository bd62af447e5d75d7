import * as T from '@horn/tensor';
import { beforeAll, expect, test } from 'vitest';
import { expectParity, randInt, randomShape, randomValues, setUpGpu } from '../test-support/parity.js';

beforeAll(async () => {
  await setUpGpu();
});

function permutation(r: T.Random, n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randInt(r, 0, i);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

test('Transpose matches cpu for float32 and int32', () => {
  const r = T.randomSource(80);
  for (let trial = 0; trial < 8; trial++) {
    const shape = randomShape(r, randInt(r, 1, 4), 1, 5);
    const perm = permutation(r, shape.length);
    const v = randomValues(r, T.sizeOf(shape), -100, 100).map(Math.round);
    const dtype = trial % 2 === 0 ? 'float32' : 'int32';
    expectParity(() => T.runKernel('Transpose', { x: T.tensor(v, shape, dtype) }, { perm }), {
      label: `transpose ${T.fmt(shape)} ${perm}`,
      ranOnGpu: ['Transpose'],
    });
  }
});

test('BroadcastTo, Slice, Tile, Reverse and Pad match cpu', () => {
  const r = T.randomSource(81);
  for (let trial = 0; trial < 6; trial++) {
    const shape = randomShape(r, randInt(r, 1, 3), 1, 5);
    const v = randomValues(r, T.sizeOf(shape));
    const x = () => T.tensor(v, shape);
    const target = shape.map((d) => (d === 1 ? randInt(r, 1, 3) : d));
    expectParity(
      () =>
        T.runKernel(
          'BroadcastTo',
          {
            x: T.tensor(
              v,
              shape
                .map(() => 1)
                .slice(0, 0)
                .concat(shape),
            ),
          },
          { shape: [2, ...target] },
        ),
      {
        label: `broadcastTo ${T.fmt(shape)} -> ${T.fmt([2, ...target])}`,
        ranOnGpu: ['BroadcastTo'],
      },
    );
    const begin = shape.map((d) => randInt(r, 0, d - 1));
    const size = shape.map((d, i) => randInt(r, 0, d - begin[i]));
    expectParity(() => T.runKernel('Slice', { x: x() }, { begin, size }), {
      label: `slice ${begin} ${size}`,
      ranOnGpu: ['Slice'],
    });
    const reps = shape.map(() => randInt(r, 1, 3));
    expectParity(() => T.runKernel('Tile', { x: x() }, { reps }), { label: `tile ${reps}`, ranOnGpu: ['Tile'] });
    const axes = shape.map((_, d) => d).filter(() => r.next() < 0.5);
    expectParity(() => T.runKernel('Reverse', { x: x() }, { axes }), {
      label: `reverse ${axes}`,
      ranOnGpu: ['Reverse'],
    });
    const paddings = shape.map(() => [randInt(r, 0, 2), randInt(r, 0, 2)]);
    expectParity(() => T.runKernel('Pad', { x: x() }, { paddings, value: 1.5 }), {
      label: `pad ${JSON.stringify(paddings)}`,
      ranOnGpu: ['Pad'],
    });
  }
});

test('Reshape, identity Transpose and whole Slice share the data on the device', () => {
  const backend = T.getBackendInstance('gpu') as unknown as { stats: { deviceRuns: number } };
  const x = T.exp(T.tensor([1, 2, 3, 4, 5, 6], [2, 3]));
  const runs = backend.stats.deviceRuns;
  const y = T.reshape(x, [3, 2]);
  const z = T.runKernel('Transpose', { x: y }, { perm: [0, 1] });
  const w = T.runKernel('Slice', { x: z }, { begin: [0, 0], size: [3, 2] });
  expect(backend.stats.deviceRuns).toBe(runs);
  expect(w.shape).toEqual([3, 2]);
  expect([...w.dataSync()].map((v) => Math.round(v * 1000))).toEqual([2718, 7389, 20086, 54598, 148413, 403429]);
  T.dispose([x, y, z, w]);
});
