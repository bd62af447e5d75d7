import { expect, test } from 'vitest';
import { convolutionNetworkChapter } from './convolution-network.js';

test('chapter 6.2: the hand-built ConvolutionNetwork learns Fashion-MNIST', () => {
  const { network, accuracy } = convolutionNetworkChapter(3);
  expect(network.losses.length).toBe(3);
  expect(network.losses[2]).toBeLessThan(network.losses[0]);
  expect(network.valLosses[2]).toBeLessThan(network.valLosses[0]);
  expect(accuracy).toBeGreaterThanOrEqual(0.7);
});
