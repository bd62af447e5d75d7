import { ShapeError, ValueError } from '@horn/tensor';
import { fmtShape, layerLabel, type NamedLayer } from '../engine/input-checks.js';
import type { LayerShape } from '../engine/layer.js';

/** Reads an `axis` option: an integer or a non-empty array of integers. @internal */
export function readAxisOption(axis: unknown, owner: string): number | number[] {
  if (axis === undefined || axis === null) return -1;
  if (typeof axis === 'number' && Number.isInteger(axis)) return axis;
  if (Array.isArray(axis) && axis.length > 0 && axis.every((a) => typeof a === 'number' && Number.isInteger(a))) {
    return [...axis];
  }
  throw new ValueError(
    `${owner}: axis must be an integer or a non-empty array of integers, got ${JSON.stringify(axis)}`,
  );
}

/**
 * The normalized axes for an input shape (sorted, non-negative, each of known size), the shape of
 * the per-axis parameters, and the shape they broadcast with (1 on every other axis).
 * @internal
 */
export function parameterAxes(
  layer: NamedLayer,
  axis: number | number[],
  inputShape: LayerShape,
): { axes: number[]; paramShape: number[]; broadcastShape: number[] } {
  const rank = inputShape.length;
  const list = Array.isArray(axis) ? axis : [axis];
  const axes = [...new Set(list.map((a) => (a < 0 ? a + rank : a)))].sort((a, b) => a - b);
  const label = layerLabel(layer);
  for (const [i, a] of axes.entries()) {
    if (a < 0 || a >= rank) {
      throw new ShapeError(
        `${label}: axis ${JSON.stringify(axis)} is out of range for an input of shape ${fmtShape(inputShape)}`,
      );
    }
    if (inputShape[a] === null) {
      throw new ShapeError(
        `${label}: the dimension at axis ${list[i] ?? a} must be known, got ${fmtShape(inputShape)}`,
      );
    }
  }
  const paramShape = axes.map((a) => inputShape[a] as number);
  const broadcastShape = inputShape.map((d, i) => (axes.includes(i) ? (d as number) : 1));
  return { axes, paramShape, broadcastShape };
}
