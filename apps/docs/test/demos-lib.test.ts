import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { type BackendFacts, describeBackend, wasmThreads } from '../demos/lib/backend-report.js';
import { centerDigit, inkOfRgba } from '../demos/lib/center-digit.js';
import { FILTERS, featureMap, filterById, toGrey } from '../demos/lib/conv-playground.js';
import { loadDigits, parseDigits } from '../demos/lib/digits-asset.js';
import { gradientTable, parsePoints } from '../demos/lib/tape-playground.js';
import { courseCnn, predictDigit, trainDigits } from '../demos/lib/train-digits.js';

const assetFile = new URL('../public/demos/mnist-digits.bin.gz', import.meta.url);
const digits = parseDigits(gunzipSync(readFileSync(assetFile)));

describe('the digits asset', () => {
  test('ships 4000 train and 1000 test digits in under a megabyte', () => {
    expect(readFileSync(assetFile).length).toBeLessThan(1_000_000);
    expect([digits.train.count, digits.test.count]).toEqual([4000, 1000]);
    // MNIST's first training labels are 5 0 4 1 9 2 1 3 1 4; its first test labels 7 2 1 0 4 1 4 9 5 9.
    expect(Array.from(digits.train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(Array.from(digits.test.labels.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    // Every class is there, and the first training digit's ink sums as in MNIST (27525).
    expect(new Set(digits.train.labels).size).toBe(10);
    expect(digits.train.images.subarray(0, 784).reduce((a, b) => a + b, 0)).toBe(27525);
  });

  test('a wrong file is refused by name', () => {
    expect(() => parseDigits(new Uint8Array([1, 2, 3]))).toThrow(/expected the 'HDG1' header/);
    const head = new Uint8Array(12 + 785);
    head.set([72, 68, 71, 49, 1, 0, 0, 0, 1]);
    expect(() => parseDigits(head)).toThrow(/1 train and 1 test digits need 1582 bytes, got 797/);
  });

  test('loadDigits gunzips a fetched asset and reports a failed fetch', async () => {
    const bytes = readFileSync(assetFile);
    const ok = (async () => new Response(bytes)) as unknown as typeof fetch;
    expect((await loadDigits('/demos/x.bin.gz', ok)).test.count).toBe(1000);
    const missing = (async () =>
      new Response('no', { status: 404, statusText: 'Not Found' })) as unknown as typeof fetch;
    await expect(loadDigits('/demos/x.bin.gz', missing)).rejects.toThrow('GET /demos/x.bin.gz answered 404 Not Found');
  });
});

describe('centring a drawing like MNIST', () => {
  test('a blank canvas has no digit', () => {
    expect(centerDigit({ ink: new Float32Array(100 * 100), width: 100, height: 100 })).toBeNull();
  });

  test('a stroke in a corner is scaled to 20 pixels and its centre of mass put on (14, 14)', () => {
    // A 10-wide, 40-tall bar in the top-left corner of a 200×200 canvas.
    const ink = new Float32Array(200 * 200);
    for (let y = 0; y < 40; y++) for (let x = 0; x < 10; x++) ink[y * 200 + x] = 1;
    const digit = centerDigit({ ink, width: 200, height: 200 })!;
    const rows = new Set<number>();
    const cols = new Set<number>();
    let [m, cy, cx] = [0, 0, 0];
    digit.forEach((v, i) => {
      if (v > 0) [rows.add(Math.floor(i / 28)), cols.add(i % 28)];
      [m, cy, cx] = [m + v, cy + v * (Math.floor(i / 28) + 0.5), cx + v * ((i % 28) + 0.5)];
    });
    expect([rows.size, cols.size]).toEqual([20, 5]);
    expect([cy / m, cx / m]).toEqual([14, 14.5]);
    expect(Math.max(...digit)).toBe(1);
  });

  test('canvas pixels: dark ink on an opaque white canvas, or alpha on a transparent one', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255]);
    expect(Array.from(inkOfRgba(rgba, 2, 1).ink)).toEqual([0, 1]);
    expect(Array.from(inkOfRgba(new Uint8ClampedArray([0, 0, 0, 51, 0, 0, 0, 0]), 2, 1, false).ink)).toEqual([
      Math.fround(0.2),
      0,
    ]);
    expect(() => centerDigit({ ink: [1, 2], width: 2, height: 2 })).toThrow('2×2 drawing needs 4 ink values, got 2');
  });
});

describe('the GradientTape playground', () => {
  test("the course's x³ + 2x + 5 has gradient 5, 14, 29 at 1, 2, 3", () => {
    const rows = gradientTable(parsePoints('1, 2, 3'));
    expect(rows.map((r) => r.tape)).toEqual([5, 14, 29]);
    expect(rows.map((r) => r.y)).toEqual([8, 17, 38]);
    expect(rows.map((r) => r.byHand)).toEqual([5, 14, 29]);
    expect(gradientTable([-0.5])[0].tape).toBeCloseTo(2.75, 6);
  });

  test('what is not a number is named', () => {
    expect(parsePoints(' -1 0.5,2 ')).toEqual([-1, 0.5, 2]);
    expect(() => parsePoints('1, two')).toThrow('"two" is not a number');
    expect(() => parsePoints('  ')).toThrow('type one or more numbers');
  });
});

describe('the convolution playground', () => {
  const digit = Float32Array.from(digits.test.images.subarray(0, 784), (v) => v / 255);

  test('the identity filter gives the digit without its border; the sum of a 3×3 window by hand', () => {
    const same = featureMap(digit, filterById('identity').weights);
    expect(same.length).toBe(26 * 26);
    for (const [y, x] of [
      [10, 10],
      [5, 20],
    ]) {
      expect(same[y * 26 + x]).toBeCloseTo(digit[(y + 1) * 28 + x + 1], 6);
      let sum = 0;
      const w = filterById('sobel-x').weights;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) sum += w[i * 3 + j] * digit[(y + i) * 28 + x + j];
      expect(featureMap(digit, w)[y * 26 + x]).toBeCloseTo(sum, 5);
    }
  });

  test('every filter is 3×3; unknown filters and wrong sizes are refused by name', () => {
    for (const f of FILTERS) expect(f.weights).toHaveLength(9);
    expect(() => filterById('emboss')).toThrow('no filter "emboss"; the filters are vertical, horizontal');
    expect(() => featureMap(new Float32Array(10), FILTERS[0].weights)).toThrow('784 values, got 10');
    expect(Array.from(toGrey(new Float32Array([-2, 0, 2])))).toEqual([0, 128, 255]);
    expect(Array.from(toGrey(new Float32Array([0, 1, 4])))).toEqual([0, 64, 255]);
  });
});

