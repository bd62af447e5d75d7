import { expect, test } from 'vitest';
import * as keras from './index.js';

test('keras.layers has TextVectorization, StringLookup and IntegerLookup, registered by class name', () => {
  const vectorize = new keras.layers.TextVectorization({ output_sequence_length: 3 });
  vectorize.adapt(['the cat', 'the dog']);
  expect(vectorize.apply(keras.tensor(['The DOG!', 'a cat'])).arraySync()).toEqual([
    [2, 3, 0],
    [1, 4, 0],
  ]);
  expect(new keras.layers.StringLookup({ vocabulary: ['x'] }).getVocabulary()).toEqual(['[UNK]', 'x']);
  expect(new keras.layers.IntegerLookup({ vocabulary: [4] }).getVocabulary()).toEqual([-1, 4]);
  for (const name of ['TextVectorization', 'StringLookup', 'IntegerLookup']) {
    expect(keras.layers.getRegisteredClass(name).className).toBe(name);
  }
});
