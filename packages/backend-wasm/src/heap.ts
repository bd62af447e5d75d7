import { HornError, ValueError } from '@horn/tensor';
import { binOf, FreeBlocks } from './free-blocks.js';
import type { Ptr } from './wasm-exports.js';

const PAGE = 65536;
const ALIGN = 64;
/** The wasm32 limit: 65536 pages of 64 KiB. */
const WASM32_MAX_BYTES = 65536 * PAGE;

/**
 * What the wasm heap holds: bytes in live blocks, bytes in freed blocks kept for reuse, and its size.
 * @example backend.heapInfo().bytesInUse
 */
export interface HeapInfo {
  /** Bytes in blocks handed out and not yet freed (rounded up to their size class). */
  bytesInUse: number;
  /** Bytes in freed blocks below the top, merged with free neighbours: reusable by a request of any size that fits. */
  bytesFree: number;
  /** The size of the wasm memory now. */
  heapBytes: number;
  /** The most the wasm memory may grow to (the backend's `maxMemoryMiB`, at most 4 GiB). */
  heapLimitBytes: number;
  /** The most `bytesInUse` has been since the heap was made. */
  peakBytesInUse: number;
  /** Live blocks. */
  blocks: number;
  /** Free blocks below the top (after merging neighbours). */
  freeBlocks: number;
}

/**
 * Thrown when the heap cannot serve a request even after growing to its limit.
 * @example
 * try { wasm.alloc(2 ** 33); } catch (e) { if (e instanceof OutOfMemoryError) console.log(e.requestedBytes); }
 */
export class OutOfMemoryError extends HornError {
  constructor(
    message: string,
    /** The bytes asked for. */
    readonly requestedBytes: number,
  ) {
    super(message);
  }
}

/**
 * Options of {@link WasmHeap}.
 * @example new WasmHeap(memory, 0, { maxBytes: 64 * 2 ** 20, liveTensors: () => memory().numTensors })
 */
export interface WasmHeapOptions {
  /** The memory's maximum in bytes (as created). Default 4 GiB, the wasm32 limit. */
  maxBytes?: number;
  /** How many tensors are alive, for the out-of-memory message (the backend knows). */
  liveTensors?: () => number;
}

/**
 * The size class a request of `bytes` is rounded up to: multiples of 64 bytes up to 4 KiB, then
 * eight classes per doubling (at most 12.5% waste), so freed blocks fit the requests of later
 * steps of a training loop exactly.
 * @example sizeClass(100) // 128
 */
export function sizeClass(bytes: number): number {
  if (bytes <= 4096) return Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
  const step = 2 ** (Math.floor(Math.log2(bytes)) - 3);
  return Math.ceil(bytes / step) * step;
}

/** Freed blocks up to 64 KiB (bins 0..95) wait in per-class lists; larger ones merge at once. */
const QUICK_BINS = binOf(65536 / ALIGN);
/** The class of each quick bin, in granules. */
const QUICK_CLASS_UNITS: readonly number[] = (() => {
  const classes: number[] = [];
  for (let c = ALIGN; classes.length <= QUICK_BINS; c = sizeClass(c + 1)) classes.push(c / ALIGN);
  return classes;
})();

const fmtBytes = (n: number) => n.toLocaleString('en-US');
const fmtSize = (n: number) => (n >= 2 ** 30 ? `${+(n / 2 ** 30).toFixed(2)} GiB` : `${+(n / 2 ** 20).toFixed(2)} MiB`);

/**
 * An allocator over a `WebAssembly.Memory`. Requests are rounded up to a size class. A freed
 * block up to 64 KiB waits in its class's list and serves the next request of that class as it
 * is (the fast path of a training loop, which asks for the same sizes every step); a larger one
 * merges at once with its free neighbours (address-ordered, see `FreeBlocks`). A request its
 * class's list cannot serve takes any merged free block at least as large, split if larger;
 * before the memory grows (when the top has no room), the small lists are merged too
 * (`coalesce`), so memory freed by one size is reused by all others before the heap grows. A free block
 * that reaches the top lowers the top. New blocks come from the top, growing the memory (by a
 * quarter of its size, up to its limit) when needed; past the limit, an `OutOfMemoryError`.
 * Blocks are 64-byte aligned (SIMD loads want 16). Typed-array views are rebuilt after growth
 * (growing detaches the old buffer of a non-shared memory).
 * @example
 * const heap = new WasmHeap(new WebAssembly.Memory({ initial: 1, maximum: 100 }), 0, { maxBytes: 100 * 65536 });
 * const p = heap.alloc(400); heap.f32()[p / 4] = 1; heap.free(p, 400);
 */
