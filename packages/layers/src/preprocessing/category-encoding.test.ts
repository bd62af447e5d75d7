import { ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { CategoryEncoding, deserializeLayer, Input, runLayerTest, serializeLayer } from '../index.js';

const ints = (values: number[][]) => tensor(values, undefined, 'int32');

describe('CategoryEncoding', () => {
  test('follows the layer contract (one_hot, multi_hot, count)', () => {
    runLayerTest(CategoryEncoding, {
      config: { numTokens: 4, outputMode: 'one_hot' },
      inputShape: [3, 1],
      inputData: ints([[3], [0], [1]]),
      expectedOutputShape: [3, 4],
      expectedOutput: [
        [0, 0, 0, 1],
        [1, 0, 0, 0],
        [0, 1, 0, 0],
      ],
    });
    runLayerTest(CategoryEncoding, {
      config: { numTokens: 3 },
      inputShape: [2, 2],
      inputData: ints([
        [0, 0],
        [2, 1],
      ]),
      expectedOutputShape: [2, 3],
      expectedOutput: [
        [1, 0, 0],
        [0, 1, 1],
      ],
    });
  });

  test('count weights, float inputs holding integers, snake_case and the config', () => {
    const layer = new CategoryEncoding({ num_tokens: 3, output_mode: 'count' });
    const out = layer.apply(ints([[0, 2, 2]]), { countWeights: tensor([[0.5, 1, 2]]) } as never);
    expect(out.arraySync()).toEqual([[0.5, 0, 3]]);
    expect(layer.apply(tensor([[1, 1]])).arraySync()).toEqual([[0, 2, 0]]);
    expect(layer.getConfig()).toMatchObject({ numTokens: 3, outputMode: 'count' });
    const back = deserializeLayer(serializeLayer(layer)) as CategoryEncoding;
    expect(back.getConfig()).toEqual(layer.getConfig());
    expect(new CategoryEncoding({ numTokens: 2, outputMode: 'binary' }).outputMode).toBe('multi_hot');
  });

  test('symbolic: an int32 Input gives float32 outputs of the encoded shape', () => {
    const x = Input({ shape: [5], dtype: 'int32' });
    const y = new CategoryEncoding({ numTokens: 7 }).apply(x);
    expect(y.shape).toEqual([null, 7]);
    expect(y.dtype).toBe('float32');
    expect(new CategoryEncoding({ numTokens: 7, outputMode: 'one_hot' }).apply(x).shape).toEqual([null, 5, 7]);
  });

  test('refuses what it does not handle, by name', () => {
    expect(() => new CategoryEncoding({} as never)).toThrow(/numTokens must be an integer >= 1/);
    expect(() => new CategoryEncoding({ numTokens: 0 })).toThrow(ValueError);
    expect(() => new CategoryEncoding({ numTokens: 3, outputMode: 'tf_idf' as never })).toThrow(
      /outputMode must be one of/,
    );
    expect(() => new CategoryEncoding({ numTokens: 3, sparse: true })).toThrow(/sparse outputs are not supported/);
    const layer = new CategoryEncoding({ numTokens: 3, name: 'enc' });
    expect(() => layer.apply(ints([[3]]))).toThrow(
      /CategoryEncoding 'enc': every input value must be an integer in \[0, 3\), got 3/,
    );
    expect(() => layer.apply(tensor([[0.5]]))).toThrow(/got 0.5/);
    expect(() => layer.apply(tensor([[['a']]]))).toThrow(/has dtype 'string'/);
    expect(() => layer.apply(tensor([[[1]]], undefined, 'int32'))).toThrow(ShapeError);
    expect(() => layer.apply(ints([[1]]), { countWeights: tensor([[1]]) } as never)).toThrow(
      /countWeights is only used when outputMode is 'count'/,
    );
    const count = new CategoryEncoding({ numTokens: 3, outputMode: 'count' });
    expect(() => count.apply(ints([[1, 2]]), { countWeights: tensor([[1]]) } as never)).toThrow(
      /countWeights must have the input's shape \[1,2\], got \[1,1\]/,
    );
  });
});
