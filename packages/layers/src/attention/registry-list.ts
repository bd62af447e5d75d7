import type { SerializableClass } from '../engine/serialized.js';
import { AdditiveAttention } from './additive-attention.js';
import { Attention } from './attention.js';
import { GroupedQueryAttention } from './grouped-query-attention.js';
import { MultiHeadAttention } from './multi-head-attention.js';

/**
 * The attention layers, which engine/builtins.ts registers beside the core and recurrent ones.
 * @example attentionLayerClasses.some((c) => c.className === 'Attention') // true
 */
export const attentionLayerClasses: readonly SerializableClass[] = [
  Attention,
  AdditiveAttention,
  MultiHeadAttention,
  GroupedQueryAttention,
];

/**
 * Keras' other names of attention layers.
 * @example attentionLayerAliases.GroupQueryAttention === GroupedQueryAttention // true
 */
export const attentionLayerAliases: Readonly<Record<string, SerializableClass>> = {
  GroupQueryAttention: GroupedQueryAttention,
};
