import type { SerializableClass } from '../engine/serialized.js';
import { AdditiveAttention } from './additive-attention.js';
import { Attention } from './attention.js';
import { MultiHeadAttention } from './multi-head-attention.js';

/**
 * The attention layers, which engine/builtins.ts registers beside the core and recurrent ones.
 * @example attentionLayerClasses.some((c) => c.className === 'Attention') // true
 */
export const attentionLayerClasses: readonly SerializableClass[] = [Attention, AdditiveAttention, MultiHeadAttention];
