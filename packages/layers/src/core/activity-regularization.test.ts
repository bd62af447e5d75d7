import { tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { ActivityRegularization, Dense, runLayerTest } from '../index.js';

const x = () =>
  tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);

describe('ActivityRegularization', () => {
  test('follows the layer contract', () => {
    runLayerTest(ActivityRegularization, {
      config: { l1: 0.01, l2: 0.1 },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedNumTrainableWeights: 0,
    });
  });

  test("passes the input through and adds Keras 3's penalty, divided by the batch size", () => {
    // Keras 3.15.1: ActivityRegularization(l1=0.01, l2=0.1)(x).losses == [4.655] = (0.01·21 + 0.1·91) / 2
    const layer = new ActivityRegularization({ l1: 0.01, l2: 0.1 });
    expect(layer.apply(x()).arraySync()).toEqual(x().arraySync());
    expect(layer.losses).toHaveLength(1);
    expect(layer.losses[0].dataSync()[0]).toBeCloseTo(4.655, 5);
    expect(new ActivityRegularization({ l1: 0.5 }).apply(tensor([[-2, 2]])).shape).toEqual([1, 2]);
    const l1Only = new ActivityRegularization({ l1: 0.5 });
    l1Only.apply(tensor([[-2, 2]]));
    expect(l1Only.losses[0].dataSync()[0]).toBeCloseTo(2, 6);
    // The base layer's activityRegularizer gets the same division (Keras 3.15: divide_no_nan by the batch).
    const dense = new Dense({
      units: 3,
      kernelInitializer: 'identity',
      useBias: false,
      activityRegularizer: { className: 'L1L2', config: { l1: 0.01, l2: 0.1 } },
    });
    dense.apply(x());
    expect(dense.losses[0].dataSync()[0]).toBeCloseTo(4.655, 5);
  });

  test('config is { l1, l2 } without activityRegularizer, as Keras', () => {
    const config = new ActivityRegularization({ l1: 0.01, l2: 0.1, name: 'ar' }).getConfig();
    expect(config).toMatchObject({ name: 'ar', l1: 0.01, l2: 0.1 });
    expect(config).not.toHaveProperty('activityRegularizer');
    expect(new ActivityRegularization().getConfig()).toMatchObject({ l1: 0, l2: 0 });
    expect(ActivityRegularization.configKeys).toEqual(['l1', 'l2']);
  });

  test('bad options are refused by name', () => {
    expect(() => new ActivityRegularization({ l1: -1 })).toThrow(ValueError);
    expect(() => new ActivityRegularization({ l1: -1 })).toThrow(
      /ActivityRegularization: l1 must be a non-negative finite number, got -1/,
    );
    expect(() => new ActivityRegularization({ activityRegularizer: 'l2' } as never)).toThrow(
      /pass l1 and l2, not activityRegularizer/,
    );
  });
});