export class WasmHeap {
  /** The end of the highest block, in granules of 64 bytes. */
  private top: number;
  private readonly freeBlocks = new FreeBlocks();
  /** Freed small blocks, per bin, kept as they are for requests of their class (the fast path). */
  private readonly quick: number[][] = Array.from({ length: QUICK_BINS + 1 }, () => []);
  private quickUnits = 0;
  /** Live blocks. */
  private liveCount = 0;
  /** One bit per granule: set where a live block starts (catches a double free cheaply). */
  private liveStarts = new Uint32Array(0);
  private inUse = 0;
  private peak = 0;
  private readonly maxBytes: number;
  private readonly liveTensors: (() => number) | undefined;
  private buffer: ArrayBufferLike | null = null;
  private f32View = new Float32Array(0);
  private i32View = new Int32Array(0);
  private u8View = new Uint8Array(0);

  constructor(
    readonly memory: WebAssembly.Memory,
    base: number,
    options: WasmHeapOptions = {},
  ) {
    this.top = Math.ceil(Math.max(base, ALIGN) / ALIGN);
    this.maxBytes = Math.min(options.maxBytes ?? WASM32_MAX_BYTES, WASM32_MAX_BYTES);
    this.liveTensors = options.liveTensors;
  }

  /** A block of at least `bytes` bytes, 64-byte aligned; 0 for an empty request. */
  alloc(bytes: number): Ptr {
    if (bytes <= 0) return 0;
    const units = sizeClass(bytes) / ALIGN;
    const bin = binOf(units);
    let start = bin <= QUICK_BINS ? (this.quick[bin].pop() ?? -1) : -1;
    if (start >= 0) this.quickUnits -= units;
    else start = this.fromFreeBlocks(units, bin, bytes);
    this.liveCount++;
    this.markLive(start);
    this.inUse += units * ALIGN;
    if (this.inUse > this.peak) this.peak = this.inUse;
    return start * ALIGN;
  }

  /** Returns a block from `alloc(bytes)` (the same `bytes`) for reuse; a second free of it throws. */
  free(p: Ptr, bytes: number): void {
    if (bytes <= 0 || p === 0) return;
    const start = p / ALIGN;
    const word = start >>> 5;
    const bit = 1 << (start & 31);
    if (!(this.liveStarts[word] & bit)) {
      throw new ValueError(`wasm backend: free(${p}, ${bytes}): no live block starts there (freed twice?)`);
    }
    this.liveStarts[word] ^= bit;
    const units = sizeClass(bytes) / ALIGN;
    this.liveCount--;
    this.inUse -= units * ALIGN;
    const bin = binOf(units);
    if (bin <= QUICK_BINS && start + units !== this.top) {
      this.quick[bin].push(start);
      this.quickUnits += units;
    } else {
      this.release(start, units);
    }
  }

  /**
   * Merges the small freed blocks kept for their own size class with their free neighbours, so
   * any request can use the space. The heap does this itself before it grows; call it to see
   * `info()` after merging.
   * @example heap.coalesce(); heap.info().freeBlocks
   */
  coalesce(): void {
    if (this.quickUnits === 0) return;
    this.quickUnits = 0;
    this.quick.forEach((list, bin) => {
      for (const start of list) this.release(start, QUICK_CLASS_UNITS[bin]);
      list.length = 0;
    });
  }

  /** A free block merged with its free neighbours (and with the top, if it reaches it). */
  private release(start: number, units: number): void {
    let from = start;
    let end = start + units;
    const left = this.freeBlocks.endingAt(from);
    if (left >= 0) {
      this.freeBlocks.remove(left);
      from = left;
    }
    end += this.freeBlocks.remove(end);
    if (end === this.top) this.top = from;
    else this.freeBlocks.insert(from, end - from);
  }

