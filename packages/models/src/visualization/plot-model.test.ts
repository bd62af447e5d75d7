import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Add, Concatenate, Dense, Input } from '@horn/layers';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import { Model, modelToSvg, plotModel, Sequential } from '../index.js';

/** Parses the SVG (throwing on malformed XML) and lists its layer boxes, edges and clusters. */
function parse(svg: string) {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`invalid XML: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
  const groups = Array.from(doc.getElementsByTagName('g')) as Element[];
  const layers = groups.filter((g) => g.getAttribute('class') === 'layer');
  const paths = (Array.from(doc.getElementsByTagName('path')) as Element[]).filter(
    (p) => p.getAttribute('class') === 'edge',
  );
  return {
    root: doc.documentElement,
    boxes: layers.map((g) => g.getAttribute('id')),
    text: (id: string) =>
      (
        Array.from(layers.find((g) => g.getAttribute('id') === id)?.getElementsByTagName('text') ?? []) as Element[]
      ).map((t) => t.textContent),
    edges: paths.map((p) => `${p.getAttribute('data-from')} -> ${p.getAttribute('data-to')}`),
    points: paths.map((p) =>
      (p.getAttribute('d') ?? '')
        .split(' ')
        .filter((s) => /\d/.test(s))
        .map(Number),
    ),
    clusters: groups.filter((g) => g.getAttribute('class') === 'cluster').map((g) => g.getAttribute('id')),
    rects: layers.map((g) => {
      const r = g.getElementsByTagName('rect')[0] as Element;
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(r.getAttribute(k)));
      return { id: g.getAttribute('id'), x, y, w, h };
    }),
  };
}

/** Whether the segment (x1, y1)-(x2, y2) passes through the inside of the rectangle (Liang-Barsky). */
function crosses(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  r: { x: number; y: number; w: number; h: number },
): boolean {
  const eps = 0.5;
  let [t0, t1] = [0, 1];
  const dx = x2 - x1;
  const dy = y2 - y1;
  const clips: [number, number][] = [
    [-dx, x1 - (r.x + eps)],
    [dx, r.x + r.w - eps - x1],
    [-dy, y1 - (r.y + eps)],
    [dy, r.y + r.h - eps - y1],
  ];
  for (const [p, q] of clips) {
    if (p === 0) {
      if (q < 0) return false;
    } else if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
  }
  return t0 < t1;
}

/** Two inputs, a shared layer, a skip connection and two outputs (the graph of functional.test.ts). */
function twoTowers() {
  const a = Input({ shape: [4], name: 'a' });
  const b = Input({ shape: [4], name: 'b' });
  const shared = new Dense({ units: 4, name: 'shared' });
  const ha = shared.apply(a);
  const hb = shared.apply(b);
  const skip = new Add({ name: 'skip' }).apply([ha, a]);
  const cat = new Concatenate({ name: 'cat' }).apply([skip, hb]);
  const out1 = new Dense({ units: 2, name: 'out1' }).apply(cat);
  const out2 = new Dense({ units: 1, name: 'out2' }).apply(hb);
  return new Model({ inputs: [a, b], outputs: [out1, out2], name: 'two_towers' });
}

describe('plotModel / modelToSvg (Keras plot_model / model_to_dot, drawn as SVG)', () => {
  test('a Sequential: one box per layer (no InputLayer, as Keras), consecutive edges, valid SVG', () => {
    const model = new Sequential([
      Input({ shape: [784] }),
      new Dense({ units: 32, activation: 'relu', name: 'hidden' }),
      new Dense({ units: 10, name: 'logits' }),
    ]);
    const svg = parse(modelToSvg(model, { showShapes: true, showDtype: true }));
    expect(svg.root?.tagName).toBe('svg');
    expect(svg.root?.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.boxes).toEqual(['layer-hidden', 'layer-logits']);
    expect(svg.edges).toEqual(['layer-hidden -> layer-logits']);
    // Keras's label rows: the class name, then shapes as Python prints them, then the dtype.
    expect(svg.text('layer-hidden')).toEqual([
      'Dense',
      'Input shape: (None, 784)',
      'Output shape: (None, 32)',
      'Output dtype: float32',
    ]);
    expect(parse(modelToSvg(model, { showLayerNames: true })).text('layer-logits')).toEqual(['logits (Dense)']);
  });

  test('a functional graph: InputLayers drawn, one edge per distinct connection', () => {
    const model = twoTowers();
    const svg = parse(modelToSvg(model, { showShapes: true }));
    expect(svg.boxes).toEqual(model.layers.map((l) => `layer-${l.name}`));
    expect([...svg.boxes].sort()).toEqual([
      'layer-a',
      'layer-b',
      'layer-cat',
      'layer-out1',
      'layer-out2',
      'layer-shared',
      'layer-skip',
    ]);
    // Keras's model_to_dot walks each layer's inbound nodes; the shared layer's two calls give a -> shared and b -> shared.
    expect([...svg.edges].sort()).toEqual(
      [
        'layer-a -> layer-shared',
        'layer-b -> layer-shared',
        'layer-shared -> layer-skip',
        'layer-a -> layer-skip',
        'layer-skip -> layer-cat',
        'layer-shared -> layer-cat',
        'layer-cat -> layer-out1',
        'layer-shared -> layer-out2',
      ].sort(),
    );
    expect(svg.text('layer-a')).toEqual(['InputLayer', 'Output shape: (None, 4)']);
    expect(svg.text('layer-cat')).toEqual([
      'Concatenate',
      'Input shape: [(None, 4), (None, 4)]',
      'Output shape: (None, 8)',
    ]);
  });

  test('the same connection twice is one edge (Keras add_edge skips duplicates)', () => {
    const x = Input({ shape: [3], name: 'x' });
    const h = new Dense({ units: 3, name: 'h' }).apply(x);
    const model = new Model({ inputs: x, outputs: new Add({ name: 'double' }).apply([h, h]) });
    expect(parse(modelToSvg(model)).edges).toEqual(['layer-x -> layer-h', 'layer-h -> layer-double']);
  });

  test('rankdir: edges run downwards for TB and rightwards for LR', () => {
    const tb = parse(modelToSvg(twoTowers()));
    expect(tb.points).toHaveLength(8);
    for (const [, y1, , y2] of tb.points) expect(y2).toBeGreaterThan(y1);
    const lr = parse(modelToSvg(twoTowers(), { rankdir: 'LR' }));
    for (const [x1, , x2] of lr.points) expect(x2).toBeGreaterThan(x1);
  });

  test('an edge that skips ranks runs between the boxes, not through them', () => {
    for (const rankdir of ['TB', 'LR'] as const) {
      const svg = parse(modelToSvg(twoTowers(), { showShapes: true, rankdir }));
      svg.edges.forEach((edge, e) => {
        const [from, to] = edge.split(' -> ');
        const p = svg.points[e];
        for (let k = 0; k + 3 < p.length; k += 2) {
          for (const r of svg.rects) {
            if (r.id === from || r.id === to) continue;
            expect(crosses(p[k], p[k + 1], p[k + 2], p[k + 3], r), `${rankdir}: ${edge} crosses ${r.id}`).toBe(false);
          }
        }
      });
    }
  });

  test('expandNested: a nested Sequential becomes a frame, arrows reach the layers inside', () => {
    const inner = new Sequential({
      layers: [Input({ shape: [4] }), new Dense({ units: 3, name: 'in1' }), new Dense({ units: 2, name: 'in2' })],
      name: 'inner',
    });
    const x = Input({ shape: [4], name: 'x' });
    const model = new Model({ inputs: x, outputs: new Dense({ units: 1, name: 'head' }).apply(inner.apply(x)) });
    const flat = parse(modelToSvg(model));
    expect(flat.boxes).toEqual(['layer-x', 'layer-inner', 'layer-head']);
    expect(flat.text('layer-inner')).toEqual(['Sequential']);
    expect(flat.edges).toEqual(['layer-x -> layer-inner', 'layer-inner -> layer-head']);
    const nested = parse(modelToSvg(model, { expandNested: true }));
    expect(nested.boxes).toEqual(['layer-x', 'layer-in1', 'layer-in2', 'layer-head']);
    expect(nested.clusters).toEqual(['cluster-inner']);
    expect([...nested.edges].sort()).toEqual(
      ['layer-in1 -> layer-in2', 'layer-in2 -> layer-head', 'layer-x -> layer-in1'].sort(),
    );
  });

  test('expandNested: a nested functional model is entered at its InputLayer, as Keras', () => {
    const innerIn = Input({ shape: [4], name: 'inner_in' });
    const inner = new Model({
      inputs: innerIn,
      outputs: new Dense({ units: 2, name: 'inner_d' }).apply(innerIn),
      name: 'inner_f',
    });
    const x = Input({ shape: [4], name: 'x' });
    const model = new Model({ inputs: x, outputs: new Dense({ units: 1, name: 'head' }).apply(inner.apply(x)) });
    expect(parse(modelToSvg(model)).text('layer-inner_f')).toEqual(['Functional']);
    const nested = parse(modelToSvg(model, { expandNested: true }));
    expect(nested.boxes).toEqual(['layer-x', 'layer-inner_in', 'layer-inner_d', 'layer-head']);
    expect(nested.clusters).toEqual(['cluster-inner_f']);
    expect([...nested.edges].sort()).toEqual(
      ['layer-x -> layer-inner_in', 'layer-inner_in -> layer-inner_d', 'layer-inner_d -> layer-head'].sort(),
    );
  });

  test('names are escaped; plotModel writes .svg files and refuses other formats and options', async () => {
    const model = new Sequential([Input({ shape: [2] }), new Dense({ units: 1, name: 'a<b&"c"' })]);
    expect(parse(modelToSvg(model, { showLayerNames: true })).text('layer-a<b&"c"')).toEqual(['a<b&"c" (Dense)']);
    const dir = mkdtempSync(join(tmpdir(), 'horn-plot-'));
    try {
      const svg = await plotModel(model, { toFile: join(dir, 'model.svg') });
      expect(readFileSync(join(dir, 'model.svg'), 'utf8')).toBe(svg);
      await expect(plotModel(model, { toFile: join(dir, 'model.png') })).rejects.toThrow(/must name an .svg file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const bad = { showTrainable: true } as unknown as Parameters<typeof modelToSvg>[1];
    expect(() => modelToSvg(model, bad)).toThrow(/unsupported option 'showTrainable'/);
    expect(() => modelToSvg(model, { rankdir: 'BT' as 'TB' })).toThrow(/rankdir must be 'TB' or 'LR'/);
    expect(() => modelToSvg(model, { toFile: 'x.svg' } as never)).toThrow(/unsupported option 'toFile'/); // plotModel's
  });
});
