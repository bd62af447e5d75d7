import { DTypeError, ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { lookupLayerCases } from '../../testing/lookup-cases.js';
import { runLayerTest } from '../../testing/run-layer-test.js';
import { TextVectorization } from '../text/text-vectorization.js';
import { IntegerLookup } from './integer-lookup.js';
import { StringLookup } from './string-lookup.js';

describe('the lookup layers follow the layer contract', () => {
  test.each(lookupLayerCases().map((k) => [k.label, k] as const))('%s', (_, k) => {
    runLayerTest(k.cls, k.options() as never);
  });
});

describe('StringLookup and IntegerLookup refuse what they cannot do', () => {
  test('a vocabulary with repeated terms names them', () => {
    expect(() => new StringLookup({ vocabulary: ['a', 'b', 'a', 'c', 'c'] })).toThrow(
      /the vocabulary repeats "a", "c"; every term must be unique/,
    );
    expect(() => new IntegerLookup({ vocabulary: [1, 2, 2] })).toThrow(ValueError);
  });

  test('use before adapt with no vocabulary', () => {
    expect(() => new StringLookup().apply(tensor(['a']))).toThrow(
      /no vocabulary yet; pass the vocabulary option or call adapt\(\) first/,
    );
  });

  test('adapt on a fixed vocabulary, and a mask term inside the vocabulary', () => {
    expect(() => new StringLookup({ vocabulary: ['a'] }).adapt(['a'])).toThrow(
      /cannot adapt a layer given a fixed vocabulary/,
    );
    expect(() => new StringLookup({ vocabulary: ['a', '[M]'], maskToken: '[M]' })).toThrow(
      /holds the mask token "\[M\]" at index 1/,
    );
  });

  test('options Keras refuses, and those Horn does not implement, by name', () => {
    expect(() => new StringLookup({ maxTokens: 1 })).toThrow(/maxTokens must be greater than 1/);
    expect(() => new StringLookup({ padToMaxTokens: true })).toThrow(/padToMaxTokens: true needs maxTokens/);
    expect(() => new StringLookup({ outputMode: 'bag' as never })).toThrow(
      /outputMode must be one of 'int', 'one_hot', 'multi_hot', 'count', 'tf_idf', got "bag"/,
    );
    expect(() => new StringLookup({ invert: true, outputMode: 'count' })).toThrow(
      /invert: true needs outputMode 'int'/,
    );
    expect(() => new StringLookup({ vocabulary: ['a'], outputMode: 'tf_idf' })).toThrow(/needs idfWeights too/);
    expect(() => new StringLookup({ idfWeights: [1] })).toThrow(/idfWeights are only used with outputMode 'tf_idf'/);
    expect(() => new StringLookup({ vocabulary: 'vocab.txt' as never })).toThrow(/reads no vocabulary files/);
    expect(() => new StringLookup({ sparse: true })).toThrow(/sparse: true is not supported/);
    expect(() => new IntegerLookup({ salt: 3 })).toThrow(/salt needs oovMethod 'farmhash'/);
    expect(() => new StringLookup({ salt: [1, 2, 3] as never })).toThrow(
      /salt must be null, an integer or an array of 2 integers/,
    );
    expect(() => new IntegerLookup({ oovMethod: 'sha' as never })).toThrow(
      /oovMethod must be 'floormod' or 'farmhash'/,
    );
    expect(() => new StringLookup({ vocabulary: [1] as never })).toThrow(/vocabulary\[0\] must be a string, got 1/);
    expect(() => new IntegerLookup({ vocabulary: [1.5] })).toThrow(/vocabulary\[0\] must be an integer, got 1.5/);
  });

  test('wrong input dtypes and ranks', () => {
    expect(() => new StringLookup({ vocabulary: ['a'] }).apply(tensor([1, 2]))).toThrow(DTypeError);
    expect(() => new IntegerLookup({ vocabulary: [1] }).apply(tensor([1.5]))).toThrow(
      /expected integer inputs, got 1.5/,
    );
    expect(() =>
      new IntegerLookup({ vocabulary: [1], outputMode: 'count' }).apply(tensor([[[1]]], undefined, 'int32')),
    ).toThrow(ShapeError);
  });

  test('numOovIndices 0 refuses unknown terms, naming them', () => {
    expect(() => new StringLookup({ vocabulary: ['a'], numOovIndices: 0 }).apply(tensor(['a', 'zz']))).toThrow(
      /unknown terms \["zz"\]/,
    );
  });

  test('the vocabulary size cannot change in a fixed-width output mode', () => {
    const lookup = new StringLookup({ vocabulary: ['a', 'b'], outputMode: 'multi_hot' });
    expect(() => lookup.setVocabulary(['a'])).toThrow(/cannot change once set: it was 3, the new vocabulary has 2/);
  });

  test('adapt takes a string tensor and an iterable of batches (a rank-1 batch is one document)', () => {
    const fromTensor = new StringLookup({ outputMode: 'tf_idf' });
    fromTensor.adapt(tensor(['a', 'b', 'a']));
    const fromBatches = new StringLookup({ outputMode: 'tf_idf' });
    fromBatches.adapt(
      (function* () {
        yield ['a'];
        yield tensor(['b']);
        yield [['a']];
      })(),
    );
    expect(fromBatches.getVocabulary()).toEqual(fromTensor.getVocabulary());
    expect(fromBatches.getVocabulary()).toEqual(['[UNK]', 'a', 'b']);
    // 3 documents; 'a' in 2: log(1 + 3 / 3), 'b' in 1: log(1 + 3 / 2); OOV: their mean
    const w = fromBatches.apply(tensor([['a', 'b', 'q']])).dataSync();
    const [a, b] = [Math.log(2), Math.log(2.5)];
    for (const [i, v] of [(a + b) / 2, a, b].entries()) expect(w[i]).toBeCloseTo(v, 6);
  });

  test('the mask term is a string in StringLookup and an integer in IntegerLookup, with invert', () => {
    const inv = new IntegerLookup({ vocabulary: [7, 9], maskToken: 0, invert: true });
    expect(inv.apply(tensor([0, 1, 2, 3, 8], undefined, 'int32')).arraySync()).toEqual([0, -1, 7, 9, -1]);
  });
});

describe('Keras 3 configs (get_config, dtype policy left to the loader) build the same layers', () => {
  test('TextVectorization, StringLookup, IntegerLookup', () => {
    const text = TextVectorization.fromConfig({
      name: 'text_vectorization',
      trainable: true,
      max_tokens: null,
      standardize: 'lower_and_strip_punctuation',
      split: 'whitespace',
      ngrams: null,
      output_mode: 'int',
      output_sequence_length: 3,
      pad_to_max_tokens: false,
      sparse: false,
      ragged: false,
      vocabulary: ['a', 'b'],
      idf_weights: null,
      encoding: 'utf-8',
      vocabulary_size: 4,
    });
    expect(text.apply(tensor(['B a c'])).arraySync()).toEqual([[3, 2, 1]]);
    const strings = StringLookup.fromConfig({
      name: 'string_lookup_1',
      trainable: true,
      invert: false,
      max_tokens: null,
      num_oov_indices: 2,
      oov_token: '[UNK]',
      mask_token: null,
      output_mode: 'int',
      sparse: false,
      pad_to_max_tokens: false,
      idf_weights: null,
      vocabulary: ['a', 'b'],
      vocabulary_size: 4,
      oov_method: 'floormod',
      salt: [5, 5],
      encoding: 'utf-8',
    });
    expect(strings.getVocabulary()).toEqual(['[UNK]', '[UNK]', 'a', 'b']);
    expect(strings.getConfig().salt).toEqual([5, 5]);
    const ints = IntegerLookup.fromConfig({
      name: 'integer_lookup',
      trainable: true,
      invert: false,
      max_tokens: null,
      num_oov_indices: 1,
      oov_token: -1,
      mask_token: null,
      output_mode: 'int',
      sparse: false,
      pad_to_max_tokens: false,
      vocabulary_dtype: 'int64',
      idf_weights: null,
      vocabulary: [3, 4],
      vocabulary_size: 3,
      oov_method: 'floormod',
      salt: null,
    });
    expect(ints.apply(tensor([4, 9, 3], undefined, 'int32')).arraySync()).toEqual([2, 0, 1]);
  });
});