  /** A block from the merged free blocks (split if larger), or from the top. */
  private fromFreeBlocks(units: number, bin: number, bytes: number): number {
    let start = this.freeBlocks.take(bin);
    if (start < 0 && this.quickUnits > 0 && !this.topHasRoom(units)) {
      this.coalesce();
      start = this.freeBlocks.take(bin);
    }
    if (start < 0) return this.bump(units, bytes);
    const size = this.freeBlocks.takenUnits;
    if (size > units) this.freeBlocks.insert(start + units, size - units);
    return start;
  }

  private markLive(start: number): void {
    const word = start >>> 5;
    if (word >= this.liveStarts.length) {
      const grown = new Uint32Array(Math.max(word + 1, (this.memory.buffer.byteLength / ALIGN / 32) | 0));
      grown.set(this.liveStarts);
      this.liveStarts = grown;
    }
    this.liveStarts[word] |= 1 << (start & 31);
  }

  private topHasRoom(units: number): boolean {
    return (this.top + units) * ALIGN <= this.memory.buffer.byteLength;
  }

  private bump(units: number, bytes: number): number {
    const start = this.top;
    const end = (start + units) * ALIGN;
    const size = this.memory.buffer.byteLength;
    if (end > size) {
      const pages = Math.ceil((end - size) / PAGE);
      const room = Math.floor(this.maxBytes / PAGE) - size / PAGE;
      if (pages > room) throw this.outOfMemory(bytes, units);
      // Grow by at least a quarter of the heap so a growing model does not grow page by page.
      const want = Math.min(room, Math.max(pages, Math.ceil(size / PAGE / 4)));
      try {
        this.memory.grow(want);
      } catch {
        try {
          this.memory.grow(pages);
        } catch {
          throw this.outOfMemory(bytes, units);
        }
      }
    }
    this.top = start + units;
    return start;
  }

  private outOfMemory(bytes: number, units: number): OutOfMemoryError {
    const tensors = this.liveTensors ? `, ${fmtBytes(this.liveTensors())} live tensors` : '';
    const largest = this.freeBlocks.largest() * ALIGN;
    return new OutOfMemoryError(
      `wasm backend: out of memory: a request of ${fmtBytes(bytes)} bytes (${fmtBytes(units * ALIGN)} with ` +
        `rounding) does not fit in the heap's limit of ${fmtBytes(this.maxBytes)} bytes (${fmtSize(this.maxBytes)}): ` +
        `${fmtBytes(this.inUse)} bytes are in use by ${fmtBytes(this.liveCount)} blocks${tensors}; ` +
        `${fmtBytes(this.freeBlocks.units * ALIGN)} bytes are free, the largest free block ${fmtBytes(largest)}. ` +
        'Dispose of tensors you no longer need (tidy(), dispose()), train with a smaller batch, or raise ' +
        'registerWasmBackend({ maxMemoryMiB }) (at most 4096, the wasm32 limit).',
      bytes,
    );
  }

  /** The heap as float32 (index = pointer / 4). Call again after any `alloc`: growth replaces it. */
  f32(): Float32Array {
    this.refresh();
    return this.f32View;
  }

  /** The heap as int32 (index = pointer / 4). */
  i32(): Int32Array {
    this.refresh();
    return this.i32View;
  }

  /** The heap as bytes. */
  u8(): Uint8Array {
    this.refresh();
    return this.u8View;
  }

  private refresh(): void {
    const buffer = this.memory.buffer;
    if (buffer !== this.buffer || this.u8View.byteLength !== buffer.byteLength) {
      this.buffer = buffer;
      this.f32View = new Float32Array(buffer);
      this.i32View = new Int32Array(buffer);
      this.u8View = new Uint8Array(buffer);
    }
  }

  /** Bytes in use and free, the heap's size and limit, live and free blocks. */
  info(): HeapInfo {
    return {
      bytesInUse: this.inUse,
      bytesFree: (this.freeBlocks.units + this.quickUnits) * ALIGN,
      heapBytes: this.memory.buffer.byteLength,
      heapLimitBytes: this.maxBytes,
      peakBytesInUse: this.peak,
      blocks: this.liveCount,
      freeBlocks: this.freeBlocks.count + this.quick.reduce((n, list) => n + list.length, 0),
    };
  }
}
