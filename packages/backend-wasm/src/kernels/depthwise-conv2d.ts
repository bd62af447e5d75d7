import type { KernelAttrs, KernelSpec } from '@horn/tensor';
import type { WasmBackend, WasmHandle } from '../backend.js';
import type { WasmCall } from '../threads/pool.js';
import type { HornWasm, Ptr } from '../wasm-exports.js';
import { partsFor, share } from './conv-plan.js';
import { runOnCpu } from './via-cpu.js';
import { outSize, readWindow, type Window } from './window.js';

// The depthwise convolution and its two gradients on the module's multiplier-1 kernels
// (assembly/depthwise-conv.ts, depthwise-grad.ts), vectorised over the channels and split
// across the threads by rows.
// Output channel ci * m + mi is input channel ci through multiplier mi, so with x's channels
// repeated m times (expandChannels) a multiplier m is a multiplier-1 convolution over c * m
// channels with the same filter, and the input gradient folds the c * m channels back to c
// (sumChannelGroups). The input gradient at stride 1 is a depthwise convolution of dy with the
// spatially flipped filter; at other strides it is gathered per input pixel.

/** A depthwise convolution's sizes: x [n, h, w, c], filter [kh, kw, c, m], y [n, oh, ow, c * m]. */
interface DepthwiseGeometry {
  n: number;
  h: number;
  w: number;
  c: number;
  m: number;
  o: number;
  kh: number;
  kw: number;
  oh: number;
  ow: number;
  win: Window;
  /** convGeometry's arguments for the multiplier-1 kernels (channels: c * m). */
  args: number[];
  /** Multiply-adds times two, to decide whether threads pay. */
  flops: number;
}

function depthwiseGeometry(xShape: readonly number[], filterShape: readonly number[], attrs: KernelAttrs) {
  const [n, h, w, c] = xShape;
  const [kh, kw, , m] = filterShape;
  const o = c * m;
  const win = readWindow(attrs);
  const oh = outSize(h, kh, win.sh, win.dh, win.pt, win.pb);
  const ow = outSize(w, kw, win.sw, win.dw, win.pl, win.pr);
  const args = [h, w, o, kh, kw, win.sh, win.sw, win.dh, win.dw, win.pt, win.pl, oh, ow];
  const g: DepthwiseGeometry = { n, h, w, c, m, o, kh, kw, oh, ow, win, args, flops: 2 * n * oh * ow * kh * kw * o };
  return g;
}

/** Runs `kernel` (one of the module's row kernels) over `rows` rows, split across the threads. */
function runRows(
  backend: WasmBackend,
  args: number[],
  kernel: keyof HornWasm,
  pointers: [Ptr, Ptr, Ptr] | ((t: number) => [Ptr, Ptr, Ptr]),
  rows: number,
  parts: number,
): void {
  const jobs: WasmCall[][] = [];
  for (let t = 0; t < parts; t++) {
    const [r0, r1] = share(rows, parts, t);
    const ptrs = typeof pointers === 'function' ? pointers(t) : pointers;
    jobs.push([
      ['convGeometry', ...args],
      [kernel, ...ptrs, r0, r1 - r0],
    ]);
  }
  backend.parallel.run(jobs);
}

/** x with each channel repeated m times (a new block), or x itself for m = 1. */
function expanded(backend: WasmBackend, x: WasmHandle, g: DepthwiseGeometry): WasmHandle | null {
  if (g.m === 1) return null;
  const block = backend.alloc(g.n * g.h * g.w * g.o * 4);
  backend.wasm.expandChannels(x.ptr, block.ptr, g.n * g.h * g.w, g.c, g.m);
  return block;
}

/**
 * DepthwiseConv2dNative `{ x, filter }` (NHWC, filter [kh, kw, c, m]), attrs `{ strides, pad, dilations }`.
 * @example runKernel('DepthwiseConv2dNative', { x, filter }, { strides: [1, 1], pad: [1, 1, 1, 1], dilations: [1, 1] })
 */
export const depthwiseConv2dWasm: KernelSpec<WasmHandle> = {
  name: 'DepthwiseConv2dNative',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { x, filter } = inputs;
    if (x.dtype !== 'float32' || filter.dtype !== 'float32') {
      return runOnCpu('DepthwiseConv2dNative', inputs, attrs, backend);
    }
    const g = depthwiseGeometry(x.shape, filter.shape, attrs);
    const shape = [g.n, g.oh, g.ow, g.o];
    const y = backend.allocTensor(g.n * g.oh * g.ow * g.o, 'float32');
    const result = { values: y, shape, dtype: 'float32' as const };
    if (g.n * g.oh * g.ow * g.o === 0) return result;
    if (g.h * g.w === 0) {
      backend.view(y, 'float32').fill(0);
      return result;
    }
    const xe = expanded(backend, x.values, g);
    const rows = g.n * g.oh;
    const ptrs: [Ptr, Ptr, Ptr] = [(xe ?? x.values).ptr, filter.values.ptr, y.ptr];
    runRows(backend, g.args, 'depthwiseConv2d', ptrs, rows, partsFor(backend, g.flops, rows));
    if (xe) backend.disposeData(xe);
    return result;
  },
};

