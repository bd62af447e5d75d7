import { checkGradients, type Variable } from '@horn/autograd';
import { add, concat, matmul, randomNormal, slice, type Tensor, tanh, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  type CellLike,
  deserializeLayer,
  GRU,
  GRUCell,
  type LayerConfig,
  type LayerShape,
  LSTM,
  LSTMCell,
  RNN,
  RNNCell,
  SimpleRNN,
  SimpleRNNCell,
  StackedRNNCells,
  serializeLayer,
} from '../index.js';
import { expectClose } from './reference-math.test.helpers.js';

/** Keras' MinimalRNNCell example (keras.layers.RNN docs), written as an RNNCell subclass. */
class MinimalRNNCell extends RNNCell<LayerConfig & { units: number }> {
  static override readonly configKeys = ['units'];
  static override readonly className = 'MinimalRNNCell';
  kernel!: Variable;
  recurrentKernel!: Variable;
  get stateSize(): number {
    return this.config.units;
  }
  override build(shape: LayerShape | LayerShape[]): void {
    const inputDim = (shape as LayerShape).at(-1) as number;
    this.kernel = this.addWeight('kernel', [inputDim, this.config.units], { initializer: 'glorotUniform' });
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.config.units, this.config.units]);
  }
  step(x: Tensor, [prev]: Tensor[]): [Tensor, Tensor[]] {
    const output = add(matmul(x, this.kernel), matmul(prev, this.recurrentKernel));
    return [output, [output]];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.config.units };
  }
}

