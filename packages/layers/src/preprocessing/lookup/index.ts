export type { LookupOutputMode } from './encode-indices.js';
export { IndexLookup } from './index-lookup.js';
export type { IndexLookupConfig } from './index-lookup-options.js';
export { IntegerLookup, type IntegerLookupConfig } from './integer-lookup.js';
export { StringLookup, type StringLookupConfig } from './string-lookup.js';
export type { LookupToken } from './token-counts.js';
