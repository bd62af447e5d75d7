export {
  GlobalAveragePooling1D,
  GlobalAveragePooling2D,
  GlobalAvgPool1D,
  GlobalAvgPool2D,
  GlobalMaxPool1D,
  GlobalMaxPool2D,
  GlobalMaxPooling1D,
  GlobalMaxPooling2D,
  GlobalPooling,
  type GlobalPoolingConfig,
} from './global-pooling.js';
export {
  AveragePooling1D,
  AveragePooling2D,
  AvgPool1D,
  AvgPool2D,
  MaxPool1D,
  MaxPool2D,
  MaxPooling1D,
  MaxPooling2D,
  Pooling,
  type PoolingConfig,
} from './pooling.js';
