import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Input } from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Sequential } from '../index.js';
import { CSVLogger, LambdaCallback, type Logs, pythonFloat } from './index.js';

// Fixed log values, so the file's content is known exactly.
const fixed = (rows: Logs[]) =>
  new LambdaCallback({
    onEpochEnd: (epoch: number, logs?: Logs) => {
      if (!logs) return;
      for (const k of Object.keys(logs)) delete logs[k];
      Object.assign(logs, rows[epoch]);
    },
  });

function model() {
  const m = new Sequential([Input({ shape: [1] }), new Dense({ units: 1 })]);
  m.compile({ optimizer: new SGD({ learningRate: 0.01 }), loss: 'mse', metrics: ['mae'] });
  return m;
}

const x = tensor([[1], [2]]);
const y = tensor([[1], [2]]);

describe('pythonFloat', () => {
  test("writes numbers as Python's repr(float)", () => {
    expect([1, 0.5, 0.1, 1e-5, 1.5e-4, 123456.25, 1e16, 2.5e20, -3, Number.NaN, -Infinity].map(pythonFloat)).toEqual([
      '1.0',
      '0.5',
      '0.1',
      '1e-05',
      '0.00015',
      '123456.25',
      '1e+16',
      '2.5e+20',
      '-3.0',
      'nan',
      '-inf',
    ]);
  });
});

describe('CSVLogger', () => {
  test('writes a header of sorted keys and one row per epoch (epoch 0-based)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'horn-csv-')), 'log.csv');
    await model().fit(x, y, {
      epochs: 2,
      verbose: 0,
      validationData: [x, y],
      callbacks: [
        fixed([
          { loss: 0.5, mae: 0.25, val_loss: 0.75, val_mae: 1 },
          { loss: 0.125, mae: 0.0001, val_loss: 0.5, val_mae: 0.5 },
        ]),
        new CSVLogger(file),
      ],
    });
    expect(readFileSync(file, 'utf8')).toBe(
      'epoch,loss,mae,val_loss,val_mae\n0,0.5,0.25,0.75,1.0\n1,0.125,0.0001,0.5,0.5\n',
    );
  });

  test('adds val_ columns (NA) when the first epoch has none; separator; append keeps one header', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'horn-csv-')), 'log.tsv');
    const rows = [{ loss: 1, mae: 0.5 }];
    await model().fit(x, y, { verbose: 0, callbacks: [fixed(rows), new CSVLogger(file, { separator: '\t' })] });
    expect(readFileSync(file, 'utf8')).toBe('epoch\tloss\tmae\tval_loss\tval_mae\n0\t1.0\t0.5\tNA\tNA\n');
    await model().fit(x, y, {
      verbose: 0,
      callbacks: [fixed(rows), new CSVLogger(file, { separator: '\t', append: true })],
    });
    expect(readFileSync(file, 'utf8').split('\n')).toEqual([
      'epoch\tloss\tmae\tval_loss\tval_mae',
      '0\t1.0\t0.5\tNA\tNA',
      '0\t1.0\t0.5\tNA\tNA',
      '',
    ]);
    // Without append the file starts over; appending to an empty file writes the header.
    writeFileSync(file, '');
    await model().fit(x, y, { verbose: 0, callbacks: [fixed(rows), new CSVLogger(file, { append: true })] });
    expect(readFileSync(file, 'utf8')).toBe('epoch,loss,mae,val_loss,val_mae\n0,1.0,0.5,NA,NA\n');
    expect(() => new CSVLogger('')).toThrow(/filename must be a non-empty string/);
  });
});
