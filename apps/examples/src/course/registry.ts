import type { CourseProgram } from './course-program.js';
import { chapters2to4 } from './registry-2-4.js';
import { chapters5to7 } from './registry-5-7.js';

/**
 * Every course program, in the course's order: what `pnpm --filter @horn/examples run all` runs.
 * @example for (const p of courseRegistry) console.log(p.section, p.title);
 */
export const courseRegistry: readonly CourseProgram[] = [...chapters2to4, ...chapters5to7];
