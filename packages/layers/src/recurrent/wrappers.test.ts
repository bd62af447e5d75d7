import { GradientTape } from '@horn/autograd';
import { concat, flip, memory, ShapeError, sum, type Tensor, tensor, tidy, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  Bidirectional,
  Constant,
  Dense,
  deserializeLayer,
  GRU,
  LSTM,
  runLayerTest,
  SimpleRNN,
  serializeLayer,
  TimeDistributed,
} from '../index.js';

const close = (got: ArrayLike<number>, want: ArrayLike<number>, digits = 5) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], digits);
};

// batch 2, 3 steps, 2 features
const x = tensor([
  [
    [1, -1],
    [0.5, 2],
    [0, 1],
  ],
  [
    [-1, 0.5],
    [2, 0.5],
    [1, -2],
  ],
]);
const weights = {
  kernelInitializer: new Constant({
    value: [
      [0.1, -0.2],
      [0.4, 0.5],
    ],
  }),
  recurrentInitializer: new Constant({
    value: [
      [0.2, -0.1],
      [0.3, 0.1],
    ],
  }),
  biasInitializer: new Constant({ value: [0.1, -0.1] }),
};

describe('Bidirectional', () => {
  test('follows the layer contract', () => {
    runLayerTest(Bidirectional, {
      config: { layer: new SimpleRNN({ units: 3 }) },
      inputShape: [2, 4, 2],
      expectedOutputShape: [2, 6],
      expectedNumTrainableWeights: 6,
    });
    runLayerTest(Bidirectional, {
      config: { layer: new LSTM({ units: 2, returnSequences: true }), mergeMode: 'sum' },
      inputShape: [2, 3, 2],
      expectedOutputShape: [2, 3, 2],
      expectedNumTrainableWeights: 6,
    });
    runLayerTest(Bidirectional, {
      config: { layer: new GRU({ units: 2 }), mergeMode: 'ave' },
      inputShape: [2, 3, 2],
      expectedOutputShape: [2, 2],
    });
  });

  test('concat puts the forward and the backward final states side by side', () => {
    const bi = new Bidirectional({ layer: new SimpleRNN({ units: 2, ...weights }) });
    const out = bi.apply(x);
    expect(out.shape).toEqual([2, 4]);
    const forward = new SimpleRNN({ units: 2, ...weights }).apply(x);
    const backward = new SimpleRNN({ units: 2, ...weights }).apply(flip(x, 1));
    close(out.dataSync(), concat([forward, backward], 1).dataSync());
    expect(bi.forwardLayer.name).toMatch(/^forward_simple_rnn/);
    expect(bi.backwardLayer.name).toMatch(/^backward_simple_rnn/);
    expect(bi.backwardLayer.goBackwards).toBe(true);
    expect(bi.countParams()).toBe(2 * (2 * 2 + 2 * 2 + 2));
  });

  test('with returnSequences, the backward outputs are put back in time order', () => {
    const seq = { units: 2, returnSequences: true, ...weights };
    const forward = new SimpleRNN(seq).apply(x);
    // The backward layer reads x from the end; its step-t output is at position T-1-t: flip it back.
    const backward = flip(new SimpleRNN(seq).apply(flip(x, 1)), 1);
    const modes = {
      concat: concat([forward, backward], 2),
      sum: forward.add(backward),
      mul: forward.mul(backward),
      ave: forward.add(backward).mul(0.5),
    };
    for (const [mode, want] of Object.entries(modes)) {
      const bi = new Bidirectional({ layer: new SimpleRNN(seq), mergeMode: mode as 'concat' });
      const out = bi.apply(x);
      expect(out.shape).toEqual(want.shape);
      close(out.dataSync(), want.dataSync());
    }
    const split = new Bidirectional({ layer: new SimpleRNN(seq), mergeMode: null });
    const [f, b] = split.apply(x) as unknown as Tensor[];
    close(f.dataSync(), forward.dataSync());
    close(b.dataSync(), backward.dataSync());
    expect(split.computeOutputShape([null, 3, 2])).toEqual([
      [null, 3, 2],
      [null, 3, 2],
    ]);
  });

  test('returnState appends the forward then the backward states', () => {
    const bi = new Bidirectional({ layer: new LSTM({ units: 3, returnState: true }) });
    const out = bi.apply(x) as unknown as Tensor[];
    expect(out.map((t) => t.shape)).toEqual([
      [2, 6],
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3],
    ]);
    expect(bi.computeOutputShape([null, 3, 2])).toEqual([
      [null, 6],
      [null, 3],
      [null, 3],
      [null, 3],
      [null, 3],
    ]);
    close(out[0].slice([0, 0], [2, 3]).dataSync(), out[1].dataSync());
    close(out[0].slice([0, 3], [2, 3]).dataSync(), out[3].dataSync());
  });

  test('serializes both directions and rebuilds them, weights and names intact', () => {
    const bi = new Bidirectional({ layer: new GRU({ units: 2 }), name: 'bi' });
    bi.apply(x);
    const json = JSON.parse(JSON.stringify(serializeLayer(bi)));
    expect(json.className).toBe('Bidirectional');
    expect(json.config.layer.className).toBe('GRU');
    expect(json.config.backwardLayer.config.goBackwards).toBe(true);
    const again = deserializeLayer(json) as Bidirectional;
    expect(again.forwardLayer.name).toBe(bi.forwardLayer.name);
    again.apply(x);
    again.setWeights(bi.getWeights());
    close(again.apply(x).dataSync(), bi.apply(x).dataSync());
  });

  test('trains both directions and leaks nothing', () => {
    const bi = new Bidirectional({ layer: new SimpleRNN({ units: 2 }) });
    bi.apply(x);
    const before = memory().numTensors;
    tidy(() => {
      const tape = new GradientTape();
      const loss = tape.run(() => sum(bi.apply(x)));
      const grads = tape.gradient(loss, bi.trainableWeights);
      expect(grads.every((g) => g !== null && g.abs().sum().dataSync()[0] > 0)).toBe(true);
    });
    expect(memory().numTensors).toBe(before);
    bi.trainable = false;
    expect(bi.trainableWeights).toHaveLength(0);
    expect(bi.nonTrainableWeights).toHaveLength(6);
    expect(bi.forwardLayer.trainable).toBe(false);
  });

  test('bad layers and options throw', () => {
    expect(() => new Bidirectional({ layer: new Dense({ units: 2 }) })).toThrow(ValueError);
    expect(() => new Bidirectional({ layer: new Dense({ units: 2 }) })).toThrow(
      /layer must be a recurrent layer \(SimpleRNN, LSTM, GRU\), got Dense/,
    );
    expect(() => new Bidirectional({ layer: new SimpleRNN({ units: 2 }), mergeMode: 'max' as never })).toThrow(
      /mergeMode must be one of 'concat', 'sum', 'mul', 'ave'/,
    );
    expect(() => new Bidirectional({ layer: 3 as never })).toThrow(
      /layer must be a Layer or a \{ className, config \}/,
    );
    expect(
      () =>
        new Bidirectional({
          layer: new SimpleRNN({ units: 2 }),
          backwardLayer: new SimpleRNN({ units: 2 }),
        }),
    ).toThrow(/different goBackwards/);
    const bi = new Bidirectional({ layer: new SimpleRNN({ units: 2 }), name: 'b' });
    expect(() => bi.apply(tensor([[1, 2]]))).toThrow("Bidirectional 'b': expected input of rank 3, got [1, 2]");
  });
});

