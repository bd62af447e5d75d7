/**
 * `keras.losses`: loss functions and classes (reductions, sample weights, `fromLogits`), and `get`.
 * @example keras.losses.binaryCrossentropy(tensor([[1]]), tensor([[0.2]])) // -log(0.2)
 */
export * from '@horn/losses';
export { getLoss as get } from '@horn/losses';
