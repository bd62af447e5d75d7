import { describe, expect, test } from 'vitest';
import { sizeClass, WasmHeap } from './heap.js';

describe('WasmHeap', () => {
  test('size classes: 64-byte steps to 4 KiB, then eight per doubling', () => {
    expect([1, 64, 65, 100, 4096].map(sizeClass)).toEqual([64, 64, 128, 128, 4096]);
    expect(sizeClass(4097)).toBe(4608);
    expect(sizeClass(100_000)).toBe(106496);
    for (const b of [5000, 77_777, 1_234_567]) expect(sizeClass(b) / b).toBeLessThan(1.126);
  });

  test('a freed block is handed out again to a request of its class', () => {
    const heap = new WasmHeap(new WebAssembly.Memory({ initial: 1, maximum: 100 }), 0);
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
    const heap = new WasmHeap(memory, 1000);
    const a = heap.alloc(1000);
    expect(a).toBe(1024);
    heap.free(a, 1000);
    expect(heap.info()).toMatchObject({ bytesInUse: 0, bytesFree: 0, blocks: 0 });
    expect(heap.alloc(1000)).toBe(1024);
    const big = heap.alloc(200_000);
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(big + 200_000);
    heap.f32()[big / 4 + 49_999] = 3;
    expect(heap.f32()[big / 4 + 49_999]).toBe(3);
  });

  test('running out of the maximum memory throws a clear error', () => {
    const heap = new WasmHeap(new WebAssembly.Memory({ initial: 1, maximum: 2 }), 0);
    expect(() => heap.alloc(1 << 20)).toThrow(/wasm backend: out of memory/);
  });
});
