import { checkGradients } from '@horn/autograd';
import { concat, mul, randomUniform, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { expectClose } from '../attention/goldens.test.helpers.js';
import { deserializeLayer, serializeLayer } from '../engine/serialize-layer.js';
import { runLayerTest } from '../testing/run-layer-test.js';
import { Bidirectional, type MergeMode } from './bidirectional.js';
import { bidirectionalCases, goldenBidirectional, goldenInputs } from './bidirectional.keras.test.helpers.js';
import { GRU } from './gru.js';
import { LSTM } from './lstm.js';
import { SimpleRNN } from './simple-rnn.js';

const list = (out: Tensor | Tensor[]) => (Array.isArray(out) ? out : [out]);

describe('Bidirectional follows the layer contract (runLayerTest)', () => {
  test.each(['concat', 'sum', 'mul', 'ave'] as const)(
    'merge mode %s over an LSTM with returnSequences',
    (mergeMode) => {
      runLayerTest(Bidirectional, {
        config: { layer: new LSTM({ units: 3, returnSequences: true }), mergeMode },
        inputShape: [2, 4, 2],
        expectedOutputShape: [2, 4, mergeMode === 'concat' ? 6 : 3],
        expectedNumTrainableWeights: 6,
      });
    },
  );

  test('a custom backward layer of another size, and dropout in training', () => {
    runLayerTest(Bidirectional, {
      config: {
        layer: new GRU({ units: 3, dropout: 0.2, seed: 1 }),
        backwardLayer: new GRU({ units: 2, goBackwards: true, resetAfter: false }),
      },
      inputShape: [2, 4, 2],
      expectedOutputShape: [2, 5],
      expectedNumTrainableWeights: 6,
      training: true,
    });
  });
});

describe('Bidirectional matches Keras 3', () => {
  test.each(bidirectionalCases(false).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const bi = goldenBidirectional(c);
    const out = list(bi.apply(goldenInputs(c)));
    expect(out).toHaveLength(c.outputs.length);
    out.forEach((o, i) => {
      expectClose(o, c.outputs[i]);
    });
    // The symbolic shapes agree with what the call returns.
    const shapes = bi.computeOutputShape(tensor(c.input).shape);
    const shapeList = (Array.isArray(shapes[0]) ? shapes : [shapes]) as number[][];
    expect(shapeList).toEqual(c.outputShapes);
  });

  test('weights come forward then backward, named after each direction', () => {
    const [c] = bidirectionalCases(false).filter((k) => k.name === 'lstm-concat');
    const bi = goldenBidirectional(c);
    expect(bi.weights.map((w) => w.name)).toEqual([
      `${bi.forwardLayer.name}/kernel`,
      `${bi.forwardLayer.name}/recurrent_kernel`,
      `${bi.forwardLayer.name}/bias`,
      `${bi.backwardLayer.name}/kernel`,
      `${bi.backwardLayer.name}/recurrent_kernel`,
      `${bi.backwardLayer.name}/bias`,
    ]);
    expect(bi.weights.map((w) => w.shape)).toEqual(c.weights.map((w) => w.shape));
  });
});

describe('Bidirectional masks', () => {
  const x = tensor([
    [
      [1, 0.5],
      [0.2, -1],
      [0, 0],
    ],
  ]);
  const mask = tensor([[true, true, false]], undefined, 'bool');

  test('the mask reaches both directions', () => {
    const bi = new Bidirectional({ layer: new SimpleRNN({ units: 2 }) });
    bi.apply(x);
    const seen: unknown[] = [];
    for (const layer of [bi.forwardLayer, bi.backwardLayer]) {
      const call = layer.call.bind(layer);
      layer.call = (inputs, options) => {
        seen.push(options.mask);
        return call(inputs, options);
      };
    }
    bi.apply(x, { mask });
    expect(seen).toEqual([mask, mask]);
    seen.length = 0;
    bi.apply([x, tensor([[0, 0]]), tensor([[0, 0]])], { mask: [mask, null, null] });
    expect(seen).toEqual([mask, mask]);
  });

  test('computeMask follows Keras: the mask with returnSequences, none without, nulls for states', () => {
    const seq = (mergeMode: MergeMode | null, returnState = false) =>
      new Bidirectional({ layer: new LSTM({ units: 2, returnSequences: true, returnState }), mergeMode });
    expect(seq('concat').computeMask(x, mask)).toBe(mask);
    expect(seq('sum').computeMask(x, [mask, null])).toBe(mask);
    expect(seq(null).computeMask(x, mask)).toEqual([mask, mask]);
    expect(seq('ave', true).computeMask(x, mask)).toEqual([mask, null, null, null, null]);
    expect(seq(null, true).computeMask(x, mask)).toEqual([mask, mask, null, null, null, null]);
    const last = (mergeMode: MergeMode | null) => new Bidirectional({ layer: new GRU({ units: 2 }), mergeMode });
    expect(last('mul').computeMask(x, mask)).toBeNull();
    expect(last(null).computeMask(x, mask)).toEqual([null, null]);
    expect(new Bidirectional({ layer: new GRU({ units: 2, returnState: true }) }).computeMask(x, mask)).toEqual([
      null,
      null,
      null,
    ]);
    expect(seq('concat').supportsMasking).toBe(true);
  });
});

