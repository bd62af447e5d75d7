import { Dense, Input } from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Sequential } from '../index.js';
import { formatLogValue, formatTimePerUnit, Progbar, ProgbarLogger } from './index.js';

const ESC = String.fromCharCode(27);
/** The text without its ANSI style codes. */
const plain = (s: string) =>
  s
    .split(ESC)
    .map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, '')))
    .join('');
const BAR = '━'.repeat(20);

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (s: string) => void chunks.push(s) } };
}

function clockOf(times: number[]) {
  let i = 0;
  return () => times[Math.min(i++, times.length - 1)];
}

describe('Progbar formatting', () => {
  test('values and times as Keras prints them', () => {
    expect(formatLogValue(0.16312)).toBe('0.1631');
    expect(formatLogValue(-2.5)).toBe('-2.5000');
    expect(formatLogValue(0.00001234)).toBe('1.2340e-05');
    expect(formatLogValue(0)).toBe('0.0000e+00');
    expect(formatLogValue(Number.NaN)).toBe('nan');
    expect(formatLogValue(Number.POSITIVE_INFINITY)).toBe('inf');
    expect(formatTimePerUnit(0.025, 'step')).toBe(' 25ms/step');
    expect(formatTimePerUnit(2.4, 'step')).toBe(' 2s/step');
    expect(formatTimePerUnit(0.00031, 'step')).toBe(' 310us/step');
    expect(formatTimePerUnit(0, 'step')).toBe(' 0s/step');
  });

  test('on a TTY: a colored bar redrawn in place with \\r, the ETA, then the elapsed time', () => {
    const { chunks, stream } = capture(true);
    // start 0; step 1 at 0.5 s; an update 10 ms later is skipped; the end at 12.2 s.
    const bar = new Progbar({ target: 469, stream, clock: clockOf([0, 0.5, 0.51, 12.2]) });
    bar.update(1, [
      ['accuracy', 0.5],
      ['loss', 1.23456],
    ]);
    bar.update(2, [
      ['accuracy', 0.6],
      ['loss', 1.1],
    ]);
    bar.update(
      469,
      [
        ['accuracy', 0.95123],
        ['loss', 0.16312],
      ],
      true,
    );
    expect(chunks).toHaveLength(2);
    expect(chunks[0]).toBe(
      `\r\x1b[1m  1/469\x1b[0m \x1b[37m${BAR}\x1b[0m \x1b[1m3:54\x1b[0m 500ms/step - accuracy: 0.5000 - loss: 1.2346`,
    );
    // (12.2 - 0.5) / 468 s per step after the first; 12 s in all; padded to clear the longer previous line.
    expect(plain(chunks[1])).toBe(`\r469/469 ${BAR} 12s 25ms/step - accuracy: 0.9512 - loss: 0.1631  \n`);
    expect(chunks[1]).toContain(`\x1b[32m${BAR}\x1b[0m`);
  });

  test('off a TTY: one line per redraw; verbose 2: one line at the end; unknown targets', () => {
    const off = capture(false);
    const bar = new Progbar({ target: 10, stream: off.stream, clock: clockOf([0, 1, 3]) });
    bar.update(5, [['loss', 0.5]]);
    bar.update(10, [['loss', 0.25]], true);
    // Step 5 at 1 s: 200 ms/step, 1 s left; the end at 3 s (no step 1 was seen: 3 s / 10 steps).
    expect(off.chunks.map(plain)).toEqual([
      ` 5/10 ${BAR} 1s 200ms/step - loss: 0.5000\n`,
      `10/10 ${BAR} 3s 300ms/step - loss: 0.2500\n`,
    ]);
    expect(off.chunks[0]).toContain(`\x1b[32m${'━'.repeat(10)}\x1b[0m\x1b[37m${'━'.repeat(10)}\x1b[0m`);
    const two = capture(false);
    const quiet = new Progbar({ target: 469, verbose: 2, stream: two.stream, clock: clockOf([0, 0.5, 12.2]) });
    quiet.update(1, [['loss', 1]]);
    quiet.update(
      469,
      [
        ['accuracy', 0.9512],
        ['loss', 0.1631],
        ['val_accuracy', 0.96],
        ['val_loss', 0.1377],
      ],
      true,
    );
    expect(two.chunks).toEqual([
      '469/469 - 12s - 25ms/step - loss: 0.1631 - accuracy: 0.9512 - val_accuracy: 0.9600 - val_loss: 0.1377\n',
    ]);
    const unknown = capture(false);
    const open = new Progbar({ target: null, stream: unknown.stream, clock: clockOf([0, 1]) });
    open.update(3, []);
    expect(unknown.chunks.map(plain)).toEqual(['      3/Unknown 1s 333ms/step\n']);
  });
});

