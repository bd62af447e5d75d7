import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chapter2Figures, gradientDescentPath } from './chapter2.js';
import { chapter6Figures } from './chapter6.js';
import { FigureWriter, type WrittenCourseFigure } from './figure-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'horn-figures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const writer = new FigureWriter(dir, () => {});

/** Checks the PNG signature and returns its width and height (IHDR). */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

function figure(name: string): WrittenCourseFigure {
  const f = writer.figures.find((g) => g.name === name);
  if (!f) throw new Error(`no figure ${name}`);
  const [w, h] = pngSize(f.pngPath);
  expect(w).toBeGreaterThan(150);
  expect(h).toBeGreaterThan(100);
  // Committed PNGs stay small.
  expect(f.pngBytes).toBeLessThan(80 * 1024);
  expect(readFileSync(f.pngPath.replace(/\.png$/, '.svg'), 'utf8')).toMatch(/^<svg/);
  return f;
}

describe('the course figures (a fast subset)', () => {
  it('chapter 2: the gradient-descent path, the Neuron fit, sigmoid/odds/logit and the logistic cost', async () => {
    await chapter2Figures(writer, { fast: true });
    const gd = figure('ch2-gradient-descent').values;
    // w ← w − 0.1·x(ŷ − y) with x = y = 2 from w = −1: J = ½(2·(−1) − 2)² = 8, then w = −0.2, 0.28, ...
    expect((gd.w as number[]).slice(0, 3).map((v) => +v.toFixed(4))).toEqual([-1, -0.2, 0.28]);
    expect((gd.cost as number[])[0]).toBe(8);
    expect(gradientDescentPath(0.1, 40).w.at(-1)).toBeCloseTo(1, 5);
    // The course's Neuron on the diabetes BMI column: w ≈ 913.6, b ≈ 123.4 ("Do it! 딥러닝 입문" prints 913.597…, 123.394…).
    const fit = figure('ch2-diabetes-fit').values;
    expect(fit.w as number).toBeCloseTo(913.6, 0);
    expect(fit.b as number).toBeCloseTo(123.39, 1);
    const curves = figure('ch2-sigmoid-odds-logit').values;
    expect(curves['sigmoid(0)']).toBeCloseTo(0.5, 6);
    expect(curves['odds(0.5)']).toBeCloseTo(1, 6);
    expect(curves['logit(0.5)']).toBeCloseTo(0, 6);
    // The course: cost → 2.3 as a → 0.1 for y = 1 (−ln 0.1 = 2.302585), 0.105 at a = 0.9.
    const cost = figure('ch2-logistic-cost').values;
    expect(cost['cost(y=1, a=0.1)']).toBeCloseTo(Math.LN10, 4);
    expect(cost['cost(y=1, a=0.9)']).toBeCloseTo(0.1053605, 4);
  });

  it('chapter 6: the worked convolutions and pooling, MNIST digits and a trained CNN', async () => {
    await chapter6Figures(writer, { fast: true });
    // The course prints [[12, 16], [24, 28]] (valid) and [[12, 16, 9], [24, 28, 15], [15, 17, 9]] (same).
    const conv = figure('ch6-conv2d-worked').values;
    expect(conv.valid).toEqual([12, 16, 24, 28]);
    expect(conv.same).toEqual([12, 16, 9, 24, 28, 15, 15, 17, 9]);
    const three = figure('ch6-three-filters').values.maps as number[];
    expect(three.slice(9, 12)).toEqual([120, 160, 90]);
    expect(three.slice(18, 21)).toEqual([-12, -16, -9]);
    const pool = figure('ch6-max-pooling').values;
    expect(pool.valid).toEqual([4]);
    expect(pool.same).toEqual([4, 3, 2, 1]);
    expect(figure('ch6-mnist-digit').values).toEqual({ label: 5, 'max pixel': 1 });
    expect(figure('ch6-mnist-feature-maps').values.shape).toEqual([1, 14, 14, 5]);
    expect(figure('ch6-mnist-digits').values.labels).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(figure('ch6-cnn-filters-maps').values).toEqual({ filterShape: [3, 3, 1, 8], mapShape: [1, 26, 26, 8] });
    const loss = figure('ch6-cnn-loss').values.loss as number[];
    expect(loss[1]).toBeLessThan(loss[0]);
  });
});
