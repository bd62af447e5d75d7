import { readFileSync } from 'node:fs';
import { type NestedArray, type Tensor, tensor } from '@horn/tensor';
import { deserializeLayer } from '../engine/serialize-layer.js';
import { Bidirectional, type MergeMode } from './bidirectional.js';

/** One case of fixtures/bidirectional-goldens.json (made by packages/layers/fixtures/make-bidirectional.py). */
export interface BidirectionalCase {
  name: string;
  className: string;
  config: Record<string, unknown>;
  mergeMode: MergeMode | null;
  backwardLayer: Record<string, unknown> | null;
  weights: { name: string; shape: number[]; values: NestedArray }[];
  input: NestedArray;
  initialStates: NestedArray[];
  mask: boolean[][] | null;
  outputs: NestedArray[];
  outputShapes: number[][];
}

const file = new URL('./fixtures/bidirectional-goldens.json', import.meta.url);
const goldens = JSON.parse(readFileSync(file, 'utf8')) as { keras: string; cases: BidirectionalCase[] };

/** The golden cases, masked or not. */
export function bidirectionalCases(masked: boolean): BidirectionalCase[] {
  return goldens.cases.filter((c) => (c.mask !== null) === masked);
}

/** The case's Bidirectional, built on its input and holding Keras' weights (forward then backward). */
export function goldenBidirectional(c: BidirectionalCase): Bidirectional {
  const layer = deserializeLayer({ className: c.className, config: c.config });
  const backwardLayer =
    c.backwardLayer === null ? null : deserializeLayer({ className: c.className, config: c.backwardLayer });
  const bi = new Bidirectional({ layer, mergeMode: c.mergeMode, backwardLayer });
  bi.build(tensor(c.input).shape);
  bi.built = true;
  bi.setWeights(c.weights.map((w) => tensor(w.values, w.shape)));
  return bi;
}

/** The case's call inputs: the sequence, or `[sequence, ...initialStates]`. */
export function goldenInputs(c: BidirectionalCase): Tensor | Tensor[] {
  const x = tensor(c.input);
  return c.initialStates.length === 0 ? x : [x, ...c.initialStates.map((s) => tensor(s))];
}
