import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imshow } from '../specs/imshow.js';
import { linePlot } from '../specs/line-plot.js';
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
