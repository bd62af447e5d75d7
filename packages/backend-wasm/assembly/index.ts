// The wasm module's exports. Memory is imported; JS owns allocation, so nothing here allocates.
export * from './compare';
export * from './conv';
export * from './conv-direct';
export * from './conv-filter-direct';
export * from './conv-geometry';
export * from './channel-groups';
export * from './depthwise-conv';
export * from './depthwise-grad';
export * from './elementwise';
export * from './gemm';
export * from './lstm-cell';
export * from './pool';
export * from './reduce';

/** The first byte after the module's static data: JS allocates from here up. */
export function heapBase(): usize {
  return __heap_base;
}
