import type { WasmHandle } from '../backend.js';

/** How B was read when it was packed: where it starts in its data, its strides and its size. */
export interface PackedBLayout {
  /** Byte offset into the handle's data (a batch entry). */
  offset: number;
  rs: number;
  cs: number;
  k: number;
  n: number;
}

interface Entry {
  key: string;
  packed: WasmHandle;
}

/**
 * The GEMM's packed copies of recent B operands, kept so that a B used again (an LSTM's recurrent
 * kernel, the same matrix for each of a sequence's steps, forward and backward) is packed once.
 * Entries are keyed by the tensor data's handle (one object per block of data: a tensor's data is
 * never written after its kernel made it, and a new block gets a new handle even at the same
 * address) and by the layout it was read with. {@link forget} drops a handle's entries: the
 * backend calls it when the data is freed, and a kernel that wrote into existing data would have
 * to call it too. At most `capacity` entries of at most `maxBytes` each; the least recently used
 * goes first.
 * @example
 * const packed = cache.get(b, layout) ?? cache.put(b, layout, packB(b, layout));
 */
export class PackedBCache {
  private readonly entries = new Map<WasmHandle, Entry[]>();
  private readonly order: { handle: WasmHandle; entry: Entry }[] = [];
  /** Lookups that found a packing, and those that did not, since the last {@link clear}. */
  hits = 0;
  misses = 0;

  constructor(
    private readonly free: (packed: WasmHandle) => void,
    readonly capacity = 6,
    readonly maxBytes = 1 << 20,
  ) {}

  /** The packed B for `handle` read with `layout`, or undefined (then it counts a miss). */
  get(handle: WasmHandle, layout: PackedBLayout): WasmHandle | undefined {
    const key = keyOf(layout);
    const entry = this.entries.get(handle)?.find((e) => e.key === key);
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    const i = this.order.findIndex((o) => o.entry === entry);
    this.order.push(...this.order.splice(i, 1));
    return entry.packed;
  }

  /**
   * Keeps `packed` (B of `handle` packed with `layout`) and returns true, or returns false when it
   * is too big to keep (the caller frees it).
   */
  put(handle: WasmHandle, layout: PackedBLayout, packed: WasmHandle): boolean {
    if (packed.bytes > this.maxBytes || this.capacity === 0) return false;
    const entry = { key: keyOf(layout), packed };
    const list = this.entries.get(handle);
    if (list) list.push(entry);
    else this.entries.set(handle, [entry]);
    this.order.push({ handle, entry });
    while (this.order.length > this.capacity) {
      const oldest = this.order.shift()!;
      this.drop(oldest.handle, oldest.entry);
    }
    return true;
  }

  /** Drops (and frees) every packed copy of `handle`'s data: call it before that data is freed or written. */
  forget(handle: WasmHandle): void {
    const list = this.entries.get(handle);
    if (list === undefined) return;
    for (const entry of [...list]) {
      this.order.splice(
        this.order.findIndex((o) => o.entry === entry),
        1,
      );
      this.drop(handle, entry);
    }
  }

  /** Drops every entry and zeroes the hit and miss counts. */
  clear(): void {
    for (const { handle, entry } of [...this.order]) this.drop(handle, entry);
    this.order.length = 0;
    this.hits = 0;
    this.misses = 0;
  }

  /** How many packed copies are kept. */
  get size(): number {
    return this.order.length;
  }

  private drop(handle: WasmHandle, entry: Entry): void {
    const list = this.entries.get(handle)!;
    list.splice(list.indexOf(entry), 1);
    if (list.length === 0) this.entries.delete(handle);
    this.free(entry.packed);
  }
}

function keyOf(l: PackedBLayout): string {
  return `${l.offset},${l.rs},${l.cs},${l.k},${l.n}`;
}
