import { Add, BatchNormalization, Concatenate, Conv2D, Dense, Flatten, Input, MaxPooling2D } from '@horn/layers';
import { ones, type Tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model, readableMemorySize, Sequential, summaryLines } from './index.js';
import { tableWidths } from './summary-table.js';

function mnistCnn(): Sequential {
  return new Sequential({
    name: 'mnist_cnn',
    layers: [
      Input({ shape: [28, 28, 1] }),
      new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu', name: 'conv2d' }),
      new MaxPooling2D({ poolSize: 2, name: 'max_pooling2d' }),
      new Flatten({ name: 'flatten' }),
      new Dense({ units: 10, activation: 'softmax', name: 'dense' }),
    ],
  });
}

function printed(model: Model, lineLength?: number): string {
  const lines: string[] = [];
  model.summary(lineLength, (line) => lines.push(line));
  return lines.join('\n');
}

describe('summary() in Keras 3 layout', () => {
  test('the MNIST CNN at Keras’ non-terminal width (76): 320 + 0 + 0 + 54,090 parameters', () => {
    // Keras 3 prints this (rich table, HEAVY_HEAD box, lines between rows) when stdout is not a
    // terminal: line_length = min(88, 80 - 4), positions [0.45, 0.80, 1.0].
    const expected = [
      'Model: "mnist_cnn"',
      '┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓',
      '┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃',
      '┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩',
      '│ conv2d (Conv2D)                 │ (None, 26, 26, 32)     │           320 │',
      '├─────────────────────────────────┼────────────────────────┼───────────────┤',
      '│ max_pooling2d (MaxPooling2D)    │ (None, 13, 13, 32)     │             0 │',
      '├─────────────────────────────────┼────────────────────────┼───────────────┤',
      '│ flatten (Flatten)               │ (None, 5408)           │             0 │',
      '├─────────────────────────────────┼────────────────────────┼───────────────┤',
      '│ dense (Dense)                   │ (None, 10)             │        54,090 │',
      '└─────────────────────────────────┴────────────────────────┴───────────────┘',
      ' Total params: 54,410 (212.54 KB)',
      ' Trainable params: 54,410 (212.54 KB)',
      ' Non-trainable params: 0 (0.00 B)',
    ].join('\n');
    expect(printed(mnistCnn(), 76)).toBe(expected);
    for (const line of expected.split('\n').slice(1, 12)) expect([...line]).toHaveLength(76);
  });

  test('at the default width of a wide terminal (88)', () => {
    const expected = [
      'Model: "mnist_cnn"',
      `┏${'━'.repeat(38)}┳${'━'.repeat(29)}┳${'━'.repeat(17)}┓`,
      `┃ ${'Layer (type)'.padEnd(36)} ┃ ${'Output Shape'.padEnd(27)} ┃ ${'Param #'.padStart(15)} ┃`,
      `┡${'━'.repeat(38)}╇${'━'.repeat(29)}╇${'━'.repeat(17)}┩`,
      '│ conv2d (Conv2D)                      │ (None, 26, 26, 32)          │             320 │',
    ];
    const saved = process.env.COLUMNS;
    process.env.COLUMNS = '200';
    try {
      expect(printed(mnistCnn()).split('\n').slice(0, 5)).toEqual(expected);
    } finally {
      if (saved === undefined) delete process.env.COLUMNS;
      else process.env.COLUMNS = saved;
    }
  });

  test('non-trainable parameters (BatchNormalization) and a wrapped class name', () => {
    const model = new Sequential({
      name: 'bn',
      layers: [
        Input({ shape: [8] }),
        new Dense({ units: 16, name: 'dense_a' }),
        new BatchNormalization({ name: 'batch_normalization' }),
        new Dense({ units: 4, name: 'dense_b' }),
      ],
    });
    expect(summaryLines(model, { lineLength: 76 }).slice(4)).toEqual([
      '│ dense_a (Dense)                 │ (None, 16)             │           144 │',
      '├─────────────────────────────────┼────────────────────────┼───────────────┤',
      '│ batch_normalization             │ (None, 16)             │            64 │',
      '│ (BatchNormalization)            │                        │               │',
      '├─────────────────────────────────┼────────────────────────┼───────────────┤',
      '│ dense_b (Dense)                 │ (None, 4)              │            68 │',
      '└─────────────────────────────────┴────────────────────────┴───────────────┘',
      // 276 * 4 bytes = 1104 B = 1.08 KB; 244 * 4 = 976 B; 32 * 4 = 128 B.
      ' Total params: 276 (1.08 KB)',
      ' Trainable params: 244 (976.00 B)',
      ' Non-trainable params: 32 (128.00 B)',
    ]);
  });

  test('a graph with two inputs and a shared layer gets the "Connected to" column', () => {
    const a = Input({ shape: [4], name: 'a' });
    const b = Input({ shape: [4], name: 'b' });
    const shared = new Dense({ units: 4, activation: 'tanh', name: 'shared' });
    const ha = shared.apply(a);
    const hb = shared.apply(b);
    const skip = new Add({ name: 'skip' }).apply([ha, a]);
    const cat = new Concatenate({ name: 'cat' }).apply([skip, hb]);
    const model = new Model({
      inputs: [a, b],
      outputs: new Dense({ units: 2, name: 'out' }).apply(cat),
      name: 'towers',
    });
    const lines = summaryLines(model, { lineLength: 60 });
    expect(lines.slice(0, 11)).toEqual([
      'Model: "towers"',
      '┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━━━━┓',
      '┃ Layer (type)    ┃ Output Shape ┃ Param # ┃ Connected to  ┃',
      '┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━━━━┩',
      '│ a (InputLayer)  │ (None, 4)    │       0 │ -             │',
      '├─────────────────┼──────────────┼─────────┼───────────────┤',
      '│ shared (Dense)  │ (None, 4)    │      20 │ a[0][0],      │',
      '│                 │              │         │ b[0][0]       │',
      '├─────────────────┼──────────────┼─────────┼───────────────┤',
      '│ b (InputLayer)  │ (None, 4)    │       0 │ -             │',
      '├─────────────────┼──────────────┼─────────┼───────────────┤',
    ]);
    expect(lines).toContain('│ cat             │ (None, 8)    │       0 │ skip[0][0],   │');
    expect(lines).toContain('│ (Concatenate)   │              │         │ shared[1][0]  │');
    // Keras' default for this layout is 108 wide.
    expect([...summaryLines(model, { lineLength: 108 })[1]]).toHaveLength(108);
  });

  test('a functional chain is "sequential-like": no Connected to, InputLayer listed', () => {
    const x = Input({ shape: [3], name: 'x' });
    const model = new Model({ inputs: x, outputs: new Dense({ units: 2, name: 'd' }).apply(x), name: 'chain' });
    expect(summaryLines(model, { lineLength: 76 }).slice(2, 7)).toEqual([
      '┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃',
      '┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩',
      '│ x (InputLayer)                  │ (None, 3)              │             0 │',
      '├─────────────────────────────────┼────────────────────────┼───────────────┤',
      '│ d (Dense)                       │ (None, 2)              │             8 │',
    ]);
  });

  test('a nested functional model is listed as one Functional row', () => {
    const ix = Input({ shape: [3] });
    const inner = new Model({ inputs: ix, outputs: new Dense({ units: 2 }).apply(ix), name: 'encoder' });
    const outer = new Sequential({
      name: 'outer',
      layers: [Input({ shape: [3] }), inner, new Dense({ units: 1, name: 'top' })],
    });
    expect(summaryLines(outer, { lineLength: 76 }).slice(4, 7)).toEqual([
      '│ encoder (Functional)            │ (None, 2)              │             8 │',
      '├─────────────────────────────────┼────────────────────────┼───────────────┤',
      '│ top (Dense)                     │ (None, 1)              │             3 │',
    ]);
  });

  test('an unbuilt model shows ? and 0 (unbuilt)', () => {
    const model = new Sequential({ name: 'later', layers: [new Dense({ units: 3, name: 'd3' })] });
    expect(summaryLines(model, { lineLength: 76 })[4]).toBe(
      '│ d3 (Dense)                      │ ?                      │   0 (unbuilt) │',
    );
  });

  test('a subclassed model lists its tracked layers with the shapes they were built for', () => {
    class Mlp extends Model {
      hidden = new Dense({ units: 5, name: 'hidden' });
      override call(x: Tensor): Tensor {
        return this.hidden.apply(x);
      }
    }
    const model = new Mlp({ name: 'mlp' });
    model.apply(ones([2, 3]));
    expect(summaryLines(model, { lineLength: 76 })[4]).toBe(
      '│ hidden (Dense)                  │ (None, 5)              │            20 │',
    );
  });

  test('sizes read like Keras: bytes, then KB, MB', () => {
    expect(readableMemorySize(0)).toBe('0.00 B');
    expect(readableMemorySize(1023)).toBe('1023.00 B');
    expect(readableMemorySize(3274 * 4)).toBe('12.79 KB');
    expect(readableMemorySize(54410 * 4)).toBe('212.54 KB');
    expect(readableMemorySize(3 * 1024 * 1024)).toBe('3.00 MB');
  });

  test('column widths follow rich: ratio_reduce takes the padding and borders off evenly', () => {
    expect(tableWidths(76, [0.45, 0.8, 1])).toEqual([33, 24, 15]);
    expect(tableWidths(88, [0.45, 0.8, 1])).toEqual([38, 29, 17]);
    expect(tableWidths(108, [0.3, 0.56, 0.74, 1])).toEqual([31, 27, 17, 28]);
  });
});