describe('TimeDistributed', () => {
  test('follows the layer contract', () => {
    runLayerTest(TimeDistributed, {
      config: { layer: new Dense({ units: 3 }) },
      inputShape: [2, 4, 5],
      expectedOutputShape: [2, 4, 3],
      expectedNumTrainableWeights: 2,
    });
  });

  test('applies the same Dense to every step', () => {
    const dense = new Dense({ units: 1, kernelInitializer: 'ones', biasInitializer: new Constant({ value: 0.5 }) });
    const td = new TimeDistributed({ layer: dense });
    const out = td.apply(x);
    expect(out.shape).toEqual([2, 3, 1]);
    close(out.dataSync(), [0.5, 3, 1.5, 0, 3, -0.5]);
    expect(td.countParams()).toBe(3);
    expect(td.computeOutputShape([null, 7, 2])).toEqual([null, 7, 1]);
    expect(td.getConfig().layer).toMatchObject({ className: 'Dense', config: { units: 1 } });
  });

  test('wraps a recurrent layer over a sequence of sequences', () => {
    const td = new TimeDistributed({ layer: new SimpleRNN({ units: 2, ...weights }) });
    const nested = tensor([x.arraySync() as number[][][]]); // [1, 2, 3, 2]: 2 sequences of 3 steps
    const out = td.apply(nested);
    expect(out.shape).toEqual([1, 2, 2]);
    close(out.dataSync(), new SimpleRNN({ units: 2, ...weights }).apply(x).dataSync());
  });

  test('needs rank >= 3', () => {
    const td = new TimeDistributed({ layer: new Dense({ units: 2 }), name: 'td' });
    expect(() => td.apply(tensor([[1, 2]]))).toThrow(ShapeError);
    expect(() => td.apply(tensor([[1, 2]]))).toThrow("TimeDistributed 'td': expected input of rank >= 3, got [1, 2]");
  });
});
