import { Embedding } from '../core/embedding.js';
import type { SerializableClass } from '../engine/serialized.js';
import { Bidirectional } from './bidirectional.js';
import { GRU } from './gru.js';
import { LSTM } from './lstm.js';
import { SimpleRNN } from './simple-rnn.js';
import { TimeDistributed } from './time-distributed.js';

/**
 * The recurrent layers, their wrappers and Embedding, which engine/builtins.ts registers beside
 * the core and conv ones.
 * @example recurrentLayerClasses.some((c) => c.className === 'LSTM') // true
 */
export const recurrentLayerClasses: readonly SerializableClass[] = [
  Embedding,
  SimpleRNN,
  LSTM,
  GRU,
  Bidirectional,
  TimeDistributed,
];
