import { Embedding } from '../core/embedding.js';
import type { SerializableClass } from '../engine/serialized.js';
import { Bidirectional } from './bidirectional.js';
import { GRU } from './gru.js';
import { GRUCell } from './gru-cell.js';
import { LSTM } from './lstm.js';
import { LSTMCell } from './lstm-cell.js';
import { RNN } from './rnn.js';
import { SimpleRNN } from './simple-rnn.js';
import { SimpleRNNCell } from './simple-rnn-cell.js';
import { StackedRNNCells } from './stacked-rnn-cells.js';
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
  RNN,
  SimpleRNNCell,
  LSTMCell,
  GRUCell,
  StackedRNNCells,
  Bidirectional,
  TimeDistributed,
];
