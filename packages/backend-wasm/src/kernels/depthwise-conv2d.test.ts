import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import type { WasmBackend } from '../backend.js';
import { checkDepthwise, type DepthwiseCase } from '../test-support/depthwise-parity.js';
import { expectParity, pick, randInt, randomValues, setUpWasm } from '../test-support/parity.js';

beforeAll(setUpWasm);

describe('DepthwiseConv2dNative and its gradients on wasm agree with cpu', () => {
  test('a hand-worked case: two channels, 2x2 ones and twos, valid', () => {
    // Channel 0 is 1..9 (3x3), channel 1 is 10 * that; filter ones on channel 0, twos on channel 1.
    const xv = Array.from({ length: 18 }, (_, i) => (i % 2 === 0 ? i / 2 + 1 : 10 * ((i - 1) / 2 + 1)));
    const fv = [1, 2, 1, 2, 1, 2, 1, 2];
    const y = T.depthwiseConv2d(T.tensor(xv, [1, 3, 3, 2]), T.tensor(fv, [2, 2, 2, 1]), { padding: 'valid' });
    // Window sums of 1..9: 12, 16, 24, 28; channel 1: 2 * 10 * those.
    expect(y.arraySync()).toEqual([
      [
        [
          [12, 240],
          [16, 320],
        ],
        [
          [24, 480],
          [28, 560],
        ],
      ],
    ]);
    expect(y.ref.backend.name).toBe('wasm');
  });

  test('random geometries: multipliers 1-3, strides 1-3, dilations 1-2, explicit padding, odd channels', () => {
    const r = T.randomSource(11);
    for (let i = 0; i < 48; i++) {
      const c: DepthwiseCase = {
        x: [randInt(r, 1, 3), randInt(r, 1, 9), randInt(r, 1, 9), pick(r, [1, 2, 3, 4, 5, 7, 16, 17, 33])],
        f: [randInt(r, 1, 3), randInt(r, 1, 3), 0, randInt(r, 1, 3)],
        strides: [randInt(r, 1, 3), randInt(r, 1, 3)],
        dilations: [randInt(r, 1, 2), randInt(r, 1, 2)],
        pad: [randInt(r, 0, 2), randInt(r, 0, 2), randInt(r, 0, 2), randInt(r, 0, 2)],
      };
      c.f[2] = c.x[3];
      checkDepthwise(c, 700 + i);
    }
  });

  test("the op's 'same' and 'valid' padding with strides and dilations reach the kernels", () => {
    const r = T.randomSource(12);
    for (const padding of ['same', 'valid'] as const) {
      for (const [strides, dilations, m] of [
        [1, 1, 1],
        [2, 1, 2],
        [3, 1, 3],
        [1, 2, 1],
      ] as const) {
        const xv = randomValues(r, 2 * 9 * 8 * 5);
        const fv = randomValues(r, 3 * 3 * 5 * m);
        const make = () => {
          const x = T.tensor(xv, [2, 9, 8, 5]);
          const f = T.tensor(fv, [3, 3, 5, m]);
          const y = T.depthwiseConv2d(x, f, { padding, strides, dilations });
          const dyShape = [...y.shape];
          const dy = T.tensor(randomValues(T.randomSource(13), T.sizeOf(dyShape)), dyShape);
          const opts = { padding, strides, dilations };
          return [
            y,
            T.depthwiseConv2dBackpropInput(dy, f, [2, 9, 8, 5], opts),
            T.depthwiseConv2dBackpropFilter(x, dy, [3, 3, 5, m], opts),
          ];
        };
        expectParity(make, {
          rtol: 1e-5,
          atol: 2e-5,
          label: `depthwiseConv2d ${padding} strides ${strides} dilations ${dilations} multiplier ${m}`,
          ranOnWasm: [
            'DepthwiseConv2dNative',
            'DepthwiseConv2dNativeBackpropInput',
            'DepthwiseConv2dNativeBackpropFilter',
          ],
        });
      }
    }
  });

  test('3x3 windows (filter taps held in registers along interior rows): strides, dilations, channel tails', () => {
    const r = T.randomSource(14);
    for (let i = 0; i < 16; i++) {
      const c: DepthwiseCase = {
        x: [randInt(r, 1, 2), randInt(r, 3, 12), randInt(r, 3, 12), pick(r, [4, 6, 8, 11, 20])],
        f: [3, 3, 0, randInt(r, 1, 3)],
        strides: [randInt(r, 1, 3), randInt(r, 1, 3)],
        dilations: [randInt(r, 1, 2), randInt(r, 1, 2)],
        pad: [randInt(r, 0, 3), randInt(r, 0, 3), randInt(r, 0, 3), randInt(r, 0, 3)],
      };
      c.f[2] = c.x[3];
      checkDepthwise(c, 800 + i);
    }
  });

  test('the benchmark shape, scaled down: 32 channels, 3x3 same, split across rows', () => {
    checkDepthwise({ x: [4, 32, 32, 32], f: [3, 3, 32, 1], strides: [1, 1], dilations: [1, 1], pad: [1, 1, 1, 1] }, 1);
    checkDepthwise({ x: [2, 16, 15, 24], f: [5, 5, 24, 2], strides: [2, 2], dilations: [1, 1], pad: [1, 2, 1, 2] }, 2);
  });

  test('size 1 everywhere, zero-size batch and channels, windows larger than the input', () => {
    const one: [number, number] = [1, 1];
    checkDepthwise({ x: [1, 1, 1, 1], f: [1, 1, 1, 1], strides: one, dilations: one, pad: [0, 0, 0, 0] }, 3);
    checkDepthwise({ x: [0, 4, 4, 2], f: [2, 2, 2, 3], strides: one, dilations: one, pad: [0, 0, 0, 0] }, 4);
    checkDepthwise({ x: [2, 4, 4, 0], f: [2, 2, 0, 3], strides: one, dilations: one, pad: [0, 0, 0, 0] }, 5);
    checkDepthwise({ x: [1, 2, 2, 3], f: [3, 3, 3, 2], strides: one, dilations: one, pad: [0, 0, 0, 0] }, 6);
    checkDepthwise({ x: [1, 2, 2, 3], f: [3, 3, 3, 2], strides: [2, 2], dilations: [2, 2], pad: [3, 3, 3, 3] }, 7);
  });

  test('scratch blocks (expanded x, flipped filter, wide gradients) are freed: the heap stays flat', () => {
    const backend = T.getBackendInstance('wasm') as WasmBackend;
    const r = T.randomSource(15);
    const x = T.tensor(randomValues(r, 2 * 9 * 9 * 5), [2, 9, 9, 5]);
    const f = T.tensor(randomValues(r, 3 * 3 * 5 * 2), [3, 3, 5, 2]);
    const step = () =>
      T.tidy(() => {
        const out: T.Tensor[] = [];
        for (const strides of [1, 2]) {
          const opts = { padding: 'same' as const, strides };
          const y = T.depthwiseConv2d(x, f, opts);
          out.push(y, T.depthwiseConv2dBackpropInput(y, f, x.shape, opts));
          out.push(T.depthwiseConv2dBackpropFilter(x, y, f.shape, opts));
        }
        return out.map((t) => T.sum(t)).reduce((a, b) => T.add(a, b));
      });
    step().dispose();
    const before = backend.heapInfo();
    for (let i = 0; i < 50; i++) step().dispose();
    expect(backend.heapInfo().bytesInUse).toBe(before.bytesInUse);
    T.dispose([x, f]);
  });
});