describe('Bidirectional gradients', () => {
  test.each(['concat', 'sum', 'mul', 'ave', null] as const)('merge mode %s: checkGradients', (mergeMode) => {
    const [c] = bidirectionalCases(false).filter((k) => k.name === `lstm-seq-${mergeMode ?? 'none'}`);
    const bi = goldenBidirectional(c);
    // The weights live on the layer, or on its cell where the layer has one.
    const layers = [bi.forwardLayer, bi.backwardLayer].map((l) => (l as { cell?: object }).cell ?? l) as Record<
      'kernel' | 'recurrentKernel' | 'bias',
      Tensor
    >[];
    const saved = layers.flatMap((l) => [l.kernel, l.recurrentKernel, l.bias]);
    // Uneven output weights, so no error can cancel in the sum checkGradients takes.
    const shape = concat(list(bi.apply(tensor(c.input))), -1).shape;
    const coefficients = randomUniform(shape, { min: -1, max: 1, seed: 5 });
    // Runs the layer with its weights replaced by plain tensors, so checkGradients can move them.
    const f = (input: Tensor, ...ws: Tensor[]) => {
      layers.forEach((l, i) => {
        Object.assign(l, { kernel: ws[3 * i], recurrentKernel: ws[3 * i + 1], bias: ws[3 * i + 2] });
      });
      try {
        return mul(concat(list(bi.apply(input)), -1), coefficients);
      } finally {
        layers.forEach((l, i) => {
          Object.assign(l, { kernel: saved[3 * i], recurrentKernel: saved[3 * i + 1], bias: saved[3 * i + 2] });
        });
      }
    };
    const report = checkGradients(f, [tensor(c.input), ...saved.map((w) => w.clone())], {
      epsilon: 1e-2,
      tolerance: 2e-3,
    });
    expect(report.inputs).toHaveLength(7);
    expect(report.passed).toBe(true);
    // The swap really reaches both directions: zero weights give h = o·tanh(i·tanh(0)) = 0.
    const input = tensor(c.input);
    expect(
      f(input, ...saved.map((w) => w.mul(0)))
        .abs()
        .max()
        .dataSync()[0],
    ).toBe(0);
    expect(
      f(input, ...saved)
        .abs()
        .max()
        .dataSync()[0],
    ).toBeGreaterThan(0);
  });
});

describe('Bidirectional backwardLayer', () => {
  test('a given backward layer is used as is and serialized as backward_layer', () => {
    const backwardLayer = new LSTM({ units: 2, goBackwards: true, activation: 'relu', name: 'back' });
    const bi = new Bidirectional({ layer: new LSTM({ units: 3 }), backwardLayer, mergeMode: 'concat' });
    expect(bi.backwardLayer).toBe(backwardLayer);
    expect(bi.computeOutputShape([null, 4, 3])).toEqual([null, 5]);
    const config = serializeLayer(bi).config as Record<string, { config: Record<string, unknown> }>;
    expect(config.backwardLayer.config).toMatchObject({ name: 'back', units: 2, goBackwards: true });
    expect(config.layer.config).toMatchObject({ units: 3, goBackwards: false });
    const again = deserializeLayer(JSON.parse(JSON.stringify(serializeLayer(bi)))) as Bidirectional;
    expect(again.getConfig()).toEqual(bi.getConfig());
  });

  test('mismatched directions throw naming the attribute', () => {
    const layer = new SimpleRNN({ units: 2 });
    const bad = (backward: object) => () =>
      new Bidirectional({ layer, backwardLayer: new SimpleRNN({ units: 2, ...backward }), name: 'bi' });
    expect(bad({})).toThrow(ValueError);
    expect(bad({})).toThrow(
      "Bidirectional 'bi': the forward and backward layers must have different goBackwards values, got forward goBackwards=false and backward goBackwards=false",
    );
    expect(bad({ goBackwards: true, returnSequences: true })).toThrow(
      "Bidirectional 'bi': the forward and backward layers must have the same returnSequences, got false for the forward layer and true for the backward layer",
    );
    expect(bad({ goBackwards: true, returnState: true })).toThrow(/must have the same returnState, got false/);
    expect(() => new Bidirectional({ layer, backwardLayer: 'gru' as never })).toThrow(
      /backwardLayer must be a Layer or a \{ className, config \} object, got string/,
    );
  });

  test('initial states must split in two halves', () => {
    const bi = new Bidirectional({ layer: new SimpleRNN({ units: 2 }), name: 'bi' });
    const x = tensor([[[1], [2]]]);
    expect(() => bi.apply([x, tensor([[0, 0]])])).toThrow(
      "Bidirectional 'bi': initial states must come in two equal halves (forward, then backward), got 1",
    );
  });
});
