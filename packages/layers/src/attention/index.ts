export * from './additive-attention.js';
export * from './attention.js';
export * from './base-attention.js';
export type * from './call-options.js';
export * from './grouped-query-attention.js';
export * from './multi-head-attention.js';