describe('the backend sentence', () => {
  const facts: BackendFacts = {
    backend: 'wasm',
    wasmUnavailable: null,
    gpuUnavailable: 'software renderer',
    crossOriginIsolated: true,
    sharedArrayBuffer: true,
    cores: 4,
  };

  test('threads only where the page is cross-origin isolated', () => {
    expect(wasmThreads(facts)).toBe(4);
    expect(describeBackend(facts, 'en')).toBe('WebAssembly SIMD, 4 threads (the page is cross-origin isolated)');
    const alone = { ...facts, crossOriginIsolated: false, sharedArrayBuffer: false };
    expect(wasmThreads(alone)).toBe(1);
    expect(describeBackend(alone, 'en')).toMatch(/^WebAssembly SIMD, 1 thread: this page is not cross-origin isolated/);
    expect(describeBackend(alone, 'ko')).toMatch(/SharedArrayBuffer가 없습니다/);
    expect(describeBackend({ ...facts, backend: 'cpu', wasmUnavailable: 'no SIMD' }, 'en')).toContain('(no SIMD)');
  });
});

describe('training the course CNN on the site digits', () => {
  test('the CNN has the course summary', () => {
    expect(courseCnn().countParams()).toBe(320 + 13 * 13 * 32 * 10 + 10);
  });

  test('one epoch on 4000 digits passes 85% test accuracy; a drawn-like test digit is predicted', async () => {
    const reports: number[] = [];
    const result = await trainDigits(digits.train, digits.test, {
      epochs: 1,
      onBatch: (r) => reports.push(r.progress),
    });
    expect(result.stopped).toBe(false);
    expect(result.batches).toBe(125);
    expect(reports.at(-1)).toBe(1);
    expect(result.testAccuracy).toBeGreaterThan(0.85);
    const seven = Float32Array.from(digits.test.images.subarray(0, 784), (v) => v / 255);
    const { digit, probabilities } = predictDigit(result.model, centerDigit({ ink: seven, width: 28, height: 28 })!);
    expect(digit).toBe(7);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  }, 120_000);

  test('a run stopped halfway stops there and still evaluates', async () => {
    const small = { ...digits.train, count: 640 };
    let seen = 0;
    const result = await trainDigits(small, digits.test, {
      epochs: 2,
      onBatch: () => void seen++,
      shouldStop: () => seen >= 5,
    });
    expect([result.stopped, result.batches]).toEqual([true, 5]);
    expect(result.testAccuracy).toBeGreaterThan(0);
    expect(() => predictDigit(result.model, new Float32Array(3))).toThrow('784 values, got 3');
  }, 60_000);
});
