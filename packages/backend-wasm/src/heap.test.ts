import { HornError, randomSource } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { BIN_COUNT, binOf } from './free-blocks.js';
import { OutOfMemoryError, sizeClass, WasmHeap } from './heap.js';

const PAGE = 65536;
/** A heap over a memory of `initial` pages that may grow to `maximum`. */
const makeHeap = (initial: number, maximum: number, liveTensors?: () => number) =>
  new WasmHeap(new WebAssembly.Memory({ initial, maximum }), 0, { maxBytes: maximum * PAGE, liveTensors });

describe('WasmHeap', () => {
  test('size classes: 64-byte steps to 4 KiB, then eight per doubling', () => {
    expect([1, 64, 65, 100, 4096].map(sizeClass)).toEqual([64, 64, 128, 128, 4096]);
    expect(sizeClass(4097)).toBe(4608);
    expect(sizeClass(100_000)).toBe(106496);
    for (const b of [5000, 77_777, 1_234_567]) expect(sizeClass(b) / b).toBeLessThan(1.126);
  });

  test('bins: class i is bin i, and a block between classes sits in the bin of the class below', () => {
    const classes: number[] = [];
    for (let c = 64; c <= 2 ** 32; c = sizeClass(c + 1)) classes.push(c);
    expect(classes.length).toBe(BIN_COUNT);
    classes.forEach((c, i) => {
      expect(binOf(c / 64)).toBe(i);
      if (i + 1 < classes.length && classes[i + 1] - c > 64) expect(binOf(classes[i + 1] / 64 - 1)).toBe(i);
    });
    expect(classes.slice(62, 66)).toEqual([4032, 4096, 4608, 5120]);
  });

  test('a freed block is handed out again to a request of its class', () => {
    const heap = makeHeap(1, 100);
    const a = heap.alloc(100);
    const b = heap.alloc(100);
    heap.free(a, 100);
    expect(heap.alloc(120)).toBe(a);
    expect(a % 64).toBe(0);
    expect(b).toBe(a + 128);
    expect(heap.alloc(0)).toBe(0);
  });

  test('freeing the top block lowers the top; the heap grows when full', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 100 });
    const heap = new WasmHeap(memory, 1000, { maxBytes: 100 * PAGE });
    const a = heap.alloc(1000);
    expect(a).toBe(1024);
    heap.free(a, 1000);
    expect(heap.info()).toMatchObject({ bytesInUse: 0, bytesFree: 0, blocks: 0, freeBlocks: 0 });
    expect(heap.alloc(1000)).toBe(1024);
    const big = heap.alloc(200_000);
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(big + 200_000);
    heap.f32()[big / 4 + 49_999] = 3;
    expect(heap.f32()[big / 4 + 49_999]).toBe(3);
    expect(heap.info()).toMatchObject({ bytesInUse: 1024 + sizeClass(200_000), heapLimitBytes: 100 * PAGE });
  });

  test('many small frees merge into one block that a large request reuses without growing', () => {
    const heap = makeHeap(4, 4);
    const small = Array.from({ length: 100 }, () => heap.alloc(1000)); // 100 blocks of 1,024 bytes
    const fence = heap.alloc(64);
    for (const [i, p] of small.entries()) if (i % 2 === 0) heap.free(p, 1000);
    expect(heap.info()).toMatchObject({ freeBlocks: 50, bytesFree: 50 * 1024 });
    for (const [i, p] of small.entries()) if (i % 2 === 1) heap.free(p, 1000);
    expect(heap.info()).toMatchObject({ freeBlocks: 100, bytesFree: 100 * 1024, blocks: 1 });
    heap.coalesce();
    expect(heap.info()).toMatchObject({ freeBlocks: 1, bytesFree: 100 * 1024, blocks: 1 });
    const heapBytes = heap.info().heapBytes;
    expect(heap.alloc(90_000)).toBe(small[0]); // class 90,112: the merged block, split
    expect(heap.info()).toMatchObject({ heapBytes, freeBlocks: 1, bytesFree: 100 * 1024 - 90_112 });
    heap.free(fence, 64);
  });

  test('a request that would grow the memory merges the small free lists first', () => {
    const heap = makeHeap(2, 2); // 128 KiB: 100 blocks of 1 KiB and a fence leave 26 KiB at the top
    const small = Array.from({ length: 100 }, () => heap.alloc(1000));
    heap.alloc(64);
    for (const p of small) heap.free(p, 1000);
    expect(heap.info()).toMatchObject({ freeBlocks: 100, bytesFree: 100 * 1024 });
    expect(heap.alloc(90_000)).toBe(small[0]);
    expect(heap.info()).toMatchObject({ freeBlocks: 1, bytesFree: 100 * 1024 - 90_112, heapBytes: 2 * PAGE });
    // A request with no list of its own takes the merged block's rest before fresh memory.
    expect(heap.alloc(2000)).toBe(small[0] + 90_112);
    expect(heap.alloc(2000)).toBe(small[0] + 90_112 + 2048);
  });

  test("the issue's case: a 43 KB request after freeing blocks of other size classes fits", () => {
    // A 4 MiB heap filled with 59 blocks of 64 KiB and a fence, 32 KiB left at the top: the old
    // allocator kept the freed blocks in their class and could not serve 43,520 bytes (class
    // 45,056) without growing past the limit.
    const heap = makeHeap(64, 64);
    const blocks = Array.from({ length: 59 }, () => heap.alloc(65_536));
    heap.alloc(290_000); // class 294,912
    expect(heap.info().heapBytes - 64 - 59 * 65_536 - 294_912).toBe(32_704);
    for (const p of blocks) heap.free(p, 65_536);
    const p = heap.alloc(43_520);
    expect(p).toBe(blocks[0]);
    expect(heap.info()).toMatchObject({ heapBytes: 64 * PAGE, bytesInUse: 45_056 + 294_912 });
    // And the rest of the merged space serves a mix of sizes, still without growing.
    for (const bytes of [3_000_000, 100_000, 4096, 100]) expect(heap.alloc(bytes)).toBeGreaterThan(p);
    expect(heap.info().heapBytes).toBe(64 * PAGE);
  });

  test('seeded stress: live blocks never overlap, stay 64-byte aligned, keep their contents; all freed, the heap is empty', () => {
    const heap = makeHeap(1, 2048);
    const random = randomSource(11);
    const live = new Map<number, { bytes: number; id: number }>();
    const check = (p: number, bytes: number, id: number) => {
      const f = heap.f32();
      expect(f[p / 4]).toBe(id);
      expect(f[(p + bytes) / 4 - 1]).toBe(-id);
    };
    let inUse = 0;
    for (let step = 1; step <= 4000; step++) {
      if (live.size > 0 && random.next() < 0.45) {
        const keys = [...live.keys()];
        const p = keys[Math.floor(random.next() * keys.length)];
        const { bytes, id } = live.get(p)!;
        check(p, bytes, id);
        heap.free(p, bytes);
        live.delete(p);
        inUse -= sizeClass(bytes);
      } else {
        const bytes = 4 * Math.ceil(2 ** (2 + random.next() * 16)); // 16 B .. 1 MiB, log-uniform
        const p = heap.alloc(bytes);
        expect(p % 64).toBe(0);
        const f = heap.f32();
        f[p / 4] = step;
        f[(p + bytes) / 4 - 1] = -step;
        live.set(p, { bytes, id: step });
        inUse += sizeClass(bytes);
      }
      if (step % 500 === 0) {
        const spans = [...live.entries()]
          .map(([p, { bytes }]) => [p, p + sizeClass(bytes)])
          .sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
        expect(spans.at(-1)![1]).toBeLessThanOrEqual(heap.info().heapBytes);
        expect(heap.info()).toMatchObject({ bytesInUse: inUse, blocks: live.size });
      }
    }
    for (const [p, { bytes, id }] of live) {
      check(p, bytes, id);
      heap.free(p, bytes);
    }
    heap.coalesce();
    expect(heap.info()).toMatchObject({ bytesInUse: 0, bytesFree: 0, blocks: 0, freeBlocks: 0 });
    expect(heap.info().peakBytesInUse).toBeGreaterThan(0);
  });

  test('grows up to its limit, then throws an OutOfMemoryError that says what to do', () => {
    const heap = makeHeap(1, 4, () => 7);
    const a = heap.alloc(3 * PAGE); // grows to 3 pages + rounding: within the 4-page limit
    expect(heap.info().heapBytes).toBeLessThanOrEqual(4 * PAGE);
    let error: unknown;
    try {
      heap.alloc(2 * PAGE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutOfMemoryError);
    expect(error).toBeInstanceOf(HornError);
    expect((error as OutOfMemoryError).requestedBytes).toBe(2 * PAGE);
    const message = (error as Error).message;
    expect(message).toContain('a request of 131,072 bytes');
    expect(message).toContain("heap's limit of 262,144 bytes (0.25 MiB)");
    expect(message).toContain('196,608 bytes are in use by 1 blocks, 7 live tensors');
    expect(message).toMatch(/tidy\(\), dispose\(\).*smaller batch.*maxMemoryMiB/);
    heap.free(a, 3 * PAGE);
    expect(heap.alloc(2 * PAGE)).toBe(a); // after freeing, the same request fits
  });

  test('freeing a block twice is refused by name', () => {
    const heap = makeHeap(1, 2);
    const p = heap.alloc(100);
    heap.alloc(100);
    heap.free(p, 100);
    expect(() => heap.free(p, 100)).toThrow(/free\(64, 100\): no live block starts there/);
  });
});
