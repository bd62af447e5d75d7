import { ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { deserializeLayer, Embedding, Input, InputLayer, serializeLayer } from '../index.js';

// TF.js' converter (parseDtypeParam) maps DT_INT64 / DT_INT8 / DT_UINT8 to int32 and DT_DOUBLE /
// DT_HALF to float32; Horn's Input does the same for Keras programs that write dtype='int64'.
describe('Input dtype', () => {
  test("Horn's dtypes are kept", () => {
    for (const dtype of ['float32', 'int32', 'bool'] as const) expect(Input({ shape: [2], dtype }).dtype).toBe(dtype);
  });

  test("'int64', 'int8', 'uint8' are held as int32; 'float64', 'float16' as float32 (as TF.js)", () => {
    expect(Input({ shape: [10], dtype: 'int64' }).dtype).toBe('int32');
    expect(Input({ shape: [10], dtype: 'int8' }).dtype).toBe('int32');
    expect(Input({ shape: [10], dtype: 'uint8' }).dtype).toBe('int32');
    expect(Input({ shape: [3], dtype: 'float64' }).dtype).toBe('float32');
    expect(Input({ shape: [3], dtype: 'float16' }).dtype).toBe('float32');
    const layer = new InputLayer({ inputShape: [10], dtype: 'int64' });
    expect(layer.getConfig().dtype).toBe('int32');
    expect((deserializeLayer(serializeLayer(layer)) as InputLayer).dtype).toBe('int32');
  });

  test('an int64 input feeds an Embedding, as in Keras programs', () => {
    const ids = Input({ shape: [4], dtype: 'int64' });
    expect(new Embedding({ inputDim: 10, outputDim: 3 }).apply(ids).shape).toEqual([null, 4, 3]);
  });

  test('other dtypes are refused by name', () => {
    for (const dtype of ['complex64', 'uint32', 'bfloat16']) {
      expect(() => Input({ shape: [2], dtype: dtype as never })).toThrow(ValueError);
    }
    expect(() => Input({ shape: [2], dtype: 'complex64' as never })).toThrow(
      /InputLayer: dtype must be one of float32, int32, bool, string, int64, int8, uint8, float64, float16 .* got "complex64"/,
    );
  });
});
