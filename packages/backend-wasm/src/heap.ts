import { ValueError } from '@horn/tensor';
import type { Ptr } from './wasm-exports.js';

const PAGE = 65536;
const ALIGN = 64;

/**
 * What the wasm heap holds: bytes in live blocks, bytes in freed blocks kept for reuse, and its size.
 * @example backend.heapInfo().bytesInUse
 */
export interface HeapInfo {
  /** Bytes in blocks handed out and not yet freed (rounded up to their size class). */
  bytesInUse: number;
  /** Bytes in freed blocks waiting in the free lists. */
  bytesFree: number;
  /** The size of the wasm memory. */
  heapBytes: number;
  /** Live blocks. */
  blocks: number;
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

/**
 * A size-class allocator over a `WebAssembly.Memory`: freed blocks go to a free list per class
 * and are handed out again first; new blocks come from the top, growing the memory when needed.
 * A block freed at the top lowers the top instead. Typed-array views are rebuilt after growth
 * (growing detaches the old buffer of a non-shared memory).
 * @example
 * const heap = new WasmHeap(new WebAssembly.Memory({ initial: 1 }), 0);
 * const p = heap.alloc(400); heap.f32()[p / 4] = 1; heap.free(p, 400);
 */
export class WasmHeap {
  private top: number;
  private readonly freeLists = new Map<number, Ptr[]>();
  private inUse = 0;
  private free_ = 0;
  private live = 0;
  private buffer: ArrayBufferLike | null = null;
  private f32View = new Float32Array(0);
  private i32View = new Int32Array(0);
  private u8View = new Uint8Array(0);

  constructor(
    readonly memory: WebAssembly.Memory,
    base: number,
  ) {
    this.top = Math.ceil(Math.max(base, ALIGN) / ALIGN) * ALIGN;
  }

  /** A block of at least `bytes` bytes, 64-byte aligned; 0 for an empty request. */
  alloc(bytes: number): Ptr {
    if (bytes <= 0) return 0;
    const cls = sizeClass(bytes);
    const list = this.freeLists.get(cls);
    let p = list?.pop();
    if (p !== undefined) this.free_ -= cls;
    else p = this.bump(cls);
    this.inUse += cls;
    this.live++;
    return p;
  }

  /** Returns a block from `alloc(bytes)` (same `bytes`) for reuse. */
  free(p: Ptr, bytes: number): void {
    if (bytes <= 0 || p === 0) return;
    const cls = sizeClass(bytes);
    this.inUse -= cls;
    this.live--;
    if (p + cls === this.top) {
      this.top = p;
      return;
    }
    let list = this.freeLists.get(cls);
    if (!list) this.freeLists.set(cls, (list = []));
    list.push(p);
    this.free_ += cls;
  }

  private bump(cls: number): Ptr {
    const p = this.top;
    const end = p + cls;
    const size = this.memory.buffer.byteLength;
    if (end > size) {
      const pages = Math.ceil((end - size) / PAGE);
      // Grow by at least a quarter of the heap so a growing model does not grow page by page.
      const want = Math.max(pages, Math.ceil(size / PAGE / 4));
      try {
        this.memory.grow(want);
      } catch {
        try {
          this.memory.grow(pages);
        } catch {
          throw new ValueError(
            `wasm backend: out of memory: cannot grow the heap from ${size} bytes to ${end} bytes ` +
              `(${this.inUse} bytes in use, ${this.free_} bytes free in other size classes)`,
          );
        }
      }
    }
    this.top = end;
    return p;
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

  /** Bytes in use and free, and the heap size. */
  info(): HeapInfo {
    return {
      bytesInUse: this.inUse,
      bytesFree: this.free_,
      heapBytes: this.memory.buffer.byteLength,
      blocks: this.live,
    };
  }
}
