/** A box of the diagram: an id, its text lines (the first drawn bold), the cluster it sits in. */
export interface DiagramBox {
  id: string;
  lines: string[];
  /** The id of the enclosing cluster (an expanded nested model), if any. */
  cluster?: string;
}

/** A dashed frame around the boxes of a nested model, labelled with its name. */
export interface DiagramCluster {
  id: string;
  label: string;
  /** The enclosing cluster, for models nested more than one level deep. */
  parent?: string;
}

/** An arrow from one box to another. */
export interface DiagramEdge {
  from: string;
  to: string;
}

const CHAR_WIDTH = 7;
const LINE_HEIGHT = 18;
const PADDING = 10;
const GAP_ALONG = 48;
const GAP_ACROSS = 24;
const MARGIN = 16;
const WAYPOINT = 8;

/**
 * Escapes text for XML content and attribute values.
 * @example escapeXml('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

/**
 * Lays the boxes out in ranks (the longest path from a source: rows for 'TB', columns for 'LR'),
 * ordered within a rank by the barycenter of their predecessors, with waypoints so that an edge
 * skipping ranks runs between boxes, and renders the diagram as a standalone SVG document: a
 * `<g class="layer">` per box, a `<path class="edge">` per edge, a `<g class="cluster">` per cluster.
 * @example renderDiagram([{ id: 'a', lines: ['dense (Dense)'] }], [], [], 'TB')
 */
