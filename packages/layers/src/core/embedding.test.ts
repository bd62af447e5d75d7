import { GradientTape } from '@horn/autograd';
import { memory, mul, ShapeError, sum, tensor, tidy, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Constant, deserializeLayer, Embedding, runLayerTest, SimpleRNN, serializeLayer } from '../index.js';

// Row i of the table is [i, 10·i]: a lookup shows which rows were taken.
const table = [
  [0, 0],
  [1, 10],
  [2, 20],
  [3, 30],
  [4, 40],
];
const withTable = (extra: Record<string, unknown> = {}) =>
  new Embedding({ inputDim: 5, outputDim: 2, embeddingsInitializer: new Constant({ value: table }), ...extra });

describe('Embedding', () => {
  test('follows the layer contract', () => {
    runLayerTest(Embedding, {
      config: { inputDim: 10, outputDim: 4 },
      inputShape: [2, 3],
      inputData: tensor(
        [
          [1, 9, 0],
          [4, 4, 2],
        ],
        [2, 3],
        'int32',
      ),
      expectedOutputShape: [2, 3, 4],
      expectedNumTrainableWeights: 1,
    });
    runLayerTest(Embedding, {
      config: { inputDim: 6, outputDim: 2, inputLength: 2, embeddingsRegularizer: 'l2', maskZero: true },
      inputShape: [3, 2],
      inputData: tensor([
        [0, 5],
        [1, 2],
        [3, 3],
      ]),
      expectedOutputShape: [3, 2, 2],
    });
  });

  test('looks rows up by index, for int32 and integer-valued float indices', () => {
    const embed = withTable();
    const out = embed.apply(tensor([[3, 0, 4]], [1, 3], 'int32'));
    expect(out.shape).toEqual([1, 3, 2]);
    expect(out.arraySync()).toEqual([
      [
        [3, 30],
        [0, 0],
        [4, 40],
      ],
    ]);
    expect(embed.apply(tensor([1, 1])).arraySync()).toEqual([
      [1, 10],
      [1, 10],
    ]);
    expect(embed.countParams()).toBe(10);
    expect(embed.weights[0].name).toBe(`${embed.name}/embeddings`);
  });

  test('the gradient reaches the rows used; repeated indices accumulate', () => {
    const embed = withTable();
    const indices = tensor([[1, 3, 1, 1]], [1, 4], 'int32');
    const weightsPerStep = tensor([
      [
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
      ],
    ]);
    const tape = new GradientTape();
    const loss = tape.run(() => sum(mul(embed.apply(indices), weightsPerStep)));
    const [grad] = tape.gradient(loss, [embed.embeddings!]);
    // Row 1 is used at steps 0, 2, 3: [1+5+7, 2+6+8]; row 3 at step 1; rows 0, 2, 4 unused.
    expect(grad!.arraySync()).toEqual([
      [0, 0],
      [13, 16],
      [0, 0],
      [3, 4],
      [0, 0],
    ]);
  });

  test('defaults to Keras "uniform": RandomUniform(-0.05, 0.05)', () => {
    const embed = new Embedding({ inputDim: 50, outputDim: 8 });
    embed.apply(tensor([[0]]));
    const values = Array.from(embed.embeddings!.dataSync());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-0.05);
    expect(Math.max(...values)).toBeLessThan(0.05);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.08);
    expect(embed.getConfig()).toMatchObject({
      inputDim: 50,
      outputDim: 8,
      embeddingsInitializer: { className: 'RandomUniform', config: { minval: -0.05, maxval: 0.05 } },
      maskZero: false,
      inputLength: null,
    });
    const again = deserializeLayer(JSON.parse(JSON.stringify(serializeLayer(embed))));
    expect(again.getConfig()).toEqual(embed.getConfig());
  });

  test('computeMask marks the non-padding positions when maskZero is set', () => {
    const mask = withTable({ maskZero: true }).computeMask(tensor([[0, 3, 0, 1]]))!;
    expect(mask.dtype).toBe('bool');
    expect(mask.arraySync()).toEqual([[0, 1, 0, 1]]);
    expect(withTable().computeMask(tensor([[0, 3]]))).toBeNull();
  });

  test('feeds a SimpleRNN: [batch, time] indices -> [batch, time, outputDim] -> [batch, units]', () => {
    const embed = withTable();
    const rnn = new SimpleRNN({ units: 3 });
    const out = rnn.apply(embed.apply(tensor([[1, 2, 3]], [1, 3], 'int32')));
    expect(out.shape).toEqual([1, 3]);
    const before = memory().numTensors;
    tidy(() => {
      const tape = new GradientTape();
      const loss = tape.run(() => sum(rnn.apply(embed.apply(tensor([[4, 0]])))));
      const [g] = tape.gradient(loss, [embed.embeddings!]);
      // Only rows 4 and 0 get a gradient.
      const rows = g!.arraySync() as number[][];
      expect(rows[1]).toEqual([0, 0]);
      expect(rows[4].some((v) => v !== 0)).toBe(true);
    });
    expect(memory().numTensors).toBe(before);
  });

  test('out-of-range, negative and non-integer indices throw a ValueError naming the index and inputDim', () => {
    const embed = withTable({ name: 'emb' });
    expect(() => embed.apply(tensor([[1, 5]]))).toThrow(ValueError);
    expect(() => embed.apply(tensor([[1, 5]]))).toThrow(
      "Embedding 'emb': index 5 at flat position 1 is out of range for inputDim 5 (valid indices are 0 to 4)",
    );
    expect(() => embed.apply(tensor([[-1]]))).toThrow(/index -1 at flat position 0 is out of range for inputDim 5/);
    expect(() => embed.apply(tensor([[0.5, 1]]))).toThrow(
      "Embedding 'emb': indices must be integers, got 0.5 at flat position 0",
    );
  });

  test('inputLength is checked; bad options throw', () => {
    const embed = withTable({ inputLength: 3, name: 'fixed' });
    expect(embed.computeOutputShape([null, 3])).toEqual([null, 3, 2]);
    expect(() => embed.apply(tensor([[1, 2]]))).toThrow(ShapeError);
    expect(() => embed.apply(tensor([[1, 2]]))).toThrow(
      "Embedding 'fixed': expected input [batch, 3] (inputLength 3), got [1, 2]",
    );
    expect(() => new Embedding({ inputDim: 0, outputDim: 2 })).toThrow(
      'Embedding: inputDim must be a positive integer, got 0',
    );
    expect(() => new Embedding({ inputDim: 3, outputDim: 2.5 })).toThrow(/outputDim must be a positive integer/);
    expect(() => new Embedding({ inputDim: 3, outputDim: 2, embeddingsInitializer: 'unif' })).toThrow(
      /unknown initializer 'unif'/,
    );
  });
});
