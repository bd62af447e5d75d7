import { describe, expect, test } from 'vitest';
import { convolutionChapter } from './convolution.js';

describe('the convolution chapter reproduces the course', () => {
  const r = convolutionChapter();
  test.each([
    ['flip(w)', [3, 5, 1, 2]],
    ["convolve(x, w, 'valid')", [63, 48, 49, 28, 21, 20]],
    ["correlate(x, w, 'valid')", [48, 57, 24, 25, 16, 39]],
    ["correlate(x, w, 'full')", [6, 34, 51, 48, 57, 24, 25, 16, 39, 29, 13, 10]],
    ["correlate(x, w, 'same')", [34, 51, 48, 57, 24, 25, 16, 39, 29]],
    [
      "correlate2d(x, [[2,0],[0,0]], 'valid')",
      [
        [2, 4],
        [8, 10],
      ],
    ],
    [
      "conv2d(image, ones 2x2, 'valid')",
      [
        [12, 16],
        [24, 28],
      ],
    ],
    [
      "conv2d(image, ones 2x2, 'same')",
      [
        [12, 16, 9],
        [24, 28, 15],
        [15, 17, 9],
      ],
    ],
    [
      "conv2d(image, filters 1/10/-1, 'same') as maps",
      [
        [
          [12, 16, 9],
          [24, 28, 15],
          [15, 17, 9],
        ],
        [
          [120, 160, 90],
          [240, 280, 150],
          [150, 170, 90],
        ],
        [
          [-12, -16, -9],
          [-24, -28, -15],
          [-15, -17, -9],
        ],
      ],
    ],
    [
      'maxPool2d(range(16) 4x4, 2x2, stride 2)',
      [
        [5, 7],
        [13, 15],
      ],
    ],
  ])('%s', (name, expected) => {
    expect(r[name].arraySync()).toEqual(expected);
  });
});
