/** How a column's text sits in its cell. */
export type Justify = 'left' | 'right' | 'center';

/** Python's `round`: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * The column widths (padding included) Keras' `print_summary` gets from rich: each column is
 * `int(position * lineLength)` minus the previous, plus 2 for padding; when that overflows the
 * line (borders included), rich takes the excess off the columns evenly (`ratio_reduce`).
 * @example tableWidths(76, [0.45, 0.8, 1]) // [33, 24, 15]
 */
export function tableWidths(lineLength: number, positions: readonly number[]): number[] {
  let current = 0;
  const widths = positions.map((p) => {
    const w = Math.trunc(p * lineLength) - current;
    current += w;
    return w + 2;
  });
  const available = lineLength - (widths.length + 1);
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= available) return widths;
  let remaining = total - available;
  let ratioLeft = widths.length;
  return widths.map((w) => {
    const cut = Math.min(w, roundHalfEven(remaining / ratioLeft));
    remaining -= cut;
    ratioLeft -= 1;
    return w - cut;
  });
}

/**
 * Word-wraps a cell as rich does: breaks at spaces, a word longer than the width is cut with an
 * ellipsis; every line is padded to the width according to `justify`.
 * @example wrapCell('conv2d (Conv2D)', 10, 'left') // ['conv2d    ', '(Conv2D)  ']
 */
export function wrapCell(text: string, width: number, justify: Justify): string[] {
  if (width <= 0) return [''];
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.match(/\s*\S+\s*/g) ?? [''];
    let line = '';
    for (const word of words) {
      const length = word.trimEnd().length;
      if (width - line.length >= length) line += word;
      else if (line.length > 0) {
        lines.push(line);
        line = word.trimStart();
      } else line += word;
    }
    lines.push(line);
  }
  return lines.map((raw) => {
    let line = raw.trimEnd();
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    const pad = width - line.length;
    if (justify === 'right') return ' '.repeat(pad) + line;
    if (justify === 'center') return ' '.repeat(Math.floor(pad / 2)) + line + ' '.repeat(pad - Math.floor(pad / 2));
    return line + ' '.repeat(pad);
  });
}

/**
 * Draws a table like rich's `Table(box=HEAVY_HEAD, show_lines=True)`: a heavy header, light rows
 * separated by lines. `widths` include the one-space padding on each side.
 * @example renderTable(['A', 'B'], ['left', 'right'], [5, 5], [['x', '1']])
 */
export function renderTable(
  headers: readonly string[],
  justify: readonly Justify[],
  widths: readonly number[],
  rows: readonly (readonly string[])[],
): string[] {
  const edge = (left: string, fill: string, mid: string, right: string) =>
    left + widths.map((w) => fill.repeat(w)).join(mid) + right;
  const renderRow = (cells: readonly string[], bar: string): string[] => {
    const wrapped = cells.map((c, i) => wrapCell(c, widths[i] - 2, justify[i]));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from(
      { length: height },
      (_, k) => bar + wrapped.map((w, i) => ` ${w[k] ?? ' '.repeat(widths[i] - 2)} `).join(bar) + bar,
    );
  };
  const lines = [edge('┏', '━', '┳', '┓'), ...renderRow(headers, '┃')];
  if (rows.length > 0) lines.push(edge('┡', '━', '╇', '┩'));
  rows.forEach((row, i) => {
    if (i > 0) lines.push(edge('├', '─', '┼', '┤'));
    lines.push(...renderRow(row, '│'));
  });
  lines.push(edge('└', '─', '┴', '┘'));
  return lines;
}
