import type { KernelAttrs, KernelOutput, KernelSpec, KernelTensor } from '@horn/tensor';
import type { WasmBackend, WasmHandle } from '../backend.js';
import type { WasmCall } from '../threads/pool.js';
import type { Ptr } from '../wasm-exports.js';
import { type ConvGeometry, chunkRows, geometry, partsFor, share } from './conv-plan.js';
import { gemmRows } from './gemm.js';
import { runOnCpu } from './via-cpu.js';

// The forward convolution runs directly on the image with the GEMM's register tile (W packed as
// [K, o], K = kh * kw * c), and so does the input gradient at stride 1 (a convolution of dy with
// the flipped filter). Otherwise the input gradient is a GEMM over im2col rows (output pixel q
// owns the K inputs its window sees), built a chunk at a time into a scratch block that stays in
// cache: dcol[q,:] = dy[q, :] · Wᵀ, added back into dx by col2im (threads own whole images).
// The filter gradient is in conv2d-filter-grad.ts.

/** FusedConv2D's tail: a bias and/or relu. */
interface Epilogue {
  bias: KernelTensor<WasmHandle> | undefined;
  relu: boolean;
}

/** Conv2D, with FusedConv2D's bias and relu applied as each output tile is stored. */
function runConv(
  name: string,
  inputs: Readonly<Record<string, KernelTensor<WasmHandle>>>,
  attrs: KernelAttrs,
  backend: WasmBackend,
  epilogue: Epilogue,
): KernelOutput<WasmHandle> | KernelOutput<WasmHandle>[] {
  const { x, filter } = inputs;
  if (x.dtype !== 'float32' || filter.dtype !== 'float32' || (epilogue.bias && epilogue.bias.dtype !== 'float32')) {
    return runOnCpu(name, inputs, attrs, backend);
  }
  const g = geometry(x.shape, filter.shape, attrs);
  const shape = [g.n, g.oh, g.ow, g.o];
  const out = backend.allocTensor(g.pixels * g.o, 'float32');
  if (g.pixels * g.o === 0) return { values: out, shape, dtype: 'float32' };
  const w = backend.wasm;
  const packed = backend.alloc(w.packedBBytes(g.k, g.o));
  w.packB(filter.values.ptr, g.o, 1, g.k, g.o, packed.ptr);
  const flags = (epilogue.bias ? 1 : 0) | (epilogue.relu ? 2 : 0);
  const bias = epilogue.bias?.values ?? null;
  if (g.pointwise) {
    gemmRows(backend, x.values.ptr, g.k, 1, packed.ptr, out.ptr, g.o, g.pixels, g.o, g.k, false);
    if (flags) applyEpilogue(backend, out, g.pixels, g.o, bias, epilogue.relu);
  } else {
    // Direct convolution measured faster than im2col + GEMM on both benchmark shapes.
    const flops = 2 * g.pixels * g.k * g.o;
    directConv(backend, g.args, x.values.ptr, packed.ptr, out.ptr, g.o, g.n * g.oh, flops, bias?.ptr ?? 0, flags);
  }
  backend.disposeData(packed);
  return { values: out, shape, dtype: 'float32' };
}

/** The bias (a row broadcast over `rows`) and relu, in place, for the pointwise GEMM path. */
function applyEpilogue(
  backend: WasmBackend,
  out: WasmHandle,
  rows: number,
  o: number,
  bias: WasmHandle | null,
  relu: boolean,
): void {
  const w = backend.wasm;
  if (bias) w.addF32(out.ptr, o, 1, bias.ptr, 0, 1, out.ptr, rows, o);
  if (relu) w.reluF32(out.ptr, out.ptr, rows * o);
}

/**
 * Conv2D `{ x, filter }` (NHWC, filter [kh, kw, c, o]), attrs `{ strides, pad, dilations }`.
 * @example runKernel('Conv2D', { x, filter }, { strides: [1, 1], pad: [1, 1, 1, 1], dilations: [1, 1] })
 */
export const conv2dWasm: KernelSpec<WasmHandle> = {
  name: 'Conv2D',
  backend: 'wasm',
  run: (inputs, attrs, backend) =>
    runConv('Conv2D', inputs, attrs, backend as WasmBackend, { bias: undefined, relu: false }),
};

/**
 * FusedConv2D `{ x, filter, bias? }`, attrs `{ strides, pad, dilations, activation }`: the bias and
 * relu are applied to each register tile before it is stored, so the output is written once.
 * @example runKernel('FusedConv2D', { x, filter, bias }, { ...attrs, activation: 'relu' })
 */
export const fusedConv2dWasm: KernelSpec<WasmHandle> = {
  name: 'FusedConv2D',
  backend: 'wasm',
  run: (inputs, attrs, backend) =>
    runConv('FusedConv2D', inputs, attrs, backend as WasmBackend, {
      bias: inputs.bias,
      relu: attrs.activation === 'relu',
    }),
};

