import { run as logisticCost } from '../chapters/logistic-cost.js';
import { run as scalingRegularization } from '../chapters/scaling-regularization.js';
import { run as softmax } from '../chapters/softmax.js';
import type { CourseProgram } from './course-program.js';

/**
 * The programs of the course's chapters 2–4 (regression, logistic regression, scaling and
 * regularization, multi-layer networks and softmax), in the course's order.
 * @example for (const p of chapters2to4) console.log(p.section, p.name);
 */
export const chapters2to4: readonly CourseProgram[] = [
  {
    section: '2.5',
    title: 'Logistic regression: the cost −log(ŷ) / −log(1 − ŷ)',
    name: 'logistic-cost',
    run: logisticCost,
    // The course: 2.3 → 0.91 → 0.51 (y = 1) and 2.3 → 0.69 (y = 0), to two digits (−ln 0.4 = 0.916).
    checks: [
      { key: 'cost, y = 1', expected: [2.3, 0.91, 0.51], tolerance: 0.01 },
      { key: 'cost, y = 0', expected: [2.3, 0.69], tolerance: 0.01 },
    ],
  },
  {
    section: '3.1–3.4',
    title: 'Scaling, over- and underfitting, L1 / L2, k-fold cross-validation',
    name: 'scaling-regularization',
    run: scalingRegularization,
    checks: [
      // z = (x − μ) / s with the population s (the course's formula) for the apple table.
      { key: 'apples standardized (sugar)', expected: [-0.267, 1.336, -1.069], tolerance: 1e-3 },
      { key: 'apples standardized (weight)', expected: [-0.359, 1.364, -1.005], tolerance: 1e-3 },
    ],
  },
  {
    section: '4.5',
    title: 'Multi-class: softmax of the sigmoid logits, categorical cross-entropy',
    name: 'softmax',
    run: softmax,
    // The course's values, to the digits it prints.
    checks: [
      { key: 'z for ŷ = 0.9, 0.8, 0.7', expected: [2.2, 1.39, 0.85], tolerance: 0.005 },
      { key: 'sum of e^z', expected: 15.38, tolerance: 0.001 },
      { key: 'softmax(z)', expected: [0.59, 0.26, 0.15], tolerance: 0.005 },
      { key: 'ŷ / sum(ŷ)', expected: [0.375, 0.333, 0.292], tolerance: 5e-4 },
      { key: 'z for ŷ = 0.5, 0.2, 0.1', expected: [0, -1.39, -2.2], tolerance: 0.005 },
      { key: 'softmax(z) second', expected: [0.74, 0.18, 0.08], tolerance: 0.005 },
      { key: 'ŷ / sum(ŷ) second', expected: [0.625, 0.25, 0.125], tolerance: 5e-4 },
      { key: 'cross-entropy of a = [0.7, 0.1, 0.2], y = [0, 0, 1]', expected: [1.6094], tolerance: 1e-4 },
    ],
  },
];
