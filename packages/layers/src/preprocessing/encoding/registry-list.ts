import type { SerializableClass } from '../../engine/serialized.js';
import { CategoryEncoding } from '../category-encoding.js';
import { Discretization } from '../discretization.js';
import { Hashing } from '../hashing/hashing.js';

/**
 * The categorical encoding layers (CategoryEncoding, Discretization, and Hashing), which
 * engine/builtins.ts registers beside the others.
 * @example encodingLayerClasses.some((c) => c.className === 'CategoryEncoding') // true
 */
export const encodingLayerClasses: readonly SerializableClass[] = [CategoryEncoding, Discretization, Hashing];
