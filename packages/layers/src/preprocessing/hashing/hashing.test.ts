import { DTypeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { deserializeLayer, Hashing, Input, runLayerTest, serializeLayer } from '../../index.js';

const letters = () => tensor([['A'], ['B'], ['C'], ['D'], ['E']]);

describe('Hashing', () => {
  test("the Keras docs' examples (FarmHash64, mask_value, SipHash64 with salt)", () => {
    expect(new Hashing({ numBins: 3 }).apply(letters()).arraySync()).toEqual([[1], [0], [1], [1], [2]]);
    const masked = new Hashing({ num_bins: 3, mask_value: '' });
    expect(masked.apply(tensor([['A'], ['B'], [''], ['C'], ['D']])).arraySync()).toEqual([[1], [1], [0], [2], [2]]);
    expect(new Hashing({ numBins: 3, salt: [133, 137] }).apply(letters()).arraySync()).toEqual([
      [1],
      [2],
      [1],
      [0],
      [2],
    ]);
    expect(new Hashing({ numBins: 3, salt: 133 }).apply(letters()).arraySync()).toEqual([[0], [0], [2], [1], [0]]);
  });

  test('follows the layer contract, with string and integer inputs', () => {
    runLayerTest(Hashing, {
      config: { numBins: 3 },
      inputShape: [5, 1],
      inputData: letters(),
      expectedOutputShape: [5, 1],
      expectedOutput: [[1], [0], [1], [1], [2]],
    });
    runLayerTest(Hashing, {
      config: { numBins: 3, outputMode: 'one_hot' },
      inputShape: [2, 1],
      inputData: tensor([['A'], ['E']]),
      expectedOutputShape: [2, 3],
      expectedOutput: [
        [0, 1, 0],
        [0, 0, 1],
      ],
    });
  });

  test('integers hash as their decimal strings; floats are truncated first', () => {
    const layer = new Hashing({ numBins: 1000 });
    const asText = layer.apply(tensor([['42'], ['-7'], ['0']])).arraySync();
    expect(layer.apply(tensor([[42], [-7], [0]], undefined, 'int32')).arraySync()).toEqual(asText);
    expect(layer.apply(tensor([[42.9], [-7.5], [-0.5]])).arraySync()).toEqual(asText);
    const maskZero = new Hashing({ numBins: 4, maskValue: 0 });
    expect((maskZero.apply(tensor([[0], [5]], undefined, 'int32')).arraySync() as number[][])[0]).toEqual([0]);
  });

  test('multi_hot and count fold the last axis; int output is int32 in eager and symbolic calls', () => {
    const bins = new Hashing({ numBins: 3 }).apply(tensor([['A', 'B', 'C']])).arraySync();
    expect(bins).toEqual([[1, 0, 1]]);
    expect(new Hashing({ numBins: 3, outputMode: 'count' }).apply(tensor([['A', 'B', 'C']])).arraySync()).toEqual([
      [1, 2, 0],
    ]);
    expect(new Hashing({ numBins: 3, outputMode: 'multi_hot' }).apply(tensor([['A', 'B', 'C']])).arraySync()).toEqual([
      [1, 1, 0],
    ]);
    expect(new Hashing({ numBins: 3 }).apply(tensor([['A']])).dtype).toBe('int32');
    const x = Input({ shape: [1], dtype: 'string' });
    const y = new Hashing({ numBins: 8 }).apply(x);
    expect([y.dtype, y.shape]).toEqual(['int32', [null, 1]]);
    const z = new Hashing({ numBins: 8, outputMode: 'multi_hot' }).apply(x);
    expect([z.dtype, z.shape]).toEqual(['float32', [null, 8]]);
  });

  test('the config round-trips (Keras keys: salt as a list, dtype int64 in int mode)', () => {
    const layer = new Hashing({ numBins: 7, salt: 5, maskValue: 'pad' });
    const config = layer.getConfig();
    expect(config).toMatchObject({ numBins: 7, salt: [5, 5], maskValue: 'pad', outputMode: 'int', dtype: 'int64' });
    const back = deserializeLayer(serializeLayer(layer)) as Hashing;
    expect(back.getConfig()).toEqual(config);
    const x = tensor([['pad'], ['q']]);
    expect(back.apply(x).arraySync()).toEqual(layer.apply(x).arraySync());
  });

  test('refuses what it does not handle, by name', () => {
    expect(() => new Hashing({} as never)).toThrow(/numBins must be a positive integer/);
    expect(() => new Hashing({ numBins: 2, salt: [1, 2, 3] as never })).toThrow(/salt must be a non-negative integer/);
    expect(() => new Hashing({ numBins: 2, sparse: true })).toThrow(/sparse outputs are not supported/);
    expect(() => new Hashing({ numBins: 2, outputMode: 'tf_idf' as never })).toThrow(/outputMode must be one of/);
    expect(() => new Hashing({ numBins: 2, dtype: 'float32' })).toThrow(/dtype must be 'int32' or 'int64'/);
    expect(() => new Hashing({ numBins: 2, maskValue: 1.5 })).toThrow(ValueError);
    expect(() => new Hashing({ numBins: 3, maskValue: '' }).apply(tensor([[1]], undefined, 'int32'))).toThrow(
      DTypeError,
    );
    expect(() => new Hashing({ numBins: 3, outputMode: 'count' }).apply(tensor([[['a']]]))).toThrow(/rank 1 or 2/);
  });
});
