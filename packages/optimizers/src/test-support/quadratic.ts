import { type Variable, variable } from '@horn/autograd';
import { tensor } from '@horn/tensor';
import { expect } from 'vitest';
import type { Optimizer } from '../index.js';

/** The fixed problem of the update-rule tests: f(w) = sum((w - c)^2), so g = 2 (w - c). */
export const W0 = [1, -2];
export const C = [0.5, 0.5];

/** The gradient of the quadratic, in plain numbers. */
export function quadraticGradient(w: readonly number[], c: readonly number[] = C): number[] {
  return w.map((x, i) => 2 * (x - c[i]));
}

/** Runs `steps` updates of `optimizer` on the quadratic (gradients from the current w); w after each step. */
export function optimizeQuadratic(optimizer: Optimizer, steps: number, w0: readonly number[] = W0): number[][] {
  const w: Variable = variable(tensor([...w0]), { name: 'w' });
  const out: number[][] = [];
  for (let t = 0; t < steps; t++) {
    const g = tensor(quadraticGradient(Array.from(w.dataSync())));
    optimizer.applyGradients([[g, w]]);
    g.dispose();
    out.push(Array.from(w.dataSync()));
  }
  return out;
}

/** One reference step in plain numbers: the new w from w, g and the 1-based step t. */
export type ReferenceStep = (w: number[], g: number[], t: number) => number[];

/** The reference trajectory of `steps` steps of `step` on the quadratic. */
export function referenceQuadratic(steps: number, step: ReferenceStep, w0: readonly number[] = W0): number[][] {
  let w = [...w0];
  const out: number[][] = [];
  for (let t = 1; t <= steps; t++) {
    w = step(w, quadraticGradient(w), t);
    out.push(w);
  }
  return out;
}

/** A reference step applying `rule` to each element, each with its own state from `init`. */
export function elementwise<S>(init: () => S, rule: (w: number, g: number, t: number, s: S) => number): ReferenceStep {
  const states: S[] = [];
  return (w, g, t) =>
    w.map((x, i) => {
      states[i] ??= init();
      return rule(x, g[i], t, states[i]);
    });
}

/** Every number within `tolerance` of the expected one. */
export function expectAllClose(
  actual: readonly (readonly number[])[],
  expected: readonly (readonly number[])[],
  tolerance = 1e-6,
): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i].length);
    row.forEach((x, j) => {
      if (!(Math.abs(x - expected[i][j]) <= tolerance)) {
        throw new Error(`step ${i + 1}, element ${j}: got ${x}, expected ${expected[i][j]} (tolerance ${tolerance})`);
      }
    });
  });
}
