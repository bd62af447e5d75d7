import { describe, expect, test } from 'vitest';
import { parseArgs, UsageError } from './args.js';
import { formatRatio, formatValue, markdownTable, suiteTable } from './format.js';
import type { Measurement } from './measurement.js';
import { LSTM_SPEED_CASES } from './suites/lstm-training.js';
import { checkTargets, targetTable } from './targets.js';

const gflops = (contender: Measurement['contender'], caseName: string, value: number): Measurement => ({
  suite: 'matmul',
  case: caseName,
  contender,
  metric: 'GFLOP/s',
  direction: 'higher',
  status: 'ok',
  value,
  samples: [value],
});

describe('formatting fake results', () => {
  test('numbers get fewer decimals as they grow, and separators from 1,000', () => {
    expect(formatValue(9795.4)).toBe('9,795');
    expect(formatValue(123.456)).toBe('123');
    expect(formatValue(44.56)).toBe('44.6');
    expect(formatValue(3.14259)).toBe('3.14');
    expect(formatValue(Number.NaN)).toBe('–');
    expect(formatRatio(2.049)).toBe('2.05×');
    expect(formatRatio(Number.NaN)).toBe('–');
  });

  test('markdownTable pads columns: first left, the others right', () => {
    expect(markdownTable(['n', 'GFLOP/s'], [['128', '1.20']])).toBe(
      ['| n   | GFLOP/s |', '| :-- | ------: |', '| 128 |    1.20 |'].join('\n'),
    );
  });

  test('suiteTable: a row per case, a column per contender, ratios cpu/cpu, wasm/wasm and best/best', () => {
    const table = suiteTable(
      [
        gflops('horn-cpu', '1024', 1.5),
        gflops('horn-wasm', '1024', 90),
        gflops('tfjs-cpu', '1024', 1),
        gflops('tfjs-wasm', '1024', 45),
      ],
      'n',
    );
    const [header, , row] = table.split('\n');
    expect(header).toContain('Horn cpu (GFLOP/s)');
    expect(header).toContain('TF.js wasm (GFLOP/s)');
    expect(row.split('|').map((c) => c.trim())).toEqual([
      '',
      '1024',
      '1.50',
      '90.0',
      '1.00',
      '45.0',
      '1.50×',
      '2.00×',
      '2.00×',
      '',
    ]);
  });

  test('times: ratio is TF.js time over Horn time; failures and missing backends get footnotes', () => {
    const ms = (contender: Measurement['contender'], value: number): Measurement => ({
      ...gflops(contender, 'fwd', value),
      suite: 'conv',
      metric: 'ms',
      direction: 'lower',
    });
    const table = suiteTable(
      [
        ms('horn-cpu', 20),
        { ...ms('horn-wasm', 0), status: 'unavailable', value: undefined, note: 'not built' },
        ms('tfjs-cpu', 60),
        { ...ms('tfjs-wasm', 0), status: 'failed', value: undefined, note: 'Conv2DBackpropFilter not registered' },
      ],
      'case',
    );
    const lines = table.split('\n');
    expect(lines[2].split('|').map((c) => c.trim())).toEqual([
      '',
      'fwd',
      '20.0',
      'n/a',
      '60.0',
      'fails',
      '3.00×',
      '–',
      '3.00×',
      '',
    ]);
    expect(lines).toContain('- Horn wasm: n/a: not built');
    expect(lines).toContain('- TF.js wasm: fails: Conv2DBackpropFilter not registered');
  });
});

describe('command line', () => {
  test('defaults, lists and inline values', () => {
    const defaults = parseArgs([], 2);
    expect(defaults).toMatchObject({
      quick: false,
      json: false,
      rss: true,
      slow: false,
      wasmThreads: 2,
      hornTrainer: 'fit',
    });
    expect(defaults.only).toEqual(['matmul', 'conv', 'mlp', 'cnn', 'depthwise', 'lstm']);
    const o = parseArgs(
      ['--', '--quick', '--only=mlp,cnn', '--backend', 'wasm', '--wasm-threads', '1', '--json', '--horn-trainer=tape'],
      2,
    );
    expect(o).toMatchObject({
      quick: true,
      only: ['mlp', 'cnn'],
      backends: ['wasm'],
      wasmThreads: 1,
      json: true,
      hornTrainer: 'tape',
    });
  });

  test('bad input names what was wrong', () => {
    expect(() => parseArgs(['--only', 'matmul,gemm'])).toThrow(UsageError);
    expect(() => parseArgs(['--only', 'matmul,gemm'])).toThrow(/unknown gemm/);
    expect(() => parseArgs(['--backend'])).toThrow(/--backend needs a value/);
    expect(() => parseArgs(['--wasm-threads', '0'])).toThrow(/whole number/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument --fast/);
  });
});

describe('targets of issues 7 and 12 from fake results', () => {
  test('ratios against TF.js and the absolute CNN rate, with the best Horn backend', () => {
    const rate = (suite: string, caseName: string, contender: Measurement['contender'], value: number) => ({
      ...gflops(contender, caseName, value),
      suite,
      metric: 'samples/s',
    });
    const checks = checkTargets(
      [
        rate('mlp', 'MLP 784-128-10 train', 'horn-cpu', 3000),
        rate('mlp', 'MLP 784-128-10 train', 'horn-wasm', 25000),
        rate('mlp', 'MLP 784-128-10 train', 'tfjs-wasm', 10000),
        rate('cnn', 'CNN train', 'horn-wasm', 2400),
        rate('cnn', 'CNN train', 'tfjs-cpu', 30),
        gflops('horn-wasm', '1024', 60),
        gflops('tfjs-wasm', '1024', 45),
        rate('lstm', LSTM_SPEED_CASES.frozen, 'horn-cpu', 80),
        rate('lstm', LSTM_SPEED_CASES.frozen, 'horn-wasm', 900),
        rate('lstm', LSTM_SPEED_CASES.frozen, 'tfjs-wasm', 100),
        rate('lstm', LSTM_SPEED_CASES.embedding, 'horn-wasm', 5),
      ],
      1,
    );
    expect(checks.map((c) => [c.target, c.measured, c.met])).toEqual([
      ['MLP training >= 2x TF.js wasm', '2.50×', true],
      ['CNN training >= 3,000 samples/s', '2,400 samples/s', false],
      ['CNN training >= 100x TF.js cpu', '80.00×', false],
      ['matmul 1024 >= 0.9x TF.js wasm on one thread', '1.33×', true],
      ['LSTM training, Embedding frozen (issue 12) >= 2x TF.js wasm', '9.00×', true],
    ]);
    expect(targetTable(checks).split('\n')[3]).toMatch(
      /\| CNN training >= 3,000 samples\/s +\| +2,400 samples\/s \| not met \|/,
    );
  });
});