export function renderDiagram(
  boxes: readonly DiagramBox[],
  edges: readonly DiagramEdge[],
  clusters: readonly DiagramCluster[],
  rankdir: 'TB' | 'LR',
): string {
  const rank = new Map(boxes.map((b) => [b.id, 0]));
  // Longest-path ranks on a DAG: relax every edge until nothing changes (at most one pass per box).
  for (let pass = 0; pass < boxes.length; pass++) {
    let changed = false;
    for (const { from, to } of edges) {
      const next = (rank.get(from) ?? 0) + 1;
      if (next > (rank.get(to) ?? 0)) {
        rank.set(to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const tb = rankdir === 'TB';
  // A slot is a box, or a waypoint of an edge that spans several ranks (so it runs between boxes).
  const size = new Map<string, { w: number; h: number }>();
  for (const b of boxes) {
    const w = Math.max(...b.lines.map((l) => l.length)) * CHAR_WIDTH + 2 * PADDING;
    const h = b.lines.length * LINE_HEIGHT + PADDING;
    size.set(b.id, { w, h });
  }
  const ranks: string[][] = [];
  for (const b of boxes) (ranks[rank.get(b.id) ?? 0] ??= []).push(b.id);
  const waypointRank = new Map<string, number>();
  const waypoints = edges.map(({ from, to }, e) => {
    const ids: string[] = [];
    for (let k = (rank.get(from) ?? 0) + 1; k < (rank.get(to) ?? 0); k++) {
      const id = `#waypoint-${e}-${k}`;
      waypointRank.set(id, k);
      size.set(id, tb ? { w: WAYPOINT, h: 0 } : { w: 0, h: WAYPOINT });
      (ranks[k] ??= []).push(id);
      ids.push(id);
    }
    return ids;
  });
  // Order each rank by the mean place of its slots' predecessors (the barycenter heuristic).
  const before = new Map<string, string[]>();
  edges.forEach(({ from, to }, e) => {
    const chain = [from, ...waypoints[e], to];
    for (let c = 1; c < chain.length; c++) before.set(chain[c], [...(before.get(chain[c]) ?? []), chain[c - 1]]);
  });
  for (let k = 1; k < ranks.length; k++) {
    const row = ranks[k] ?? [];
    const prev = ranks[k - 1] ?? [];
    const place = (id: string, i: number) => {
      const preds = (before.get(id) ?? []).map((p) => prev.indexOf(p)).filter((x) => x >= 0);
      return preds.length === 0
        ? (i + 0.5) / row.length
        : preds.reduce((a, x) => a + (x + 0.5) / prev.length, 0) / preds.length;
    };
    const keyed = row.map((id, i) => ({ id, key: place(id, i), i }));
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    ranks[k] = keyed.map((x) => x.id);
  }
  // Extent of each rank along the flow (its deepest box) and across it (its slots side by side).
  const extent = (id: string, dimension: 'along' | 'across') => {
    const { w, h } = size.get(id) ?? { w: 0, h: 0 };
    return (dimension === 'along') === tb ? h : w;
  };
  const along = ranks.map((r) => Math.max(0, ...(r ?? []).map((id) => extent(id, 'along'))));
  const across = ranks.map((r) => (r ?? []).reduce((a, id) => a + extent(id, 'across') + GAP_ACROSS, -GAP_ACROSS));
  const width = Math.max(0, ...across);
  const pos = new Map<string, { x: number; y: number; w: number; h: number }>();
  const bands: [number, number][] = [];
  let offset = MARGIN * 2;
  ranks.forEach((r, k) => {
    let at = MARGIN * 2 + (width - across[k]) / 2;
    for (const id of r ?? []) {
      const { w, h } = size.get(id) ?? { w: 0, h: 0 };
      pos.set(
        id,
        tb ? { x: at, y: offset + (along[k] - h) / 2, w, h } : { x: offset + (along[k] - w) / 2, y: at, w, h },
      );
      at += extent(id, 'across') + GAP_ACROSS;
    }
    bands[k] = [offset, offset + along[k]];
    offset += along[k] + GAP_ALONG;
  });
  const totalAlong = offset - GAP_ALONG + MARGIN * 2;
  const totalAcross = width + MARGIN * 4;
  const [svgW, svgH] = tb ? [totalAcross, totalAlong] : [totalAlong, totalAcross];
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${svgW}" height="${svgH}" viewBox="0 0 ${svgW} ${svgH}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#333"/></marker></defs>',
  ];
  for (const c of clusters) {
    const members = boxes.filter((b) => inCluster(b.cluster, c.id, clusters)).map((b) => pos.get(b.id));
    const inside = members.filter((m) => m !== undefined);
    if (inside.length === 0) continue;
    const depth = clusterDepth(c.id, clusters);
    const pad = MARGIN - 4 * depth;
    const x0 = Math.min(...inside.map((m) => m.x)) - pad;
    const y0 = Math.min(...inside.map((m) => m.y)) - pad;
    const x1 = Math.max(...inside.map((m) => m.x + m.w)) + pad;
    const y1 = Math.max(...inside.map((m) => m.y + m.h)) + pad;
    out.push(
      `<g class="cluster" id="${escapeXml(c.id)}"><rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" fill="none" stroke="#888" stroke-dasharray="5,3"/><text x="${x0 + 4}" y="${y0 - 4}" fill="#555">${escapeXml(c.label)}</text></g>`,
    );
  }
  edges.forEach(({ from, to }, e) => {
    const a = pos.get(from);
    const b = pos.get(to);
    if (!a || !b) return;
    const points = tb ? [[a.x + a.w / 2, a.y + a.h]] : [[a.x + a.w, a.y + a.h / 2]];
    for (const id of waypoints[e]) {
      const p = pos.get(id);
      const [start, end] = bands[waypointRank.get(id) ?? 0] ?? [0, 0];
      if (p)
        points.push(
          ...(tb
            ? [
                [p.x + p.w / 2, start],
                [p.x + p.w / 2, end],
              ]
            : [
                [start, p.y + p.h / 2],
                [end, p.y + p.h / 2],
              ]),
        );
    }
    points.push(tb ? [b.x + b.w / 2, b.y] : [b.x, b.y + b.h / 2]);
    const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'} ${x} ${y}`).join(' ');
    out.push(
      `<path class="edge" data-from="${escapeXml(from)}" data-to="${escapeXml(to)}" d="${d}" stroke="#333" fill="none" marker-end="url(#arrow)"/>`,
    );
  });
  for (const b of boxes) {
    const p = pos.get(b.id);
    if (!p) continue;
    const text = b.lines
      .map(
        (line, i) =>
          `<text x="${p.x + p.w / 2}" y="${p.y + PADDING / 2 + (i + 0.75) * LINE_HEIGHT}" text-anchor="middle"${i === 0 ? ' font-weight="bold" fill="#fff"' : ''}>${escapeXml(line)}</text>`,
      )
      .join('');
    out.push(
      `<g class="layer" id="${escapeXml(b.id)}"><rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" fill="#fff" stroke="#000"/><rect x="${p.x}" y="${p.y}" width="${p.w}" height="${LINE_HEIGHT + PADDING / 2}" fill="#000"/>${text}</g>`,
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function inCluster(cluster: string | undefined, target: string, clusters: readonly DiagramCluster[]): boolean {
  let at = cluster;
  while (at !== undefined) {
    if (at === target) return true;
    at = clusters.find((c) => c.id === at)?.parent;
  }
  return false;
}

function clusterDepth(id: string, clusters: readonly DiagramCluster[]): number {
  let depth = 0;
  let at = clusters.find((c) => c.id === id)?.parent;
  while (at !== undefined) {
    depth++;
    at = clusters.find((c) => c.id === at)?.parent;
  }
  return depth;
}