/** Runs conv2dDirect over `rows` output rows, split across the threads. */
function directConv(
  backend: WasmBackend,
  args: number[],
  x: Ptr,
  packed: Ptr,
  y: Ptr,
  o: number,
  rows: number,
  flops: number,
  bias: Ptr,
  epilogue: number,
) {
  const parts = partsFor(backend, flops, rows);
  const jobs: WasmCall[][] = [];
  for (let t = 0; t < parts; t++) {
    const [r0, r1] = share(rows, parts, t);
    jobs.push([
      ['convGeometry', ...args],
      ['conv2dDirect', x, packed, y, o, r0, r1 - r0, bias, epilogue],
    ]);
  }
  backend.parallel.run(jobs);
}

/**
 * Conv2DBackpropInput `{ dy, filter }`, attrs `{ strides, pad, dilations, inputShape }`.
 * @example runKernel('Conv2DBackpropInput', { dy, filter }, { ...attrs, inputShape: [1, 3, 3, 1] })
 */
export const conv2dBackpropInputWasm: KernelSpec<WasmHandle> = {
  name: 'Conv2DBackpropInput',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { dy, filter } = inputs;
    if (dy.dtype !== 'float32' || filter.dtype !== 'float32') {
      return runOnCpu('Conv2DBackpropInput', inputs, attrs, backend);
    }
    const inputShape = attrs.inputShape as number[];
    const g = geometry(inputShape, filter.shape, attrs);
    const size = g.n * g.h * g.w * g.c;
    const dx = backend.allocTensor(size, 'float32');
    const result = { values: dx, shape: inputShape, dtype: 'float32' as const };
    if (size === 0) return result;
    if (g.pixels * g.o === 0 || g.k === 0) {
      backend.view(dx, 'float32').fill(0);
      return result;
    }
    const w = backend.wasm;
    // The direct kernel's tile spans 16 input channels: with few of them the GEMM over
    // K = kh * kw * c columns fills its panels better.
    if (g.win.sh === 1 && g.win.sw === 1 && !g.pointwise && g.c >= 8) {
      backpropInputDirect(backend, dy.values.ptr, filter.values.ptr, dx.ptr, g);
      return result;
    }
    // B = Wᵀ ([o, K]): element (p, j) = W[j, p] at j * o + p.
    const packed = backend.alloc(w.packedBBytes(g.o, g.k));
    w.packB(filter.values.ptr, 1, g.o, g.o, g.k, packed.ptr);
    if (g.pointwise) {
      gemmRows(backend, dy.values.ptr, g.o, 1, packed.ptr, dx.ptr, g.k, g.pixels, g.k, g.o, false);
    } else {
      backend.view(dx, 'float32').fill(0);
      const chunk = chunkRows(g.k, g.pixels);
      const perImage = g.oh * g.ow;
      const parts = partsFor(backend, 2 * g.pixels * g.k * g.o, g.n);
      const scratch = backend.alloc(parts * (chunk * g.k * 4 + w.gemmScratchBytes(g.o)));
      const jobs: WasmCall[][] = [];
      for (let t = 0; t < parts; t++) {
        const [b0, b1] = share(g.n, parts, t);
        const col = scratch.ptr + t * (chunk * g.k * 4 + w.gemmScratchBytes(g.o));
        const gemmScratch = col + chunk * g.k * 4;
        jobs.push([
          ['convGeometry', ...g.args],
          [
            'convInputGrad',
            dy.values.ptr,
            packed.ptr,
            dx.ptr,
            b0 * perImage,
            b1 * perImage,
            chunk,
            g.o,
            col,
            gemmScratch,
          ],
        ]);
      }
      backend.parallel.run(jobs);
      backend.disposeData(scratch);
    }
    backend.disposeData(packed);
    return result;
  },
};

/**
 * With stride 1 the input gradient is itself a convolution: dy, padded by (window extent - 1 -
 * pad) on each side, correlated with the filter flipped in space and with its channel axes
 * swapped ([kh, kw, o, c]). That runs on the direct kernel, with no im2col and no scatter-add.
 */
function backpropInputDirect(backend: WasmBackend, dy: Ptr, filter: Ptr, dx: Ptr, g: ConvGeometry): void {
  const { kh, kw, c, o, win } = g;
  const flipped = backend.alloc(kh * kw * o * c * 4);
  const f = backend.heap.f32();
  const src = filter / 4;
  const dst = flipped.ptr / 4;
  for (let ky = 0; ky < kh; ky++) {
    for (let kx = 0; kx < kw; kx++) {
      const from = src + ((kh - 1 - ky) * kw + (kw - 1 - kx)) * c * o;
      const to = dst + (ky * kw + kx) * o * c;
      for (let ci = 0; ci < c; ci++) for (let oi = 0; oi < o; oi++) f[to + oi * c + ci] = f[from + ci * o + oi];
    }
  }
  const w = backend.wasm;
  const k = kh * kw * o;
  const packed = backend.alloc(w.packedBBytes(k, c));
  w.packB(flipped.ptr, c, 1, k, c, packed.ptr);
  const pt = win.dh * (kh - 1) - win.pt;
  const pl = win.dw * (kw - 1) - win.pl;
  const args = [g.oh, g.ow, o, kh, kw, 1, 1, win.dh, win.dw, pt, pl, g.h, g.w];
  directConv(backend, args, dy, packed.ptr, dx, c, g.n * g.h, 2 * g.n * g.h * g.w * k * c, 0, 0);
  backend.disposeData(packed);
  backend.disposeData(flipped);
}
