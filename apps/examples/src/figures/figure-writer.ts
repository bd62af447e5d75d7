/**
 * Writes the course's figures: each program draws its chapter's figures with `@horn/plot` into a
 * folder (default `apps/examples/figures/`, or the first command-line argument), as PNG and SVG,
 * and keeps the values behind each figure so tests can check them.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FigureSpec, writeFigure } from '@horn/plot';
import { runIfMain } from '../run-if-main.js';

/** The committed figures' folder, `apps/examples/figures/` (from `src/figures` and `dist/figures` alike). */
export const FIGURE_DIR = fileURLToPath(new URL('../../figures', import.meta.url));

/** One written figure: where it went, how long it took, and the numbers it draws. */
export interface WrittenCourseFigure {
  name: string;
  /** The course section it belongs to, e.g. '2.3'. */
  section: string;
  pngPath: string;
  pngBytes: number;
  /** Rendering time (spec to SVG to PNG on disk) in milliseconds; the data's own time is not in it. */
  renderMs: number;
  values: Record<string, number | number[]>;
}

/** Options every chapter's figure program takes. */
export interface FigureRunOptions {
  /** Fewer epochs and samples (tests); the figures keep their shape. Default false. */
  fast?: boolean;
  log?: (line: string) => void;
}

/** Collects the figures of a run into one folder. */
export class FigureWriter {
  readonly figures: WrittenCourseFigure[] = [];

  constructor(
    readonly dir: string = FIGURE_DIR,
    private readonly log: (line: string) => void = console.log,
    /** PNG pixels per SVG unit: 1.5 keeps the committed PNGs under 80 KB and sharp enough to read. */
    readonly scale = 1.5,
  ) {}

  /** Renders `spec` to `<dir>/<name>.png` and `.svg` (at `scale`, default the writer's), and records the values it draws. */
  async write(
    name: string,
    section: string,
    spec: FigureSpec,
    values: Record<string, number | number[]> = {},
    scale = this.scale,
  ): Promise<WrittenCourseFigure> {
    const started = performance.now();
    const out = await writeFigure(spec, join(this.dir, name), { scale });
    const figure = {
      name,
      section,
      pngPath: out.pngPath,
      pngBytes: out.pngBytes,
      renderMs: performance.now() - started,
      values,
    };
    this.figures.push(figure);
    this.log(
      `${section.padEnd(4)} ${`${name}.png`.padEnd(34)} ${(out.pngBytes / 1024).toFixed(1).padStart(5)} KB ` +
        `${figure.renderMs.toFixed(0).padStart(5)} ms`,
    );
    return figure;
  }
}

/** A chapter's figure program: draws its figures with the writer. */
export type ChapterFigures = (writer: FigureWriter, options?: FigureRunOptions) => Promise<void>;

/** Runs a chapter's figures when its file is run directly: `node dist/figures/chapter2.js [dir]`. */
export function runFiguresIfMain(moduleUrl: string, draw: ChapterFigures): void {
  runIfMain(moduleUrl, () => draw(new FigureWriter(process.argv[2] ?? FIGURE_DIR)));
}

/** Evenly spaced numbers from `start` to `stop` inclusive, as `np.linspace`. */
export function linspace(start: number, stop: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + ((stop - start) * i) / (count - 1));
}
