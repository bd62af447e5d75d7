export { Embedding, type EmbeddingConfig } from '../core/embedding.js';
export { BaseRNN, type RNNConfig, type RNNStep } from './base-rnn.js';
export { Bidirectional, type BidirectionalConfig, type MergeMode } from './bidirectional.js';
export { GRU, type GRUConfig } from './gru.js';
export { LSTM, type LSTMConfig } from './lstm.js';
export { recurrentLayerClasses } from './registry-list.js';
export { SimpleRNN, type SimpleRNNConfig } from './simple-rnn.js';
export { TimeDistributed, type TimeDistributedConfig } from './time-distributed.js';
export { Wrapper, type WrapperConfig } from './wrapper.js';
