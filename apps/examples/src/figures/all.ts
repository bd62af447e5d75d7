/**
 * Draws every figure of the course (`pnpm --filter @horn/examples figures`) into
 * `apps/examples/figures/` or the folder given as the first argument, then prints how long each took
 * to render (the first figure includes loading vega and resvg: the cold start).
 */
import { chapter2Figures } from './chapter2.js';
import { chapter3Figures } from './chapter3.js';
import { chapter4Figures } from './chapter4.js';
import { chapter5Figures } from './chapter5.js';
import { chapter6Figures } from './chapter6.js';
import { chapter7Figures } from './chapter7.js';
import { type ChapterFigures, FIGURE_DIR, FigureWriter, runFiguresIfMain } from './figure-writer.js';

/** Every chapter's figure program, in course order. */
export const CHAPTER_FIGURES: ChapterFigures[] = [
  chapter2Figures,
  chapter3Figures,
  chapter4Figures,
  chapter5Figures,
  chapter6Figures,
  chapter7Figures,
];

/** Runs them all into one writer; returns it with the figures it wrote. */
export async function allFigures(writer = new FigureWriter(FIGURE_DIR)): Promise<FigureWriter> {
  const started = performance.now();
  for (const draw of CHAPTER_FIGURES) await draw(writer);
  const ms = writer.figures.map((f) => f.renderMs);
  const warm = ms.slice(1).sort((a, b) => a - b);
  console.log(
    `${ms.length} figures in ${((performance.now() - started) / 1000).toFixed(1)} s; rendering: first (cold) ` +
      `${ms[0].toFixed(0)} ms, then median ${warm[Math.floor(warm.length / 2)].toFixed(0)} ms ` +
      `(min ${warm[0].toFixed(0)}, max ${warm.at(-1)?.toFixed(0)})`,
  );
  return writer;
}

runFiguresIfMain(import.meta.url, (writer) => allFigures(writer).then(() => undefined));
