import { ShapeError, type Tensor, tensor, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  GlobalAveragePooling1D,
  GlobalAveragePooling2D,
  GlobalAvgPool2D,
  GlobalMaxPool2D,
  GlobalMaxPooling1D,
  GlobalMaxPooling2D,
  getRegisteredClass,
  runLayerTest,
} from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());
// two images 2x2, two channels: channel 0 = [1, 4, 3, 2] and [0, -1, -2, -3]; channel 1 = 10x
const images = () => tensor([1, 10, 4, 40, 3, 30, 2, 20, 0, 0, -1, -10, -2, -20, -3, -30], [2, 2, 2, 2]);

describe('global pooling', () => {
  test('follow the layer contract', () => {
    runLayerTest(GlobalMaxPooling2D, { config: {}, inputShape: [2, 3, 4, 5], expectedOutputShape: [2, 5] });
    runLayerTest(GlobalAveragePooling2D, {
      config: { keepdims: true },
      inputShape: [2, 3, 4, 5],
      expectedOutputShape: [2, 1, 1, 5],
    });
    runLayerTest(GlobalAveragePooling1D, { config: {}, inputShape: [2, 6, 3], expectedOutputShape: [2, 3] });
    runLayerTest(GlobalMaxPooling1D, {
      config: { keepdims: true },
      inputShape: [2, 6, 3],
      expectedOutputShape: [2, 1, 3],
    });
  });

  test('reduce every spatial position per image and channel', () => {
    expect(flat(new GlobalMaxPooling2D().apply(images()))).toEqual([4, 40, 0, 0]);
    expect(flat(new GlobalAveragePooling2D().apply(images()))).toEqual([2.5, 25, -1.5, -15]);
    const keep = new GlobalAveragePooling2D({ keepdims: true }).apply(images());
    expect(keep.shape).toEqual([2, 1, 1, 2]);
    const seq = tensor([1, 5, 3, 2], [1, 2, 2]);
    expect(flat(new GlobalAveragePooling1D().apply(seq))).toEqual([2, 3.5]);
    expect(flat(new GlobalMaxPooling1D().apply(seq))).toEqual([3, 5]);
    expect(new GlobalMaxPooling2D({ keepdims: true }).getConfig()).toMatchObject({
      keepdims: true,
      dataFormat: 'channelsLast',
    });
  });

  test('have the Keras aliases and reject wrong ranks and options', () => {
    expect(GlobalMaxPool2D).toBe(GlobalMaxPooling2D);
    expect(GlobalAvgPool2D).toBe(GlobalAveragePooling2D);
    expect(getRegisteredClass('GlobalAvgPool1D')).toBe(GlobalAveragePooling1D);
    const g = new GlobalAveragePooling2D({ name: 'gap_errors' });
    expect(() => g.apply(zeros([2, 3, 4]))).toThrow(ShapeError);
    expect(() => g.apply(zeros([2, 3, 4]))).toThrow(
      "GlobalAveragePooling2D 'gap_errors': expected input of rank 4, got [2, 3, 4]",
    );
    expect(() => new GlobalAveragePooling1D().apply(zeros([2, 3, 4, 1]))).toThrow(/expected input of rank 3/);
    expect(() => new GlobalMaxPooling2D({ keepdims: 'yes' as unknown as boolean })).toThrow(
      /keepdims must be a boolean/,
    );
    expect(() => new GlobalMaxPooling2D({ dataFormat: 'channels_first' })).toThrow(/not supported/);
  });
});
