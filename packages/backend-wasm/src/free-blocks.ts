/**
 * The bin a free block of `units` granules (64 bytes each) belongs to: the largest size class
 * (see `sizeClass`) not above its size. Classes are multiples of 64 bytes up to 4 KiB (bins
 * 0..63), then eight per doubling (bin 63 is 4 KiB, 64 is 4.5 KiB, ...): 223 bins cover 4 GiB.
 * Every block in bin `b` is at least as large as class `b`, so any of them serves a request of
 * that class.
 * @example binOf(1) // 0 (64 bytes); binOf(64) // 63 (4 KiB); binOf(72) // 64 (4.5 KiB)
 */
export function binOf(units: number): number {
  if (units <= 64) return units - 1;
  const e = 31 - Math.clz32(units); // 6 for 64..127 units (4..8 KiB)
  const k = Math.floor(units / 2 ** (e - 3)); // 8..15
  return 63 + (e - 6) * 8 + (k - 8);
}

/** The number of bins: sizes up to 2^26 granules (4 GiB). */
export const BIN_COUNT = binOf(2 ** 26) + 1;

/**
 * The free blocks of the heap, address-ordered through two maps (start -> size, end -> start) so
 * a freed block merges with free neighbours in O(1), and binned by size class (a bitmap finds the
 * first non-empty bin at or above a request's in a few word tests). Positions and sizes are in
 * 64-byte granules, so every key stays a small integer for V8 even above 2 GiB.
 * @example
 * const free = new FreeBlocks();
 * free.insert(0, 4); free.insert(4, 2); // two neighbours: insert does not merge, the heap does
 * free.take(binOf(3)); // 4 (the LIFO block of the first bin that fits: [4, 6))
 */
export class FreeBlocks {
  private readonly sizeAt = new Map<number, number>();
  private readonly startEndingAt = new Map<number, number>();
  private readonly slot = new Map<number, number>();
  private readonly bins: number[][] = Array.from({ length: BIN_COUNT }, () => []);
  private readonly bitmap = new Uint32Array(Math.ceil(BIN_COUNT / 32));
  /** Granules in free blocks. */
  units = 0;
  /** Free blocks. */
  count = 0;
  /** The size of the block the last `take` returned. */
  takenUnits = 0;

  /** Adds the free block `[start, start + units)` (its neighbours must not be free). */
  insert(start: number, units: number): void {
    const b = binOf(units);
    const bin = this.bins[b];
    this.slot.set(start, bin.length);
    bin.push(start);
    this.bitmap[b >>> 5] |= 1 << (b & 31);
    this.sizeAt.set(start, units);
    this.startEndingAt.set(start + units, start);
    this.units += units;
    this.count++;
  }

  /** Removes the free block that starts at `start`; returns its size (0 if none starts there). */
  remove(start: number): number {
    const units = this.sizeAt.get(start);
    if (units === undefined) return 0;
    const b = binOf(units);
    const bin = this.bins[b];
    const i = this.slot.get(start) as number;
    const last = bin.pop() as number;
    if (last !== start) {
      bin[i] = last;
      this.slot.set(last, i);
    }
    if (bin.length === 0) this.bitmap[b >>> 5] &= ~(1 << (b & 31));
    this.slot.delete(start);
    this.sizeAt.delete(start);
    this.startEndingAt.delete(start + units);
    this.units -= units;
    this.count--;
    return units;
  }

  /** The start of the free block that ends at `end`, or -1. */
  endingAt(end: number): number {
    return this.startEndingAt.get(end) ?? -1;
  }

  /** The size of the free block that starts at `start`, or 0. */
  sizeOf(start: number): number {
    return this.sizeAt.get(start) ?? 0;
  }

  /**
   * Removes and returns the start of a block from the first non-empty bin at or above `bin` (the
   * most recently freed one there, still warm in cache), or -1 when none is large enough. Its
   * size is left in `takenUnits`.
   */
  take(bin: number): number {
    let word = bin >>> 5;
    let bits = this.bitmap[word] & (~0 << (bin & 31));
    while (bits === 0) {
      if (++word >= this.bitmap.length) return -1;
      bits = this.bitmap[word];
    }
    const b = (word << 5) + (31 - Math.clz32(bits & -bits));
    const list = this.bins[b];
    const start = list[list.length - 1];
    this.takenUnits = this.remove(start);
    return start;
  }

  /** The largest free block, in granules (a scan of the top non-empty bin). */
  largest(): number {
    for (let b = BIN_COUNT - 1; b >= 0; b--) {
      const list = this.bins[b];
      if (list.length === 0) continue;
      let most = 0;
      for (const s of list) most = Math.max(most, this.sizeAt.get(s) as number);
      return most;
    }
    return 0;
  }
}
