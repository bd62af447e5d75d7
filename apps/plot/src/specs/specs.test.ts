import { ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, it } from 'vitest';
import { imshow } from './imshow.js';
import { linePlot } from './line-plot.js';
import { scatter } from './scatter.js';
import { subplots } from './subplots.js';

// biome-ignore lint/suspicious/noExplicitAny: reading into a Vega-Lite spec union
const any = (spec: unknown) => spec as any;

describe('linePlot', () => {
  it('rows every series against 1, 2, 3, ... and colours by series in the given order', () => {
    const spec = any(
      linePlot({
        series: [
          { name: 'loss', y: [0.9, 0.5] },
          { name: 'val_loss', y: new Float32Array([1, 0.75]) },
        ],
        title: 'Loss',
        xLabel: 'epoch',
        yLabel: 'loss',
      }),
    );
    expect(spec.data.values).toEqual([
      { series: 'loss', x: 1, y: 0.9 },
      { series: 'loss', x: 2, y: 0.5 },
      { series: 'val_loss', x: 1, y: 1 },
      { series: 'val_loss', x: 2, y: 0.75 },
    ]);
    expect(spec.mark).toEqual({ type: 'line', point: true, strokeWidth: 2 });
    expect(spec.encoding.x).toMatchObject({ field: 'x', type: 'quantitative', title: 'epoch' });
    expect(spec.encoding.y).toMatchObject({ field: 'y', type: 'quantitative', title: 'loss' });
    expect(spec.encoding.color).toMatchObject({ field: 'series', type: 'nominal', sort: ['loss', 'val_loss'] });
    expect(spec.title).toBe('Loss');
  });

  it('uses given x values and a fixed y domain', () => {
    const spec = any(linePlot({ series: [{ name: 's', x: [-1, 0, 1], y: [0.25, 0.5, 0.75] }], yDomain: [0, 1] }));
    expect(spec.data.values.map((r: { x: number }) => r.x)).toEqual([-1, 0, 1]);
    expect(spec.encoding.y.scale).toEqual({ domain: [0, 1] });
    expect(spec.encoding.color.legend).toBeNull();
  });

  it('refuses ragged, empty and non-finite series', () => {
    expect(() => linePlot({ series: [{ name: 's', x: [1, 2], y: [1, 2, 3] }] })).toThrow(ShapeError);
    expect(() => linePlot({ series: [{ name: 's', x: [1, 2], y: [1, 2, 3] }] })).toThrow(/2 x values but 3 y values/);
    expect(() => linePlot({ series: [] })).toThrow(ValueError);
    expect(() => linePlot({ series: [{ name: 'loss', y: [] }] })).toThrow(/series 'loss' y is empty/);
    expect(() => linePlot({ series: [{ name: 'loss', y: [1, Number.NaN] }] })).toThrow(/y\[1\] is NaN/);
  });
});

describe('scatter', () => {
  it('gives one point per (x, y), coloured by group', () => {
    const spec = any(
      scatter({
        series: [
          { name: 'a', x: [1, 2], y: [3, 4] },
          { name: 'b', x: [5], y: [6] },
        ],
      }),
    );
    expect(spec.mark).toMatchObject({ type: 'point', filled: true });
    expect(spec.data.values).toEqual([
      { series: 'a', x: 1, y: 3 },
      { series: 'a', x: 2, y: 4 },
      { series: 'b', x: 5, y: 6 },
    ]);
    expect(() => scatter({ series: [{ name: 'a', x: [1], y: [1, 2] }] })).toThrow(ShapeError);
  });
});

describe('imshow', () => {
  it('gives one cell per pixel, row 0 on top, gray from the minimum to the maximum', () => {
    const spec = any(
      imshow(
        [
          [0, 1, 2],
          [3, 4, 5],
        ],
        { title: 'img' },
      ),
    );
    expect(spec.mark).toEqual({ type: 'rect', strokeWidth: 0.6 });
    expect(spec.encoding.stroke.scale).toEqual(spec.encoding.color.scale);
    expect(spec.data.values).toHaveLength(6);
    expect(spec.data.values[4]).toEqual({ r: 1, c: 1, v: 4 });
    expect(spec.encoding.x).toMatchObject({ field: 'c', type: 'ordinal', axis: null, scale: { domain: [0, 1, 2] } });
    expect(spec.encoding.y).toMatchObject({ field: 'r', type: 'ordinal', scale: { domain: [0, 1] } });
    expect(spec.encoding.color.scale).toEqual({ range: ['black', 'white'], domain: [0, 5], clamp: true });
    expect(spec.width / 3).toBe(spec.height / 2);
  });

  it('reads a 2-D tensor and honours vmin, vmax and cmap', () => {
    const spec = any(
      imshow(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        { vmin: 0, vmax: 10, cmap: 'viridis' },
      ),
    );
    expect(spec.data.values.map((d: { v: number }) => d.v)).toEqual([1, 2, 3, 4]);
    expect(spec.encoding.color.scale).toEqual({ scheme: 'viridis', domain: [0, 10], clamp: true });
  });

  it('refuses non-2-D, ragged and empty images and unknown colour maps', () => {
    expect(() => imshow(tensor([[[1], [2]]]))).toThrow(ShapeError);
    expect(() => imshow(tensor([[[1], [2]]]))).toThrow(/expected a 2-D image \[height, width\]; got shape \[1, 2, 1\]/);
    expect(() => imshow([[1, 2], [3]])).toThrow(/ragged image: row 1 has 1 values, row 0 has 2/);
    expect(() => imshow([])).toThrow(ValueError);
    // biome-ignore lint/suspicious/noExplicitAny: an unsupported name on purpose
    expect(() => imshow([[1]], { cmap: 'jet' as any })).toThrow(/unknown cmap 'jet'/);
    expect(() => imshow([[1]], { vmin: 2, vmax: 1 })).toThrow(/vmax \(1\) must be greater than vmin \(2\)/);
  });
});

describe('subplots', () => {
  it('concatenates cells row by row, without their own schema and config', () => {
    const cells = [1, 2, 3].map((v) => imshow([[v]], { title: `c${v}` }));
    const spec = any(subplots(cells, { cols: 2, title: 'grid' }));
    expect(spec.columns).toBe(2);
    expect(spec.concat).toHaveLength(3);
    expect(spec.concat[2].title).toBe('c3');
    expect(spec.concat[0].$schema).toBeUndefined();
    expect(spec.concat[0].config).toBeUndefined();
    expect(spec.resolve).toEqual({ scale: { color: 'independent', stroke: 'independent' } });
  });

  it('takes rows of specs and refuses grids that do not fit', () => {
    const c = imshow([[1]]);
    expect(any(subplots([[c, c], [c]])).columns).toBe(2);
    expect(() => subplots([[c], [c, c]])).toThrow(/row 0 has 1 cells; expected 2/);
    expect(() => subplots([c, c, c], { rows: 1, cols: 2 })).toThrow(/3 cells do not fit a 1 x 2 grid/);
    expect(() => subplots([])).toThrow(ValueError);
    expect(() => subplots([c], { cols: 0 })).toThrow(/cols must be a positive integer/);
  });
});
