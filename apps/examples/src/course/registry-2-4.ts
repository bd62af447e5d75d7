import { run as gradientDescent } from '../chapters/ch2-gradient-descent.js';
import { run as neuronDiabetes } from '../chapters/ch2-neuron-diabetes.js';
import { run as oddsLogit } from '../chapters/ch2-odds-logit.js';
import { run as gradientDescent4 } from '../chapters/ch4-gradient-descent.js';
import { run as multiclassNetwork } from '../chapters/ch4-multiclass-network.js';
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
    section: '2.1–2.2',
    title: 'MSE and gradient descent: the worked example x = 2, y = 2, w = −1, b = 0',
    name: 'ch2-gradient-descent',
    run: gradientDescent,
    // The course: J = ½(−2 − 2)² = 8, dJ/dw = (ŷ − y)x = −8, w = −1 − 0.01·(−8) = −0.92.
    // Converged: the error shrinks by 0.95 a step (analytic: w = 0.6, b = 0.8, 297 steps to 1e-6).
    checks: [
      { key: 'J', expected: 8 },
      { key: 'dJ/dw', expected: -8 },
      { key: 'dJ/db', expected: -4 },
      { key: 'GradientTape dJ/dw, dJ/db', expected: [-8, -4], tolerance: 1e-6 },
      { key: 'w after one step', expected: -0.92, tolerance: 1e-12 },
      { key: 'steps to convergence', expected: 297 },
      { key: 'converged w, b', expected: [0.6, 0.8], tolerance: 1e-6 },
    ],
  },
  {
    section: '2.3',
    title: "Linear regression from scratch: the course's Neuron on diabetes (bmi)",
    name: 'ch2-neuron-diabetes',
    run: neuronDiabetes,
    // NumPy running the course's Neuron verbatim (fixtures/course-2-4.json).
    checks: [
      { key: 'w', expected: 913.5973373, tolerance: 1e-6 },
      { key: 'b', expected: 123.3941418, tolerance: 1e-6 },
      { key: 'epochs to convergence', expected: 21 },
      { key: 'least-squares w', expected: 949.4352659, tolerance: 1e-3 },
      { key: 'least-squares b', expected: 152.133484, tolerance: 1e-3 },
    ],
  },
  {
    section: '2.4',
    title: 'Odds ratio, logit and sigmoid',
    name: 'ch2-odds-logit',
    run: oddsLogit,
    // NumPy at p = 0.1, 0.25, 0.5, 0.75, 0.9 (fixtures/course-2-4.json); the course prints none.
    checks: [
      { key: 'odds', expected: [0.1111111, 0.3333333, 1, 3, 9], tolerance: 1e-5 },
      { key: 'logit', expected: [-2.1972246, -1.0986123, 0, 1.0986123, 2.1972246], tolerance: 1e-5 },
      { key: 'sigmoid(logit)', expected: [0.1, 0.25, 0.5, 0.75, 0.9], tolerance: 1e-6 },
    ],
  },
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
      // NumPy running the same full-batch unit on the same rows (fixtures/course-2-4.json).
      { key: 'validation accuracy, raw features', expected: 0.78022, tolerance: 1e-4 },
      { key: 'validation accuracy, standardized', expected: 0.967033, tolerance: 1e-4 },
      { key: '|w|₁ without regularization', expected: 7.469267, tolerance: 1e-3 },
      { key: '|w|₁ with L1 α = 0.01', expected: 5.868298, tolerance: 1e-3 },
      { key: '‖w‖₂ with L2 α = 0.1', expected: 1.076073, tolerance: 1e-3 },
      { key: '‖w‖₂ without regularization', expected: 1.548711, tolerance: 1e-3 },
      { key: 'validation accuracy with L1', expected: 0.978022, tolerance: 1e-4 },
      { key: 'validation accuracy with L2', expected: 0.967033, tolerance: 1e-4 },
    ],
  },
  {
    section: '4.2–4.4',
    title: 'Batch, stochastic and mini-batch gradient descent; the two-layer network',
    name: 'ch4-gradient-descent',
    run: ({ short }) => gradientDescent4({ short }),
    // NumPy running the same algorithm on the same rows and batches (fixtures/course-2-4.json);
    // the course prints no accuracies in its text.
    checks: [
      { key: '4.2 batch, single layer (2000): accuracy', expected: 0.967033, tolerance: 1e-6 },
      { key: '4.2 batch, single layer (2000): loss', expected: 0.056208, tolerance: 1e-4 },
      { key: '4.2 batch, single layer: accuracy', expected: 0.967033, tolerance: 1e-6, fullOnly: true },
      { key: '4.2 batch, single layer: loss', expected: 0.040403, tolerance: 1e-4, fullOnly: true },
      { key: '4.2 stochastic, single layer (20): accuracy', expected: 0.967033, tolerance: 1e-6 },
      { key: '4.2 stochastic, single layer (20): loss', expected: 0.043573, tolerance: 1e-4 },
      { key: '4.2 stochastic, single layer: accuracy', expected: 0.967033, tolerance: 1e-6, fullOnly: true },
      { key: '4.2 stochastic, single layer: loss', expected: 0.027789, tolerance: 1e-4, fullOnly: true },
      { key: '4.3 two layers, ones (1000): accuracy', expected: 0.868132, tolerance: 1e-6 },
      { key: '4.3 two layers, ones (1000): loss', expected: 0.303573, tolerance: 1e-4 },
      { key: '4.3 two layers, ones: accuracy', expected: 0.989011, tolerance: 1e-6, fullOnly: true },
      { key: '4.3 two layers, ones: loss', expected: 0.051219, tolerance: 1e-4, fullOnly: true },
      { key: '4.3 two layers, random: accuracy', expected: 0.934066, tolerance: 1e-6 },
      { key: '4.3 two layers, random: loss', expected: 0.132449, tolerance: 1e-4 },
      { key: '4.4 mini-batch 32 (100): accuracy', expected: 0.967033, tolerance: 1e-6 },
      { key: '4.4 mini-batch 32 (100): loss', expected: 0.073131, tolerance: 1e-4 },
      { key: '4.4 mini-batch 32: accuracy', expected: 0.978022, tolerance: 1e-6, fullOnly: true },
      { key: '4.4 mini-batch 32: loss', expected: 0.024307, tolerance: 1e-4, fullOnly: true },
      { key: '4.4 mini-batch 128 (100): accuracy', expected: 0.912088, tolerance: 1e-6 },
      { key: '4.4 mini-batch 128 (100): loss', expected: 0.173663, tolerance: 1e-4 },
      { key: '4.4 mini-batch 128: accuracy', expected: 0.989011, tolerance: 1e-6, fullOnly: true },
      { key: '4.4 mini-batch 128: loss', expected: 0.063632, tolerance: 1e-4, fullOnly: true },
    ],
  },
  {
    section: '4.5',
    title: 'Multi-class: softmax of the sigmoid logits, categorical cross-entropy',
    name: 'softmax',
    run: softmax,
    // The course's values, to the digits it prints (9.0% and 16.7% for z = [1, 2, 3]).
    checks: [
      { key: 'z = [1, 2, 3]: softmax(z)', expected: [0.09, 0.24472847, 0.66524096], tolerance: 5e-4 },
      { key: 'z = [1, 2, 3]: z / sum(z)', expected: [0.167, 0.3333333, 0.5], tolerance: 5e-4 },
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
  {
    section: '4.5',
    title: "The multi-class network on Fashion-MNIST (the course's recipe, then Horn's)",
    name: 'ch4-multiclass-network',
    run: ({ short }) => multiclassNetwork({ short }),
    // NumPy running the same network on the same 1,600 / 400 images (fixtures/course-2-4.json);
    // reported after 3 epochs (both modes) and the course's 40 (full mode); chapter 6 of the course uses 48,000.
    checks: [
      { key: "the course's recipe, 3 epochs: accuracy", expected: 0.3, tolerance: 1e-6 },
      { key: "the course's recipe, 3 epochs: loss", expected: 3.025556, tolerance: 1e-3 },
      { key: "Horn's recipe, 3 epochs: accuracy", expected: 0.7325, tolerance: 1e-6 },
      { key: "Horn's recipe, 3 epochs: loss", expected: 0.65003, tolerance: 1e-3 },
      { key: "the course's recipe, 40 epochs: accuracy", expected: 0.5925, tolerance: 1e-6, fullOnly: true },
      { key: "the course's recipe, 40 epochs: loss", expected: 0.92209, tolerance: 1e-3, fullOnly: true },
      { key: "Horn's recipe, 40 epochs: accuracy", expected: 0.8275, tolerance: 1e-6, fullOnly: true },
      { key: "Horn's recipe, 40 epochs: loss", expected: 0.13748, tolerance: 1e-3, fullOnly: true },
    ],
  },
];