describe('RNN with user-written cells', () => {
  test('an RNNCell subclass (Keras MinimalRNNCell) trains its weights, serializes through customObjects', () => {
    const rnn = new RNN({ cell: new MinimalRNNCell({ units: 3 }), returnSequences: true });
    const x = randomNormal([2, 4, 2], { seed: 1 });
    const y = rnn.apply(x) as Tensor;
    expect(y.shape).toEqual([2, 4, 3]);
    expect(rnn.trainableWeights.map((w) => w.name)).toEqual([
      `${rnn.cell instanceof RNNCell ? rnn.cell.name : ''}/kernel`,
      `${rnn.cell instanceof RNNCell ? rnn.cell.name : ''}/recurrent_kernel`,
    ]);
    // By hand: y_t = x_t·K + y_{t-1}·U.
    const cell = rnn.cell as MinimalRNNCell;
    let prev = tensor([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    const steps: Tensor[] = [];
    for (let t = 0; t < 4; t++) {
      prev = add(
        matmul(slice(x, [0, t, 0], [2, 1, 2]).reshape([2, 2]), cell.kernel),
        matmul(prev, cell.recurrentKernel),
      );
      steps.push(prev.reshape([2, 1, 3]));
    }
    expectClose(y, concat(steps, 1));
    const config = serializeLayer(rnn);
    expect(config.config.cell).toMatchObject({ className: 'MinimalRNNCell', config: { units: 3 } });
    expect(() => deserializeLayer(config)).toThrow(/MinimalRNNCell/);
    const again = deserializeLayer(config, { MinimalRNNCell }) as RNN;
    expect(again.cell).toBeInstanceOf(MinimalRNNCell);
    again.apply(x);
    again.setWeights(rnn.getWeights());
    expectClose(again.apply(x) as Tensor, y);
  });

  test('a plain object with stateSize and call(x, states) runs (not serializable)', () => {
    const accumulator: CellLike = {
      stateSize: 2,
      call: (x, [h]) => {
        const y = add(x, h);
        return [y, [y]];
      },
    };
    const rnn = new RNN({ cell: accumulator, returnState: true });
    const [y, h] = rnn.apply(
      tensor([
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      ]),
    ) as unknown as Tensor[];
    expect(y.arraySync()).toEqual([[9, 12]]);
    expect(h.arraySync()).toEqual([[9, 12]]);
    expect(() => rnn.getConfig()).toThrow(/cannot serialize a cell that is not an RNNCell/);
    expect(() => new RNN({ cell: { stateSize: 2 } as never })).toThrow(/a cell must have a call\(x, states\) method/);
    expect(() => new RNN({ cell: { stateSize: 0, call: () => [] } as never })).toThrow(ValueError);
    expect(() => new RNN({ cell: { className: 'Dense', config: { units: 2 } } })).toThrow(
      /cell must be an RNN cell, got the layer Dense/,
    );
  });
});

describe('built-in cells', () => {
  test('RNN(LSTMCell) is LSTM, RNN(GRUCell) is GRU, RNN(SimpleRNNCell) is SimpleRNN (same weights, same numbers)', () => {
    const x = randomNormal([2, 5, 3], { seed: 2 });
    const pairs = [
      [new RNN({ cell: new LSTMCell({ units: 4 }) }), new LSTM({ units: 4 })],
      [new RNN({ cell: new GRUCell({ units: 4, resetAfter: false }) }), new GRU({ units: 4, resetAfter: false })],
      [
        new RNN({ cell: new SimpleRNNCell({ units: 4 }), goBackwards: true }),
        new SimpleRNN({ units: 4, goBackwards: true }),
      ],
    ] as const;
    for (const [generic, layer] of pairs) {
      generic.apply(x);
      layer.apply(x);
      layer.setWeights(generic.getWeights());
      expectClose(layer.apply(x) as Tensor, generic.apply(x) as Tensor);
    }
  });

  test('SimpleRNN, LSTM and GRU are RNNs (as Keras); their cell is their own', () => {
    for (const layer of [new SimpleRNN({ units: 2 }), new LSTM({ units: 2 }), new GRU({ units: 2 })]) {
      expect(layer).toBeInstanceOf(RNN);
      expect(layer.getConfig()).not.toHaveProperty('cell');
    }
    expect(() => new LSTM({ units: 2, name: 'own', cell: new GRUCell({ units: 2 }) } as never)).toThrow(
      "LSTM 'own': cell is not an option of LSTM, which makes its own cell; use RNN({ cell }) for another cell",
    );
  });

  test('the layers name their weights as before (TF.js names: lstm/kernel, lstm/recurrent_kernel, lstm/bias)', () => {
    const lstm = new LSTM({ units: 2, name: 'lstm_names' });
    lstm.apply(randomNormal([1, 2, 3]));
    expect(lstm.weights.map((w) => w.name)).toEqual([
      'lstm_names/kernel',
      'lstm_names/recurrent_kernel',
      'lstm_names/bias',
    ]);
    expect(lstm.kernel).toBe(lstm.cell.kernel);
  });

  test('StackedRNNCells: flat states, the last cell gives the output; config round-trips', () => {
    const stack = new StackedRNNCells({ cells: [new LSTMCell({ units: 3 }), new GRUCell({ units: 2 })] });
    expect(stack.stateSize).toEqual([3, 3, 2]);
    expect(stack.outputSize).toBe(2);
    const rnn = new RNN({ cell: stack, returnState: true });
    const outs = rnn.apply(randomNormal([2, 4, 5], { seed: 3 })) as unknown as Tensor[];
    expect(outs.map((o) => o.shape)).toEqual([
      [2, 2],
      [2, 3],
      [2, 3],
      [2, 2],
    ]);
    expectClose(outs[0], outs[3]);
    expect(rnn.trainableWeights.length).toBe(6);
    const again = deserializeLayer(serializeLayer(rnn)) as RNN;
    expect(serializeLayer(again).config.cell).toEqual(serializeLayer(rnn).config.cell);
  });

  test.each([
    ['SimpleRNNCell', () => new SimpleRNNCell({ units: 3 })],
    ['LSTMCell', () => new LSTMCell({ units: 3 })],
    ['GRUCell', () => new GRUCell({ units: 3 })],
    ['GRUCell resetAfter false', () => new GRUCell({ units: 3, resetAfter: false })],
  ] as const)('%s: gradients of a step (input, states, weights) match finite differences', (_, make) => {
    const cell = make();
    const x = randomNormal([2, 2], { seed: 4 });
    const states = cell.getInitialState(2).map((s, i) => randomNormal(s.shape, { seed: 5 + i }));
    cell.apply([x, ...states]);
    const weights = [cell.kernel!, cell.recurrentKernel!, cell.bias!].map((w) => w.clone());
    const saved = [cell.kernel, cell.recurrentKernel, cell.bias];
    try {
      const report = checkGradients(
        (input: Tensor, kernel: Tensor, recurrentKernel: Tensor, bias: Tensor, ...s: Tensor[]) => {
          Object.assign(cell, { kernel, recurrentKernel, bias });
          const [output, next] = cell.step(input, s, {});
          return concat([output, ...(next as Tensor[])], 1);
        },
        [x, ...weights, ...states],
        { epsilon: 1e-2, tolerance: 2e-3 },
      );
      expect(report.passed).toBe(true);
    } finally {
      Object.assign(cell, { kernel: saved[0], recurrentKernel: saved[1], bias: saved[2] });
    }
  });
});

describe('masks in recurrent layers', () => {
  const lengths = [3, 5];
  const x = randomNormal([2, 5, 3], { seed: 9 });
  const valid = (n: number) => slice(x, [n, 0, 0], [1, lengths[n], 3]);

  test.each([
    ['LSTM', () => new LSTM({ units: 4, returnState: true })],
    ['GRU', () => new GRU({ units: 4, returnState: true })],
    ['SimpleRNN goBackwards', () => new SimpleRNN({ units: 4, returnState: true, goBackwards: true })],
  ] as const)('%s: right and left padded sequences give the unpadded final output and states', (_, make) => {
    const layer = make();
    layer.apply(x);
    const right = tensor([
      [true, true, true, false, false],
      [true, true, true, true, true],
    ]).cast('bool');
    const padded = layer.apply(x, { mask: right }) as unknown as Tensor[];
    for (const n of [0, 1]) {
      const alone = layer.apply(valid(n)) as unknown as Tensor[];
      padded.forEach((p, i) => {
        expectClose(slice(p, [n, 0], [1, 4]), alone[i]);
      });
    }
    // Left padding: the real steps at the end of the row.
    const shifted = concat([slice(x, [0, 3, 0], [1, 2, 3]), slice(x, [0, 0, 0], [1, 3, 3])], 1);
    const left = layer.apply(shifted, {
      mask: tensor([[false, false, true, true, true]]).cast('bool'),
    }) as unknown as Tensor[];
    const alone = layer.apply(valid(0)) as unknown as Tensor[];
    left.forEach((p, i) => {
      expectClose(p, alone[i]);
    });
  });

  test('computeMask: the mask with returnSequences, null without, a null per state with returnState', () => {
    const mask = tensor([[true, false]]).cast('bool');
    expect(new LSTM({ units: 2, returnSequences: true }).computeMask(x, mask)).toBe(mask);
    expect(new LSTM({ units: 2 }).computeMask(x, mask)).toBeNull();
    expect(new LSTM({ units: 2, returnSequences: true, returnState: true }).computeMask(x, mask)).toEqual([
      mask,
      null,
      null,
    ]);
    expect(new GRU({ units: 2, returnState: true }).computeMask([x, x], [mask, null])).toEqual([null, null]);
    expect(new GRU({ units: 2 }).supportsMasking).toBe(true);
  });

  test('a mask of the wrong shape is a clear error; gradients flow through masked steps', () => {
    const lstm = new LSTM({ units: 2, name: 'masked' });
    expect(() => lstm.apply(x, { mask: tensor([[true, false]]).cast('bool') })).toThrow(
      "LSTM 'masked': expected a mask [batch, time] = [2, 5], got [1, 2]",
    );
    const mask = tensor([
      [true, true, true, false, false],
      [false, true, true, true, true],
    ]).cast('bool');
    const small = slice(x, [0, 0, 0], [2, 5, 2]);
    const gru = new GRU({ units: 2, returnSequences: true });
    gru.apply(small);
    const report = checkGradients((input) => tanh(gru.apply(input, { mask }) as Tensor), [small], {
      epsilon: 1e-2,
      tolerance: 2e-3,
    });
    expect(report.passed).toBe(true);
  });
});