describe('ProgbarLogger in fit, evaluate and predict', () => {
  function model() {
    const m = new Sequential([Input({ shape: [1] }), new Dense({ units: 1 })]);
    m.compile({ optimizer: new SGD({ learningRate: 0.01 }), loss: 'mse', metrics: ['mae'] });
    return m;
  }
  const x = tensor([[1], [2], [3], [4]]);
  const y = tensor([[1], [2], [3], [4]]);

  test("verbose 'auto' off a TTY prints Keras' per-epoch lines, metrics sorted, validation last", async () => {
    const { chunks, stream } = capture(false);
    await model().fit(x, y, {
      epochs: 2,
      batchSize: 2,
      validationData: [x, y],
      callbacks: [new ProgbarLogger({ stream })],
    });
    expect(chunks).toHaveLength(4);
    expect(chunks[0]).toBe('Epoch 1/2\n');
    expect(chunks[2]).toBe('Epoch 2/2\n');
    const line =
      /^2\/2 - \d+s - \d+(ms|us|s)\/step - loss: \d+\.\d{4} - mae: \d+\.\d{4} - val_loss: \d+\.\d{4} - val_mae: \d+\.\d{4}\n$/;
    expect(chunks[1]).toMatch(line);
    expect(chunks[3]).toMatch(line);
  });

  test("verbose 'auto' on a TTY draws the bar in place; one epoch prints no 'Epoch' line", async () => {
    const { chunks, stream } = capture(true);
    await model().fit(x, y, {
      epochs: 1,
      batchSize: 1,
      validationData: [x, y],
      callbacks: [new ProgbarLogger({ stream })],
    });
    const last = plain(chunks.at(-1)!);
    expect(chunks.every((c) => c.startsWith('\r'))).toBe(true);
    expect(last).toMatch(
      new RegExp(
        `^\\r4/4 ${BAR} \\d+s \\d+(ms|us|s)/step - loss: \\S+ - mae: \\S+ - val_loss: \\S+ - val_mae: \\S+ *\\n$`,
      ),
    );
    expect(chunks.some((c) => c.includes('Epoch'))).toBe(false);
  });

  test('a dataset of unknown length shows Unknown, then learns the step count after the first epoch', async () => {
    const { chunks, stream } = capture(true);
    const batches = [
      [x, y],
      [x, y],
    ] as const;
    await model().fitDataset(batches, { epochs: 2, callbacks: [new ProgbarLogger({ stream })] });
    const text = chunks.map(plain).join('');
    expect(text).toContain('      1/Unknown');
    expect(text).toContain(`Epoch 2/2\n\r1/2 ${'━'.repeat(10)}`);
  });

  test('verbose 0 prints nothing; evaluate and predict get their own bar', async () => {
    const m = model();
    const quiet = capture(false);
    await m.fit(x, y, { epochs: 3, verbose: 0, callbacks: [new ProgbarLogger({ stream: quiet.stream })] });
    expect(quiet.chunks).toEqual([]);
    const ev = capture(false);
    await m.evaluate(x, y, { batchSize: 2, callbacks: [new ProgbarLogger({ stream: ev.stream })] });
    expect(ev.chunks).toHaveLength(1);
    expect(ev.chunks[0]).toMatch(/^2\/2 - \d+s - \d+(ms|us|s)\/step - loss: \S+ - mae: \S+\n$/);
    const pr = capture(false);
    m.predict(x, { batchSize: 3, callbacks: [new ProgbarLogger({ stream: pr.stream })] });
    expect(pr.chunks).toHaveLength(1);
    expect(pr.chunks[0]).toMatch(/^2\/2 - \d+s - \d+(ms|us|s)\/step\n$/);
  });
});
