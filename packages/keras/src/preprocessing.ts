/**
 * `keras.preprocessing` (with scikit-learn's utilities the course uses): scalers, `trainTestSplit`,
 * `KFold`, `crossValidate`, `toCategorical`, `padSequences`, `Tokenizer`. The preprocessing layers
 * (Rescaling, Normalization, Resizing, RandomFlip, ...) are in `keras.layers`, as in Keras.
 * @example const padded = keras.preprocessing.padSequences([[1], [2, 3]], { maxlen: 3 });
 */
export * from '@horn/preprocessing';
