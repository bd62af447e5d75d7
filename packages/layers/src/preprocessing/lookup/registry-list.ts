import type { SerializableClass } from '../../engine/serialized.js';
import { TextVectorization } from '../text/text-vectorization.js';
import { IntegerLookup } from './integer-lookup.js';
import { StringLookup } from './string-lookup.js';

/**
 * The vocabulary layers (StringLookup, IntegerLookup, TextVectorization), which
 * engine/builtins.ts registers beside the others.
 * @example lookupLayerClasses.some((c) => c.className === 'TextVectorization') // true
 */
export const lookupLayerClasses: readonly SerializableClass[] = [StringLookup, IntegerLookup, TextVectorization];
