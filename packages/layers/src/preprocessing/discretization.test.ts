import { tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Discretization, deserializeLayer, Input, runLayerTest, serializeLayer } from '../index.js';

describe('Discretization', () => {
  test('follows the layer contract (int and one_hot)', () => {
    runLayerTest(Discretization, {
      config: { binBoundaries: [0, 1, 2] },
      inputShape: [1, 4],
      inputData: tensor([[-1.5, 1, 3.4, 0.5]]),
      expectedOutputShape: [1, 4],
      expectedOutput: [[0, 2, 3, 1]],
    });
    runLayerTest(Discretization, {
      config: { binBoundaries: [0], outputMode: 'one_hot' },
      inputShape: [2, 1],
      inputData: tensor([[-1], [1]]),
      expectedOutputShape: [2, 2],
      expectedOutput: [
        [1, 0],
        [0, 1],
      ],
    });
  });

  test('adapt finds boundaries; the config round-trips them (Keras from_config)', () => {
    const layer = new Discretization({ num_bins: 4, epsilon: 0.01 });
    expect(() => layer.apply(tensor([[1]]))).toThrow(/no bin boundaries: pass binBoundaries, or call adapt/);
    layer.adapt(
      tensor([
        [-1.5, 1.0, 3.4, 0.5],
        [0.0, 3.0, 1.3, 0.0],
      ]),
    );
    expect(layer.binBoundaries?.map((b) => Number(b.toFixed(5)))).toEqual([0, 0.5, 1.3]);
    const out = layer.apply(
      tensor([
        [-1.5, 1.0, 3.4, 0.5],
        [0.0, 3.0, 1.3, 0.0],
      ]),
    );
    expect(out.dtype).toBe('int32');
    // Keras 3.15 on JAX gives these (0.5 sits on a boundary, so it goes to the bin above).
    expect(out.arraySync()).toEqual([
      [0, 2, 3, 2],
      [1, 3, 3, 1],
    ]);
    const back = deserializeLayer(serializeLayer(layer)) as Discretization;
    expect(back.binBoundaries).toEqual(layer.binBoundaries);
    expect(back.getConfig()).toEqual(layer.getConfig());
  });

  test('symbolic dtypes: int32 in int mode, float32 when encoded', () => {
    const x = Input({ shape: [3] });
    expect(new Discretization({ binBoundaries: [0] }).apply(x).dtype).toBe('int32');
    const counts = new Discretization({ binBoundaries: [0, 1], outputMode: 'count' }).apply(x);
    expect(counts.dtype).toBe('float32');
    expect(counts.shape).toEqual([null, 3]);
  });

  test('refuses bad options by name', () => {
    expect(() => new Discretization({})).toThrow(/set either numBins or binBoundaries/);
    expect(() => new Discretization({ numBins: 2, binBoundaries: [0] })).toThrow(/not both/);
    expect(() => new Discretization({ binBoundaries: [1, 0] })).toThrow(/increasing order/);
    expect(() => new Discretization({ numBins: -1 })).toThrow(ValueError);
    expect(() => new Discretization({ numBins: 2, epsilon: 0 })).toThrow(/epsilon must be a number in \(0, 1\]/);
    expect(() => new Discretization({ numBins: 2, sparse: true })).toThrow(/sparse/);
    expect(() => new Discretization({ binBoundaries: [0] }).adapt(tensor([1]))).toThrow(/cannot adapt/);
  });
});
