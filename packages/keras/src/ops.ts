/**
 * `keras.ops`: every tensor op of @horn/tensor (`keras.ops.matmul`, `keras.ops.conv2d`, ...).
 * @example keras.ops.softmax(keras.ops.tensor([2.2, 1.39, 0.85]))
 */
export * from '@horn/tensor';
