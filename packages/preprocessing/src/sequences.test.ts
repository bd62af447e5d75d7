import { ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { padSequences, Tokenizer, textToWordSequence, toCategorical } from './index.js';

describe('toCategorical (Keras)', () => {
  test('one-hot float32, numClasses default max + 1, trailing 1 dropped', () => {
    const eye = toCategorical([0, 1, 2, 3], 4);
    expect(eye.dtype).toBe('float32');
    expect(eye.arraySync()).toEqual([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
    expect(toCategorical(tensor([2, 0], [2], 'int32')).arraySync()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(toCategorical(tensor([[1], [0]])).shape).toEqual([2, 2]);
    expect(toCategorical(tensor([[1, 0]]), 3).shape).toEqual([1, 2, 3]);
    expect(toCategorical([], 3).shape).toEqual([0, 3]);
  });

  test('labels >= numClasses, negative or fractional labels are ValueErrors', () => {
    expect(() => toCategorical([0, 3], 3)).toThrow(ValueError);
    expect(() => toCategorical([0, 3], 3)).toThrow(/label 3 is out of range for numClasses=3/);
    expect(() => toCategorical([-1, 0])).toThrow(/non-negative integers, got -1/);
    expect(() => toCategorical([0.5])).toThrow(/non-negative integers, got 0.5/);
  });
});

describe('padSequences (Keras documentation examples)', () => {
  const sequence = [[1], [2, 3], [4, 5, 6]];

  test('defaults: pre-padding with 0 to the longest length, int32', () => {
    const t = padSequences(sequence);
    expect(t.dtype).toBe('int32');
    expect(t.arraySync()).toEqual([
      [0, 0, 1],
      [0, 2, 3],
      [4, 5, 6],
    ]);
  });

  test('value, padding post, maxlen with pre and post truncation', () => {
    expect(padSequences(sequence, { value: -1 }).arraySync()).toEqual([
      [-1, -1, 1],
      [-1, 2, 3],
      [4, 5, 6],
    ]);
    expect(padSequences(sequence, { padding: 'post' }).arraySync()).toEqual([
      [1, 0, 0],
      [2, 3, 0],
      [4, 5, 6],
    ]);
    expect(padSequences(sequence, { maxlen: 2 }).arraySync()).toEqual([
      [0, 1],
      [2, 3],
      [5, 6],
    ]);
    expect(padSequences(sequence, { maxlen: 2, truncating: 'post' }).arraySync()).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });

  test('float32, empty sequences, sequences of vectors', () => {
    expect(padSequences([[0.5], []], { dtype: 'float32' }).arraySync()).toEqual([[0.5], [0]]);
    expect(padSequences([], { maxlen: 3 }).shape).toEqual([0, 3]);
    expect(
      padSequences([
        [
          [1, 2],
          [3, 4],
        ],
        [[5, 6]],
      ]).arraySync(),
    ).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [0, 0],
        [5, 6],
      ],
    ]);
  });

  test('ragged steps, non-integers, bad options: clear errors', () => {
    expect(() => padSequences([[[1, 2]], [[3]]])).toThrow(ShapeError);
    expect(() => padSequences([[[1, 2]], [[3]]])).toThrow(/step 0 of sequence 1 has shape \[1\], expected \[2\]/);
    expect(() => padSequences([[1], [[2]] as unknown as number[]])).toThrow(/holds an array at step 0/);
    expect(() => padSequences([[1, 2.5]])).toThrow(ValueError);
    expect(() => padSequences([[1, 2.5]])).toThrow(/non-integer 2.5 at step 1; use dtype 'float32'/);
    expect(() => padSequences([[1, Number.NaN]], { dtype: 'float32' })).toThrow(/non-number/);
    expect(() => padSequences([5 as unknown as number[]])).toThrow(/sequence 0 is not an array/);
    expect(() => padSequences([[1]], { padding: 'middle' as 'pre' })).toThrow(/padding must be 'pre' or 'post'/);
    expect(() => padSequences([[1]], { maxlen: -1 })).toThrow(/maxlen must be a non-negative integer/);
  });
});

describe('Tokenizer (values from Keras Tokenizer semantics)', () => {
  const texts = ['The cat sat on the mat.', 'The dog ate my homework.', 'My cat ate the dog food!'];

  test('textToWordSequence lower-cases and strips the default filters', () => {
    expect(textToWordSequence('Hello, World!\tIt\'s "fine".')).toEqual(['hello', 'world', "it's", 'fine']);
  });

  test('wordIndex ranks by frequency, ties by first appearance; counts and docs', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(texts);
    expect(Object.fromEntries(tokenizer.wordIndex)).toEqual({
      the: 1,
      cat: 2,
      dog: 3,
      ate: 4,
      my: 5,
      sat: 6,
      on: 7,
      mat: 8,
      homework: 9,
      food: 10,
    });
    expect([...tokenizer.wordCounts.entries()]).toEqual([
      ['the', 4],
      ['cat', 2],
      ['sat', 1],
      ['on', 1],
      ['mat', 1],
      ['dog', 2],
      ['ate', 2],
      ['my', 2],
      ['homework', 1],
      ['food', 1],
    ]);
    expect(tokenizer.wordDocs.get('the')).toBe(3);
    expect(tokenizer.documentCount).toBe(3);
    expect(tokenizer.textsToSequences(['the cat ate my new homework', 'Dog, dog!'])).toEqual([
      [1, 2, 4, 5, 9],
      [3, 3],
    ]);
    expect(tokenizer.sequencesToTexts([[1, 2, 4, 99, 10]])).toEqual(['the cat ate food']);
  });

  test('numWords with and without an OOV token', () => {
    const withOov = new Tokenizer({ numWords: 5, oovToken: '<OOV>' });
    withOov.fitOnTexts(texts);
    expect(withOov.wordIndex.get('<OOV>')).toBe(1);
    expect(withOov.wordIndex.get('food')).toBe(11);
    expect(withOov.textsToSequences(['the cat ate my new homework'])).toEqual([[2, 3, 1, 1, 1, 1]]);
    expect(withOov.sequencesToTexts([[2, 3, 5, 9, 99]])).toEqual(['the cat <OOV> <OOV> <OOV>']);
    const plain = new Tokenizer({ numWords: 5 });
    plain.fitOnTexts(texts);
    expect(plain.textsToSequences(['the cat ate my new homework'])).toEqual([[1, 2, 4]]);
    expect(plain.sequencesToTexts([[1, 2, 5, 9]])).toEqual(['the cat']);
    expect(() => new Tokenizer({ numWords: 0 })).toThrow(/numWords must be a positive integer/);
  });

  test('charLevel and lower: false', () => {
    const chars = new Tokenizer({ charLevel: true });
    chars.fitOnTexts(['abba']);
    expect(Object.fromEntries(chars.wordIndex)).toEqual({ a: 1, b: 2 });
    const cased = new Tokenizer({ lower: false });
    cased.fitOnTexts(['A a a']);
    expect(Object.fromEntries(cased.wordIndex)).toEqual({ a: 1, A: 2 });
  });
});
