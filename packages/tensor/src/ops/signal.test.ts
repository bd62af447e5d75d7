import { describe, expect, test } from 'vitest';
import {
  convolve,
  convolve2d,
  correlate,
  correlate2d,
  type KernelRecord,
  ShapeError,
  type SignalMode,
  setRecorder,
  type Tensor,
  tensor,
  ValueError,
} from '../index.js';

// The course's signal and kernel, and SciPy's results for them (scipy.signal 1.17).
const x = [2, 8, 3, 7, 1, 2, 0, 4, 5];
const w = [2, 1, 5, 3];
const image = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];
// A non-square case where the modes and the input swap all differ.
const X = [
  [3, -1, 4, 1],
  [5, 9, -2, 6],
  [5, 3, 5, -8],
];
const W = [
  [2, 7],
  [-1, 8],
];

const values = (t: Tensor) => t.arraySync();

describe('convolve and correlate (scipy.signal semantics)', () => {
  test('course: convolve valid, correlate valid / full / same', () => {
    expect(values(convolve(x, w, 'valid'))).toEqual([63, 48, 49, 28, 21, 20]);
    expect(values(correlate(x, w, 'valid'))).toEqual([48, 57, 24, 25, 16, 39]);
    expect(values(correlate(x, w, 'full'))).toEqual([6, 34, 51, 48, 57, 24, 25, 16, 39, 29, 13, 10]);
    expect(values(correlate(x, w, 'same'))).toEqual([34, 51, 48, 57, 24, 25, 16, 39, 29]);
  });

  test("the default mode is 'full'; convolve full and same as SciPy", () => {
    expect(values(convolve(x, w))).toEqual([4, 18, 24, 63, 48, 49, 28, 21, 20, 25, 37, 15]);
    expect(values(convolve(x, w, 'same'))).toEqual([18, 24, 63, 48, 49, 28, 21, 20, 25]);
    expect(values(correlate(x, w))).toEqual(values(correlate(x, w, 'full')));
  });

  test("w longer than x: 'valid' swaps (correlate reversed), 'same' keeps x's length, 'full' is the mirror", () => {
    expect(values(convolve(w, x, 'valid'))).toEqual([63, 48, 49, 28, 21, 20]);
    expect(values(correlate(w, x, 'valid'))).toEqual([39, 16, 25, 24, 57, 48]);
    expect(values(convolve(w, x, 'same'))).toEqual([48, 49, 28, 21]);
    expect(values(correlate(w, x, 'same'))).toEqual([16, 25, 24, 57]);
    expect(values(correlate(w, x))).toEqual([10, 13, 29, 39, 16, 25, 24, 57, 48, 51, 34, 6]);
    expect(values(convolve(w, x))).toEqual([4, 18, 24, 63, 48, 49, 28, 21, 20, 25, 37, 15]);
  });

  test('a length-1 kernel scales; equal lengths give one valid value; results are float32', () => {
    expect(values(correlate([1, 2, 3], [2], 'same'))).toEqual([2, 4, 6]);
    expect(values(convolve([1, 2, 3], [1, 0, -1], 'valid'))).toEqual([2]);
    expect(values(correlate([1, 2, 3], [1, 0, -1], 'valid'))).toEqual([-2]);
    expect(convolve(tensor([1, 2], undefined, 'int32'), tensor([1, 1], undefined, 'int32')).dtype).toBe('float32');
  });

  test('composed from Conv2D and Reverse, so autograd differentiates it', () => {
    const names: string[] = [];
    const previous = setRecorder({ record: (r: KernelRecord) => names.push(r.name) });
    try {
      convolve(x, w, 'same');
    } finally {
      setRecorder(previous);
    }
    expect(names).toContain('Conv2D');
    expect(names).toContain('Reverse');
  });

  test('errors', () => {
    expect(() => convolve([[1, 2]], w)).toThrow(ShapeError);
    expect(() => correlate(x, [[1, 2]])).toThrow(/correlate: expected 'w' of rank 1, got shape \[1,2\]/);
    expect(() => convolve(5, w)).toThrow(ShapeError);
    expect(() => convolve([], w)).toThrow(/convolve: 'x' cannot be empty/);
    expect(() => correlate(x, w, 'circular' as SignalMode)).toThrow(ValueError);
    expect(() => correlate(x, w, 'circular' as SignalMode)).toThrow(/correlate: mode must be/);
  });
});