/**
 * DepthwiseConv2dNativeBackpropInput `{ dy, filter }`, attrs `{ strides, pad, dilations, inputShape }`.
 * @example runKernel('DepthwiseConv2dNativeBackpropInput', { dy, filter }, { ...attrs, inputShape: [1, 5, 5, 3] })
 */
export const depthwiseConv2dBackpropInputWasm: KernelSpec<WasmHandle> = {
  name: 'DepthwiseConv2dNativeBackpropInput',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { dy, filter } = inputs;
    if (dy.dtype !== 'float32' || filter.dtype !== 'float32') {
      return runOnCpu('DepthwiseConv2dNativeBackpropInput', inputs, attrs, backend);
    }
    const inputShape = attrs.inputShape as number[];
    const g = depthwiseGeometry(inputShape, filter.shape, attrs);
    const size = g.n * g.h * g.w * g.c;
    const dx = backend.allocTensor(size, 'float32');
    const result = { values: dx, shape: inputShape, dtype: 'float32' as const };
    if (size === 0) return result;
    if (g.oh * g.ow * g.m === 0) {
      backend.view(dx, 'float32').fill(0);
      return result;
    }
    // With a multiplier the c * m-channel gradient is summed back to c channels at the end.
    const wide = g.m > 1 ? backend.alloc(g.n * g.h * g.w * g.o * 4) : dx;
    const rows = g.n * g.h;
    const parts = partsFor(backend, g.flops, rows);
    const { win } = g;
    if (win.sh === 1 && win.sw === 1) {
      const flipped = flippedFilter(backend, filter.values, g);
      const pt = win.dh * (g.kh - 1) - win.pt;
      const pl = win.dw * (g.kw - 1) - win.pl;
      const args = [g.oh, g.ow, g.o, g.kh, g.kw, 1, 1, win.dh, win.dw, pt, pl, g.h, g.w];
      runRows(backend, args, 'depthwiseConv2d', [dy.values.ptr, flipped.ptr, wide.ptr], rows, parts);
      backend.disposeData(flipped);
    } else {
      runRows(backend, g.args, 'depthwiseInputGrad', [dy.values.ptr, filter.values.ptr, wide.ptr], rows, parts);
    }
    if (wide !== dx) {
      backend.wasm.sumChannelGroups(wide.ptr, dx.ptr, g.n * g.h * g.w, g.c, g.m);
      backend.disposeData(wide);
    }
    return result;
  },
};

/** The filter turned by 180 degrees in space: f[kh - 1 - ky, kw - 1 - kx, :] at [ky, kx, :]. */
function flippedFilter(backend: WasmBackend, filter: WasmHandle, g: DepthwiseGeometry): WasmHandle {
  const flipped = backend.alloc(g.kh * g.kw * g.o * 4);
  const f = backend.heap.f32();
  const taps = g.kh * g.kw;
  for (let t = 0; t < taps; t++) {
    const from = filter.ptr / 4 + (taps - 1 - t) * g.o;
    f.copyWithin(flipped.ptr / 4 + t * g.o, from, from + g.o);
  }
  return flipped;
}

/**
 * DepthwiseConv2dNativeBackpropFilter `{ x, dy }`, attrs `{ strides, pad, dilations, filterShape }`.
 * @example runKernel('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { ...attrs, filterShape: [3, 3, 3, 1] })
 */
export const depthwiseConv2dBackpropFilterWasm: KernelSpec<WasmHandle> = {
  name: 'DepthwiseConv2dNativeBackpropFilter',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { x, dy } = inputs;
    if (x.dtype !== 'float32' || dy.dtype !== 'float32') {
      return runOnCpu('DepthwiseConv2dNativeBackpropFilter', inputs, attrs, backend);
    }
    const filterShape = attrs.filterShape as number[];
    const g = depthwiseGeometry(x.shape, filterShape, attrs);
    const size = g.kh * g.kw * g.o;
    const df = backend.allocTensor(size, 'float32');
    const result = { values: df, shape: filterShape, dtype: 'float32' as const };
    if (size === 0) return result;
    const rows = g.n * g.oh;
    if (rows * g.ow * g.h * g.w === 0) {
      backend.view(df, 'float32').fill(0);
      return result;
    }
    const xe = expanded(backend, x.values, g);
    const parts = partsFor(backend, g.flops, rows);
    // Each thread sums its rows into its own partial (part 0 into df); the parts add at the end.
    const partials = parts > 1 ? backend.alloc((parts - 1) * size * 4) : null;
    backend.view(df, 'float32').fill(0);
    if (partials) backend.view(partials, 'float32').fill(0);
    const target = (t: number) => (t === 0 ? df.ptr : (partials as WasmHandle).ptr + (t - 1) * size * 4);
    const src = (xe ?? x.values).ptr;
    runRows(backend, g.args, 'depthwiseFilterGrad', (t) => [src, dy.values.ptr, target(t)], rows, parts);
    for (let t = 1; t < parts; t++) backend.wasm.addF32(df.ptr, 0, 1, target(t), 0, 1, df.ptr, 1, size);
    if (partials) backend.disposeData(partials);
    if (xe) backend.disposeData(xe);
    return result;
  },
};
