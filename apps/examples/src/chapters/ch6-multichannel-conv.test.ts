import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { image, run } from './ch6-multichannel-conv.js';

const golden = JSON.parse(readFileSync(new URL('../../fixtures/course-6.json', import.meta.url), 'utf8'));

beforeEach(() => vi.spyOn(console, 'log').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe('6.1: the multi-channel convolution of the course, against Keras 3', () => {
  test('the image is the one the golden script inferred (R as the course, G and B inferred)', () => {
    expect(image.transpose([3, 1, 2, 0]).reshape([3, 5, 5]).arraySync()).toEqual(golden.image);
  });

  test("one 3x3x3 filter gives the course's map", async () => {
    const r = await run();
    expect(r['one filter, valid #1']).toEqual([
      [3, -1, 3],
      [-2, 0, 2],
      [1, 3, 4],
    ]);
  });

  test("two filters give the course's two maps", async () => {
    const r = await run();
    expect(r['two filters, valid #1']).toEqual(golden['two filters'][0]);
    expect(r['two filters, valid #2']).toEqual([
      [7, 5, 7],
      [2, 6, 7],
      [5, 7, 8],
    ]);
  });

  test.each(['valid', 'same'])("strides 2, '%s', equal Keras's Conv2D", async (padding) => {
    const r = await run();
    for (const i of [0, 1])
      expect(r[`two filters, strides 2, ${padding} #${i + 1}`]).toEqual(
        golden[`two filters, strides 2, ${padding}`][i],
      );
  });

  test("Conv1D equals Keras's, whose 'same' pads 1 left and 2 right (NumPy's correlate pads 2 and 1)", async () => {
    const r = await run();
    expect(r['conv1d valid']).toEqual(golden['conv1d valid']);
    expect(r['conv1d same']).toEqual(golden['conv1d same']);
    expect(r['conv1d same']).not.toEqual([34, 51, 48, 57, 24, 25, 16, 39, 29]);
  });

  test('the axis shuffles equal NumPy', async () => {
    const r = await run();
    expect(r['transpose (2,0,1)']).toEqual(golden['transpose(arange(12).reshape(3,2,2), (2,0,1))'].flat(2));
    expect(r['swapaxes 0,2']).toEqual(golden['swapaxes(arange(12).reshape(3,2,2), 0, 2)'].flat(2));
    expect(r['transpose (3,0,1,2)']).toEqual(golden['transpose(arange(24).reshape(2,3,2,2), (3,0,1,2))'].flat(3));
  });
});
