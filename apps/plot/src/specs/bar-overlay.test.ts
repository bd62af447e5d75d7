import { ShapeError, ValueError } from '@horn/tensor';
import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.js';
import { imshow } from './imshow.js';
import { linePlot } from './line-plot.js';
import { overlay } from './overlay.js';
import { scatter } from './scatter.js';

// biome-ignore lint/suspicious/noExplicitAny: reading into a Vega-Lite spec union
const any = (spec: unknown) => spec as any;

// softmax([3, 2, 1]) = e^z / sum e^z (NumPy: [0.66524096, 0.24472847, 0.09003057]).
const SOFTMAX = [0.66524096, 0.24472847, 0.09003057];

describe('barChart', () => {
  it('gives one bar per category, from zero, in the given order', () => {
    const spec = any(barChart({ categories: ['car', 'plane', 'rocket'], series: [{ name: 'p', values: SOFTMAX }] }));
    expect(spec.data.values).toEqual([
      { series: 'p', category: 'car', y: 0.66524096 },
      { series: 'p', category: 'plane', y: 0.24472847 },
      { series: 'p', category: 'rocket', y: 0.09003057 },
    ]);
    expect(spec.layer).toHaveLength(1);
    expect(spec.layer[0].mark).toEqual({ type: 'bar' });
    expect(spec.layer[0].encoding.x).toMatchObject({ field: 'category', sort: ['car', 'plane', 'rocket'] });
    expect(spec.layer[0].encoding.y.scale).toEqual({ zero: true });
    expect(spec.layer[0].encoding.xOffset).toBeUndefined();
    expect(spec.layer[0].encoding.color.legend).toBeNull();
  });

  it('groups several series side by side with a legend and writes values with the given decimals', () => {
    const spec = any(
      barChart({
        categories: [1, 2],
        series: [
          { name: 'L1', values: [0, -0.5] },
          { name: 'L2', values: [0.25, -0.375] },
        ],
        labelDigits: 3,
      }),
    );
    expect(spec.data.values.map((r: { category: string }) => r.category)).toEqual(['1', '2', '1', '2']);
    expect(spec.layer[0].encoding.xOffset).toEqual({ field: 'series', sort: ['L1', 'L2'] });
    expect(spec.layer[0].encoding.color.legend).toEqual({ orient: 'top-right' });
    expect(spec.layer[1].mark.type).toBe('text');
    expect(spec.layer[1].encoding.text).toEqual({ field: 'y', type: 'quantitative', format: '.3f' });
  });

  it('draws a log y axis and refuses what it cannot draw', () => {
    const log = any(barChart({ categories: ['a', 'b'], series: [{ name: 's', values: [1, 1000] }], yScale: 'log' }));
    expect(log.layer[0].encoding.y.scale).toEqual({ type: 'log' });
    const fixed = any(barChart({ categories: ['a'], series: [{ name: 's', values: [0.9] }], yDomain: [0.8, 1] }));
    expect(fixed.layer[0].mark).toEqual({ type: 'bar', clip: true });
    expect(fixed.layer[0].encoding.y.scale).toEqual({ domain: [0.8, 1] });
    const cats = ['a', 'b'];
    expect(() => barChart({ categories: cats, series: [{ name: 's', values: [1, 0] }], yScale: 'log' })).toThrow(
      /yScale 'log' needs every y > 0; value 1 is 0/,
    );
    expect(() => barChart({ categories: cats, series: [{ name: 's', values: [1] }] })).toThrow(ShapeError);
    expect(() => barChart({ categories: cats, series: [{ name: 's', values: [1] }] })).toThrow(
      /series 's' has 1 values for 2 categories/,
    );
    expect(() => barChart({ categories: ['a', 'a'], series: [{ name: 's', values: [1, 2] }] })).toThrow(/repeat/);
    expect(() => barChart({ categories: [], series: [] })).toThrow(ValueError);
    expect(() => barChart({ categories: cats, series: [{ name: 's', values: [1, 2] }], labelDigits: -1 })).toThrow(
      /labelDigits must be an integer from 0 to 10; got -1/,
    );
  });
});

