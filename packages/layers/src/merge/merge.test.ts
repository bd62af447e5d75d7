import { ones, ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Add, Average, Concatenate, Maximum, Minimum, Multiply, runLayerTest, Subtract } from '../index.js';

const a = () =>
  tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
const b = () =>
  tensor([
    [10, 20, 30],
    [40, 50, 60],
  ]);

describe('elementwise merge layers', () => {
  test('follow the layer contract', () => {
    for (const cls of [Add, Multiply, Average, Maximum, Minimum]) {
      runLayerTest(cls, {
        config: {},
        inputShape: [
          [2, 3],
          [2, 3],
          [2, 3],
        ],
        expectedOutputShape: [2, 3],
      });
    }
    runLayerTest(Subtract, {
      config: {},
      inputShape: [
        [2, 3],
        [2, 3],
      ],
      expectedOutputShape: [2, 3],
    });
    runLayerTest(Add, {
      config: {},
      inputShape: [
        [2, 3, 4],
        [2, 1, 4],
      ],
      expectedOutputShape: [2, 3, 4],
    });
  });

  test('compute sums, products, means, extremes and differences', () => {
    expect(new Add().apply([a(), b()]).arraySync()).toEqual([
      [11, 22, 33],
      [44, 55, 66],
    ]);
    expect(new Multiply().apply([a(), b()]).arraySync()).toEqual([
      [10, 40, 90],
      [160, 250, 360],
    ]);
    expect(
      new Average()
        .apply([
          a(),
          b(),
          tensor([
            [0, 0, 0],
            [0, 0, 0],
          ]),
        ])
        .arraySync(),
    ).toEqual(
      [
        [11 / 3, 22 / 3, 11],
        [44 / 3, 55 / 3, 22],
      ].map((r) => r.map((v) => Math.fround(v))),
    );
    expect(new Subtract().apply([b(), a()]).arraySync()).toEqual([
      [9, 18, 27],
      [36, 45, 54],
    ]);
    expect(
      new Maximum()
        .apply([
          a(),
          tensor([
            [3, 3, 3],
            [3, 3, 3],
          ]),
        ])
        .arraySync(),
    ).toEqual([
      [3, 3, 3],
      [4, 5, 6],
    ]);
    expect(
      new Minimum()
        .apply([
          a(),
          tensor([
            [3, 3, 3],
            [3, 3, 3],
          ]),
        ])
        .arraySync(),
    ).toEqual([
      [1, 2, 3],
      [3, 3, 3],
    ]);
  });

  test('size-1 and missing dimensions broadcast after the batch axis, as Keras', () => {
    expect(new Add().apply([a(), tensor([[1], [2]])]).arraySync()).toEqual([
      [2, 3, 4],
      [6, 7, 8],
    ]);
    // [2, 3] + [2, 2, 3]: the rank-2 input becomes [2, 1, 3].
    const y = new Add().apply([a(), ones([2, 2, 3])]);
    expect(y.shape).toEqual([2, 2, 3]);
    expect(y.arraySync()).toEqual([
      [
        [2, 3, 4],
        [2, 3, 4],
      ],
      [
        [5, 6, 7],
        [5, 6, 7],
      ],
    ]);
    expect(
      new Add().computeOutputShape([
        [null, 3],
        [null, 2, 3],
      ]),
    ).toEqual([null, 2, 3]);
    expect(
      new Add().computeOutputShape([
        [null, 1],
        [4, 5],
      ]),
    ).toEqual([4, 5]);
  });

  test('mismatched shapes and bad calls give clear errors', () => {
    const add = new Add({ name: 'add_test' });
    expect(() => add.apply([ones([2, 3]), ones([2, 4])])).toThrow(ShapeError);
    expect(() => add.apply([ones([2, 3]), ones([2, 4])])).toThrow(
      "Add 'add_test': inputs have incompatible shapes [2, 3], [2, 4]",
    );
    expect(() => new Add({ name: 'a2' }).apply([ones([2, 3]), ones([3, 3])])).toThrow(
      "Add 'a2': inputs must have the same batch size, got [2, 3], [3, 3]",
    );
    expect(() => new Multiply({ name: 'm' }).apply(ones([2, 3]))).toThrow(
      "Multiply 'm': a merge layer must be called on an array of tensors, got one tensor",
    );
    expect(() => new Subtract({ name: 's' }).apply([a(), a(), a()])).toThrow(ValueError);
    expect(() => new Subtract({ name: 's' }).apply([a(), a(), a()])).toThrow(
      "Subtract 's': expected exactly 2 inputs, got 3",
    );
    // A built layer still checks later calls.
    const built = new Add({ name: 'a3' });
    built.apply([a(), b()]);
    expect(() => built.apply([a(), ones([2, 2])])).toThrow(/incompatible shapes/);
  });
});

describe('Concatenate', () => {
  test('follows the layer contract', () => {
    runLayerTest(Concatenate, {
      config: {},
      inputShape: [
        [2, 3],
        [2, 4],
      ],
      expectedOutputShape: [2, 7],
    });
    runLayerTest(Concatenate, {
      config: { axis: 1 },
      inputShape: [
        [2, 3, 4],
        [2, 1, 4],
      ],
      expectedOutputShape: [2, 4, 4],
    });
  });

  test('joins along the axis', () => {
    expect(
      new Concatenate()
        .apply([
          tensor([[1], [2]]),
          tensor([
            [3, 4],
            [5, 6],
          ]),
        ])
        .arraySync(),
    ).toEqual([
      [1, 3, 4],
      [2, 5, 6],
    ]);
    expect(new Concatenate({ axis: -2 }).apply([tensor([[[1, 2]]]), tensor([[[3, 4]]])]).arraySync()).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(
      new Concatenate().computeOutputShape([
        [null, 2],
        [null, null],
      ]),
    ).toEqual([null, null]);
  });

  test('mismatched shapes give clear errors', () => {
    const c = new Concatenate({ name: 'cat' });
    expect(() => c.apply([ones([2, 3]), ones([2, 4, 1])])).toThrow(
      "Concatenate 'cat': inputs must have the same rank, got [2, 3], [2, 4, 1]",
    );
    expect(() => new Concatenate({ name: 'cat2' }).apply([ones([2, 3, 1]), ones([2, 4, 2])])).toThrow(
      "Concatenate 'cat2': inputs must match in every dimension except axis -1, got [2, 3, 1], [2, 4, 2]",
    );
    expect(() => new Concatenate({ axis: 3, name: 'cat3' }).apply([ones([2, 3]), ones([2, 3])])).toThrow(ShapeError);
    expect(() => new Concatenate({ axis: 0.5 })).toThrow(ValueError);
  });
});
