import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { barChart } from '../specs/bar-chart.js';
import { imshow } from '../specs/imshow.js';
import { linePlot } from '../specs/line-plot.js';
import { overlay } from '../specs/overlay.js';
import { scatter } from '../specs/scatter.js';
import { subplots } from '../specs/subplots.js';
import { writeFigure } from './write-figure.js';

const dir = mkdtempSync(join(tmpdir(), 'horn-plot-'));

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): [number, number] {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

function svgSize(svg: string): [number, number] {
  const m = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg);
  if (!m) throw new Error('no svg size');
  return [Number(m[1]), Number(m[2])];
}

const count = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;

describe('writeFigure', () => {
  it('writes an SVG with one line per series and a PNG twice its size', async () => {
    const spec = linePlot({
      series: [
        { name: 'loss', y: [0.9, 0.6, 0.4] },
        { name: 'val_loss', y: [1, 0.8, 0.7] },
      ],
      title: 'Loss',
    });
    const out = await writeFigure(spec, join(dir, 'sub', 'loss'));
    const svg = readFileSync(out.svgPath, 'utf8');
    expect(count(svg, 'line mark')).toBe(2);
    expect(count(svg, 'point')).toBe(6);
    expect(svg).toContain('>val_loss</text>');
    const [w, h] = svgSize(svg);
    expect(pngSize(readFileSync(out.pngPath))).toEqual([2 * w, 2 * h]);
    expect(out.pngBytes).toBe(readFileSync(out.pngPath).length);
  });

  it('draws a scatter point per value and a rect per pixel of every subplot', async () => {
    const s = await writeFigure(scatter({ series: [{ name: 'a', x: [1, 2, 3, 4], y: [4, 3, 2, 1] }] }), join(dir, 's'));
    expect(count(readFileSync(s.svgPath, 'utf8'), 'point')).toBe(4);
    const cells = [0, 1, 2, 3, 4, 5].map((k) =>
      imshow([
        [k, 1, 2],
        [3, 4, 5],
      ]),
    );
    const g = await writeFigure(subplots(cells, { rows: 2, cols: 3 }), join(dir, 'g'), { scale: 1 });
    const svg = readFileSync(g.svgPath, 'utf8');
    expect(count(svg, 'rect mark')).toBe(36);
    expect(pngSize(readFileSync(g.pngPath))).toEqual(svgSize(svg));
  });

  it('wants the path without an extension', async () => {
    await expect(writeFigure(scatter({ series: [{ name: 'a', x: [1], y: [1] }] }), join(dir, 'x.png'))).rejects.toThrow(
      /without extension/,
    );
  });
});

describe('writeFigure of the course builders', () => {
  it('renders bars, log axes, annotated cells and overlays with their text', async () => {
    const bars = await writeFigure(
      barChart({ categories: ['car', 'plane'], series: [{ name: 'p', values: [0.73, 0.27] }], labelDigits: 2 }),
      join(dir, 'bars'),
    );
    const barSvg = readFileSync(bars.svgPath, 'utf8');
    expect(count(barSvg, 'bar')).toBe(2);
    expect(barSvg).toContain('>0.73</text>');
    expect(barSvg).toContain('>plane</text>');
    const log = readFileSync(
      (await writeFigure(linePlot({ series: [{ name: 'l', y: [1, 0.01] }], yScale: 'log' }), join(dir, 'log'))).svgPath,
      'utf8',
    );
    expect(log).toContain('>0.01</text>');
    expect(log).toContain('>0.1</text>');
    const ann = await writeFigure(imshow([[1, 0, -1]], { annotate: true, title: 'filter' }), join(dir, 'ann'));
    const annSvg = readFileSync(ann.svgPath, 'utf8');
    expect(count(annSvg, 'rect mark')).toBe(3);
    expect(annSvg).toContain('>-1</text>');
    const [w, h] = svgSize(annSvg);
    expect(pngSize(readFileSync(ann.pngPath))).toEqual([2 * w, 2 * h]);
    const both = overlay([
      scatter({ series: [{ name: 'data', x: [1, 2, 3], y: [1, 2, 2] }] }),
      linePlot({ series: [{ name: 'fit', x: [1, 3], y: [1, 2.4] }], points: false }),
    ]);
    const ov = readFileSync((await writeFigure(both, join(dir, 'ov'))).svgPath, 'utf8');
    expect(count(ov, 'point')).toBe(3);
    expect(count(ov, 'line mark')).toBe(1);
    expect(ov).toContain('>fit</text>');
  });
});
