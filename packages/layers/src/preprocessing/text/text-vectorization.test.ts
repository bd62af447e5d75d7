import { DTypeError, ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Input } from '../../engine/input-layer.js';
import { asciiLower, ngrams, splitText, standardizeText } from './text-preprocess.js';
import { TextVectorization } from './text-vectorization.js';

describe('text preprocessing as Keras / TF', () => {
  test('standardize: ASCII lowercase, string.punctuation stripped', () => {
    const text = `It's "GREAT"!!! (5/5) #1 a-b_c; ÀÉ ok~`;
    expect(standardizeText(text, 'lower_and_strip_punctuation')).toBe('its great 55 1 abc ÀÉ ok');
    expect(standardizeText(text, 'lower')).toBe(`it's "great"!!! (5/5) #1 a-b_c; ÀÉ ok~`);
    expect(standardizeText(text, 'strip_punctuation')).toBe('Its GREAT 55 1 abc ÀÉ ok');
    expect(standardizeText(text, null)).toBe(text);
    expect(asciiLower('ÀB')).toBe('Àb');
  });

  test('split on ASCII whitespace runs, into code points, or by a function', () => {
    expect(splitText('\ta  b\n\u000bc\r\f', 'whitespace', 'T')).toEqual(['a', 'b', 'c']);
    expect(splitText('a\u00a0b', 'whitespace', 'T')).toEqual(['a\u00a0b']); // no-break space is not ASCII
    expect(splitText('añ😀', 'character', 'T')).toEqual(['a', 'ñ', '😀']);
    expect(splitText('a,b', (s) => s.split(','), 'T')).toEqual(['a', 'b']);
    expect(() => splitText('a', (() => 'a') as never, 'T')).toThrow(/must return an array of strings/);
  });

  test('ngrams by width, in order; none for a width longer than the row', () => {
    expect(ngrams(['a', 'b', 'c'], [1, 3])).toEqual(['a', 'b', 'c', 'a b c']);
    expect(ngrams(['a'], [2])).toEqual([]);
  });
});

describe('TextVectorization', () => {
  test('takes functions for standardize and split, and pads rows to the longest without a length', () => {
    const layer = new TextVectorization({
      standardize: (s) => s.toUpperCase(),
      split: (s) => s.split('-'),
      vocabulary: ['A', 'B'],
    });
    expect(layer.apply(tensor(['a-b-a', 'b', 'x-a'])).arraySync()).toEqual([
      [2, 3, 2],
      [3, 0, 0],
      [1, 2, 0],
    ]);
    const config = layer.getConfig();
    expect(() => TextVectorization.fromConfig(config)).toThrow(
      /standardize was a function, which a config cannot carry back/,
    );
    const again = TextVectorization.fromConfig({
      ...config,
      standardize: (s: string) => s.toUpperCase(),
      split: (s: string) => s.split('-'),
    });
    expect(again.apply(tensor(['b-a'])).arraySync()).toEqual([[3, 2]]);
  });

  test('symbolic output shapes', () => {
    expect(new TextVectorization({ outputSequenceLength: 7 }).computeOutputShape([null, 1])).toEqual([null, 7]);
    expect(new TextVectorization().computeOutputShape([null, 1])).toEqual([null, null]);
    expect(new TextVectorization({ vocabulary: ['a', 'b'], outputMode: 'count' }).computeOutputShape([null])).toEqual([
      null,
      3,
    ]);
    expect(
      new TextVectorization({ maxTokens: 9, padToMaxTokens: true, outputMode: 'multi_hot' }).computeOutputShape([
        null,
        1,
      ]),
    ).toEqual([null, 9]);
  });

  test('called on a string Input: a symbolic int32 [null, 4], its inner lookup built (no stand-in run)', () => {
    const vectorize = new TextVectorization({ vocabulary: ['good', 'movie'], outputSequenceLength: 4 });
    const out = vectorize.apply(Input({ shape: [1], dtype: 'string' }));
    expect(out.shape).toEqual([null, 4]);
    expect(out.dtype).toBe('int32');
    expect(vectorize.subLayers.every((l) => l.built)).toBe(true);
  });

  test('adapt takes an iterable of batches; adapting again replaces the vocabulary', () => {
    const layer = new TextVectorization();
    layer.adapt(
      (function* () {
        yield ['b a', 'b'];
        yield tensor([['c b']]);
      })(),
    );
    expect(layer.getVocabulary()).toEqual(['', '[UNK]', 'b', 'c', 'a']);
    layer.adapt(['z']);
    expect(layer.getVocabulary()).toEqual(['', '[UNK]', 'z']);
  });

  test('clear errors: no vocabulary, wrong dtype and rank, unknown or unsupported options', () => {
    expect(() => new TextVectorization({ name: 'tv' }).apply(tensor(['a b']))).toThrow(/^TextVectorization 'tv': /);
    expect(() => new TextVectorization({ name: 'tv2', vocabulary: ['a'] }).adapt(['a'])).toThrow(
      /^TextVectorization 'tv2': cannot adapt a layer given a fixed vocabulary/,
    );
    expect(() => new TextVectorization().apply(tensor(['a b']))).toThrow(
      /no vocabulary yet; pass the vocabulary option or call adapt\(\) first/,
    );
    const layer = new TextVectorization({ vocabulary: ['a'] });
    expect(() => layer.apply(tensor([1, 2]))).toThrow(DTypeError);
    expect(() => layer.apply(tensor([['a', 'b']]))).toThrow(ShapeError);
    expect(() => layer.apply(tensor([[['a']]]))).toThrow(
      /expected strings of shape \[batch\] or \[batch, 1\], got \[1, 1, 1\]/,
    );
    expect(() => new TextVectorization({ vocabulary: ['a', 'a'] })).toThrow(/repeats "a"/);
    expect(() => new TextVectorization({ standardize: 'upper' as never })).toThrow(
      /standardize must be one of 'lower_and_strip_punctuation', 'lower', 'strip_punctuation', null or a function, got "upper"/,
    );
    expect(() => new TextVectorization({ split: 'comma' as never })).toThrow(
      /split must be one of 'whitespace', 'character'/,
    );
    expect(() => new TextVectorization({ outputMode: 'one_hot' as never })).toThrow(
      /outputMode must be one of 'int', 'multi_hot', 'count', 'tf_idf', got "one_hot"/,
    );
    expect(() => new TextVectorization({ ngrams: 0 })).toThrow(
      /ngrams must be null, a positive integer or an array of them, got 0/,
    );
    expect(() => new TextVectorization({ outputMode: 'count', outputSequenceLength: 3 })).toThrow(
      /outputSequenceLength is only used with outputMode 'int'/,
    );
    expect(() => new TextVectorization({ outputSequenceLength: 2.5 })).toThrow(ValueError);
    expect(() => new TextVectorization({ ragged: true as never })).toThrow(/ragged must be false/);
    expect(() => new TextVectorization({ encoding: 'latin-1' as never })).toThrow(/encoding must be 'utf-8'/);
    expect(() => new TextVectorization({ bogus: 1 } as never)).toThrow(/bogus/);
  });
});