describe('convolve2d and correlate2d (scipy.signal semantics)', () => {
  test('course: correlate2d of 1..9 with [[2,0],[0,0]]', () => {
    expect(
      values(
        correlate2d(
          image,
          [
            [2, 0],
            [0, 0],
          ],
          'valid',
        ),
      ),
    ).toEqual([
      [2, 4],
      [8, 10],
    ]);
    expect(
      values(
        correlate2d(
          image,
          [
            [2, 0],
            [0, 0],
          ],
          'full',
        ),
      ),
    ).toEqual([
      [0, 0, 0, 0],
      [0, 2, 4, 6],
      [0, 8, 10, 12],
      [0, 14, 16, 18],
    ]);
    // SciPy's correlate2d 'same' takes full[1:4, 1:4] here, where correlate (N-d) would take full[0:3, 0:3].
    expect(
      values(
        correlate2d(
          image,
          [
            [2, 0],
            [0, 0],
          ],
          'same',
        ),
      ),
    ).toEqual([
      [2, 4, 6],
      [8, 10, 12],
      [14, 16, 18],
    ]);
    expect(
      values(
        convolve2d(
          image,
          [
            [2, 0],
            [0, 0],
          ],
          'same',
        ),
      ),
    ).toEqual([
      [2, 4, 6],
      [8, 10, 12],
      [14, 16, 18],
    ]);
    expect(
      values(
        convolve2d(
          image,
          [
            [2, 0],
            [0, 0],
          ],
          'valid',
        ),
      ),
    ).toEqual([
      [10, 12],
      [16, 18],
    ]);
  });

  test("'same' offsets with an odd kernel and an even one (a 1x2 kernel)", () => {
    const odd = [
      [1, 2, 0],
      [0, 3, 0],
      [0, 0, -1],
    ];
    expect(values(correlate2d(image, odd, 'same'))).toEqual([
      [-2, 0, 9],
      [6, 11, 26],
      [29, 38, 44],
    ]);
    expect(values(convolve2d(image, odd, 'same'))).toEqual([
      [16, 22, 21],
      [34, 39, 34],
      [21, 20, 22],
    ]);
    expect(values(correlate2d(image, odd, 'valid'))).toEqual([[11]]);
    expect(values(convolve2d(image, odd, 'valid'))).toEqual([[39]]);
    expect(values(correlate2d(image, [[1, -1]], 'same'))).toEqual([
      [-1, -1, 3],
      [-1, -1, 6],
      [-1, -1, 9],
    ]);
    expect(values(convolve2d(image, [[1, -1]], 'same'))).toEqual([
      [1, 1, 1],
      [4, 1, 1],
      [7, 1, 1],
    ]);
  });

  test('a 3x4 image with a 2x2 kernel, every mode, both input orders', () => {
    const cases: [typeof convolve2d, SignalMode, number[][], number[][]][] = [
      [
        convolve2d,
        'full',
        [
          [6, 19, 1, 30, 7],
          [7, 78, 47, 29, 50],
          [5, 72, 105, -3, -8],
          [-5, 37, 19, 48, -64],
        ],
        [
          [6, 19, 1, 30, 7],
          [7, 78, 47, 29, 50],
          [5, 72, 105, -3, -8],
          [-5, 37, 19, 48, -64],
        ],
      ],
      [
        convolve2d,
        'valid',
        [
          [78, 47, 29],
          [72, 105, -3],
        ],
        [
          [78, 47, 29],
          [72, 105, -3],
        ],
      ],
      [
        convolve2d,
        'same',
        [
          [6, 19, 1, 30],
          [7, 78, 47, 29],
          [5, 72, 105, -3],
        ],
        [
          [78, 47],
          [72, 105],
        ],
      ],
      [
        correlate2d,
        'full',
        [
          [24, -11, 33, 4, -1],
          [61, 66, 1, 65, -4],
          [75, 92, 41, -31, 20],
          [35, 31, 41, -46, -16],
        ],
        [
          [-16, -46, 41, 31, 35],
          [20, -31, 41, 92, 75],
          [-4, 65, 1, 66, 61],
          [-1, 4, 33, -11, 24],
        ],
      ],
      [
        correlate2d,
        'valid',
        [
          [66, 1, 65],
          [92, 41, -31],
        ],
        [
          [-31, 41, 92],
          [65, 1, 66],
        ],
      ],
      [
        correlate2d,
        'same',
        [
          [66, 1, 65, -4],
          [92, 41, -31, 20],
          [31, 41, -46, -16],
        ],
        [
          [41, 92],
          [1, 66],
        ],
      ],
    ];
    for (const [op, mode, xw, wx] of cases) {
      expect(values(op(X, W, mode)), `${op.name} ${mode}`).toEqual(xw);
      expect(values(op(W, X, mode)), `${op.name} ${mode} swapped`).toEqual(wx);
    }
  });

  test("'valid' refuses inputs where neither covers the other (SciPy's ValueError); ranks must be 2", () => {
    expect(() => correlate2d([[1, 2]], [[1], [2]], 'valid')).toThrow(ValueError);
    expect(() => convolve2d([[1, 2]], [[1], [2]], 'valid')).toThrow(
      /convolve2d: in 'valid' mode one input must be at least as large as the other in every dimension, got x \[1,2\] and w \[2,1\]/,
    );
    expect(values(convolve2d([[1, 2]], [[1], [2]]))).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(() => correlate2d(x, W)).toThrow(/correlate2d: expected 'x' of rank 2, got shape \[9\]/);
    expect(() => convolve2d(image, [[[1]]])).toThrow(ShapeError);
    expect(() => convolve2d([[]], W)).toThrow(ValueError);
  });
});
