import type { KernelSpec } from '@horn/tensor';
import type { WasmBackend, WasmHandle } from '../backend.js';
import type { WasmCall } from '../threads/pool.js';
import type { Ptr } from '../wasm-exports.js';
import { type ConvGeometry, chunkRows, geometry, partsFor, share } from './conv-plan.js';
import { runOnCpu } from './via-cpu.js';

// The filter gradient dW = Σ_q col[q]ᵀ · dy[q] over output pixels q: a GEMM over im2col rows
// built a chunk at a time (each thread sums its pixels, then the parts add; a 1x1 stride-1 window
// needs no im2col: x is the matrix), or, for one input channel and 3-wide unpadded windows, a
// direct loop with no im2col and no packing.

/**
 * Conv2DBackpropFilter `{ x, dy }`, attrs `{ strides, pad, dilations, filterShape }`.
 * @example runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: [3, 3, 1, 32] })
 */
export const conv2dBackpropFilterWasm: KernelSpec<WasmHandle> = {
  name: 'Conv2DBackpropFilter',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { x, dy } = inputs;
    if (x.dtype !== 'float32' || dy.dtype !== 'float32')
      return runOnCpu('Conv2DBackpropFilter', inputs, attrs, backend);
    const filterShape = attrs.filterShape as number[];
    const g = geometry(x.shape, filterShape, attrs);
    const size = g.k * g.o;
    const dw = backend.allocTensor(size, 'float32');
    const result = { values: dw, shape: filterShape, dtype: 'float32' as const };
    if (size === 0) return result;
    if (g.pixels === 0) {
      backend.view(dw, 'float32').fill(0);
      return result;
    }
    if (g.c === 1 && g.kw === 3 && g.win.dw === 1 && g.o % 8 === 0 && unpadded(g)) {
      filterGradC1K3(backend, x.values.ptr, dy.values.ptr, dw, g);
      return result;
    }
    const w = backend.wasm;
    const chunk = chunkRows(g.k, g.pixels);
    const chunks = Math.ceil(g.pixels / chunk);
    const parts = partsFor(backend, 2 * g.pixels * g.k * g.o, chunks);
    // Per part: its own dW partial (part 0 writes dW itself), im2col block, packed dy and GEMM scratch.
    const partBytes = size * 4 + chunk * g.k * 4 + w.packedBBytes(chunk, g.o) + w.gemmScratchBytes(chunk);
    const scratch = backend.alloc(parts * partBytes);
    const jobs: WasmCall[][] = [];
    for (let t = 0; t < parts; t++) {
      const [c0, c1] = share(chunks, parts, t);
      const base = scratch.ptr + t * partBytes;
      const target = t === 0 ? dw.ptr : base;
      const col = base + size * 4;
      const packed = col + chunk * g.k * 4;
      const gemmScratch = packed + w.packedBBytes(chunk, g.o);
      const q1 = Math.min(g.pixels, c1 * chunk);
      jobs.push([
        ['convGeometry', ...g.args],
        [
          'convFilterGrad',
          x.values.ptr,
          dy.values.ptr,
          target,
          c0 * chunk,
          q1,
          chunk,
          g.o,
          g.pointwise ? 1 : 0,
          col,
          packed,
          gemmScratch,
          0,
        ],
      ]);
    }
    backend.parallel.run(jobs);
    for (let t = 1; t < parts; t++) w.addF32(dw.ptr, 0, 1, scratch.ptr + t * partBytes, 0, 1, dw.ptr, 1, size);
    backend.disposeData(scratch);
    return result;
  },
};

/** No padding on any side. */
const unpadded = (g: ConvGeometry) => g.win.pt + g.win.pb + g.win.pl + g.win.pr === 0;

/**
 * The filter gradient of a one-channel, 3-wide, unpadded convolution (an image CNN's first layer)
 * by convFilterGradC1K3: no im2col, no packing; threads sum their output rows into partial dWs.
 */
function filterGradC1K3(backend: WasmBackend, x: Ptr, dy: Ptr, dw: WasmHandle, g: ConvGeometry): void {
  const size = g.k * g.o;
  const rows = g.n * g.oh;
  const parts = partsFor(backend, 2 * g.pixels * g.k * g.o, rows);
  const partials = parts > 1 ? backend.alloc((parts - 1) * size * 4) : null;
  const targets = [dw.ptr, ...Array.from({ length: parts - 1 }, (_, t) => (partials as WasmHandle).ptr + t * size * 4)];
  backend.view(dw, 'float32').fill(0);
  if (partials) backend.view(partials, 'float32').fill(0);
  const jobs: WasmCall[][] = targets.map((target, t) => {
    const [r0, r1] = share(rows, parts, t);
    return [
      ['convGeometry', ...g.args],
      ['convFilterGradC1K3', x, dy, target, g.o, r0, r1 - r0],
    ];
  });
  backend.parallel.run(jobs);
  for (const part of targets.slice(1)) backend.wasm.addF32(dw.ptr, 0, 1, part, 0, 1, dw.ptr, 1, size);
  if (partials) backend.disposeData(partials);
}