describe('linePlot yScale', () => {
  it('draws log y for positive values and refuses zero, negatives and unknown scales', () => {
    const spec = any(linePlot({ series: [{ name: 'loss', y: [1, 0.1, 0.01] }], yScale: 'log' }));
    expect(spec.encoding.y.scale).toEqual({ type: 'log' });
    expect(
      any(linePlot({ series: [{ name: 'l', y: [1, 2] }], yScale: 'log', yDomain: [0.5, 4] })).encoding.y.scale,
    ).toEqual({ type: 'log', domain: [0.5, 4] });
    expect(() => linePlot({ series: [{ name: 'l', y: [1, -2] }], yScale: 'log' })).toThrow(/value 1 is -2/);
    expect(() => linePlot({ series: [{ name: 'l', y: [1] }], yScale: 'log', yDomain: [0, 1] })).toThrow(
      /yDomain\[0\] > 0; got 0/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: an unsupported scale on purpose
    expect(() => linePlot({ series: [{ name: 'l', y: [1] }], yScale: 'symlog' as any })).toThrow(
      /unknown yScale 'symlog'; expected 'linear' or 'log'/,
    );
  });

  it('gives whole-number x (epochs) whole-number ticks, and fractional x the default ticks', () => {
    expect(any(linePlot({ series: [{ name: 'l', y: [1, 2, 3] }] })).encoding.x.axis).toEqual({
      tickMinStep: 1,
      format: 'd',
    });
    expect(any(linePlot({ series: [{ name: 'l', x: [0.5, 1], y: [1, 2] }] })).encoding.x.axis).toBeUndefined();
  });

  it('fixes the x axis when given xDomain', () => {
    expect(any(linePlot({ series: [{ name: 'l', y: [1, 2] }], xDomain: [0, 10] })).encoding.x.scale).toEqual({
      domain: [0, 10],
    });
  });
});

describe('imshow annotate', () => {
  it('writes every value in its cell, white on the dark half of the colour map', () => {
    const spec = any(
      imshow(
        [
          [1, 0, -1],
          [1, 0, -1],
        ],
        { annotate: true },
      ),
    );
    expect(spec.layer).toHaveLength(2);
    expect(spec.layer[0].mark.type).toBe('rect');
    expect(spec.layer[1].encoding.text).toEqual({ field: 'label', type: 'nominal' });
    // Integers are written without decimals; -1 is black on 'gray' (dark), so its text is white.
    expect(spec.data.values.slice(0, 3)).toEqual([
      { r: 0, c: 0, v: 1, label: '1', dark: false },
      { r: 0, c: 1, v: 0, label: '0', dark: false },
      { r: 0, c: 2, v: -1, label: '-1', dark: true },
    ]);
    const reversed = any(imshow([[0.123, 0.9]], { annotate: true, cmap: 'gray_r', digits: 1 }));
    expect(reversed.data.values.map((d: { label: string; dark: boolean }) => [d.label, d.dark])).toEqual([
      ['0.1', false],
      ['0.9', true],
    ]);
    expect(any(imshow([[0.5, 1.25]], { annotate: true })).data.values[1].label).toBe('1.25');
  });

  it('refuses to annotate big images and bad decimals', () => {
    const big = Array.from({ length: 28 }, () => new Array(28).fill(0));
    expect(() => imshow(big, { annotate: true })).toThrow(/28x28 = 784 cells is more than 400/);
    expect(() => imshow([[1]], { annotate: true, digits: 1.5 })).toThrow(/digits must be an integer/);
  });
});

describe('overlay', () => {
  it('layers charts on shared scales, with the overlay title, labels and one legend', () => {
    const spec = any(
      overlay(
        [
          scatter({ series: [{ name: 'data', x: [1, 2], y: [3, 4] }], title: 'dropped' }),
          linePlot({ series: [{ name: 'fit', x: [1, 2], y: [3.1, 3.9] }], points: false }),
        ],
        { title: 'fit', xLabel: 'bmi', yLabel: 'target', legend: 'bottom-right' },
      ),
    );
    expect(spec.title).toBe('fit');
    expect(spec.layer).toHaveLength(2);
    expect(spec.layer[0].title).toBeUndefined();
    expect(spec.layer[0].$schema).toBeUndefined();
    expect(spec.layer[1].mark).toEqual({ type: 'line', point: false, strokeWidth: 2 });
    for (const layer of spec.layer) {
      expect(layer.encoding.x.title).toBe('bmi');
      expect(layer.encoding.y.title).toBe('target');
      expect(layer.encoding.color.legend).toEqual({ orient: 'bottom-right' });
    }
    expect(spec.resolve.scale).toEqual({ x: 'shared', y: 'shared', color: 'shared' });
  });

  it('refuses no layers, grids and unknown legend places', () => {
    const line = linePlot({ series: [{ name: 'a', y: [1] }] });
    expect(() => overlay([])).toThrow(ValueError);
    // biome-ignore lint/suspicious/noExplicitAny: a grid where a chart belongs, on purpose
    expect(() => overlay([{ concat: [] } as any])).toThrow(/layer 0 is a grid or concat/);
    // biome-ignore lint/suspicious/noExplicitAny: an unsupported place on purpose
    expect(() => overlay([line], { legend: 'best' as any })).toThrow(/unknown legend place 'best'/);
  });
});
