import type { SerializableClass } from '../engine/serialized.js';
import {
  GlobalAveragePooling1D,
  GlobalAveragePooling2D,
  GlobalMaxPooling1D,
  GlobalMaxPooling2D,
} from '../pooling/global-pooling.js';
import { AveragePooling1D, AveragePooling2D, MaxPooling1D, MaxPooling2D } from '../pooling/pooling.js';
import { CenterCrop } from '../preprocessing/center-crop.js';
import { Normalization } from '../preprocessing/normalization.js';
import { RandomFlip } from '../preprocessing/random-flip.js';
import { RandomRotation } from '../preprocessing/random-rotation.js';
import { RandomTranslation } from '../preprocessing/random-translation.js';
import { RandomZoom } from '../preprocessing/random-zoom.js';
import { Rescaling } from '../preprocessing/rescaling.js';
import { Resizing } from '../preprocessing/resizing.js';
import { Cropping2D } from '../reshaping/cropping2d.js';
import { UpSampling2D } from '../reshaping/up-sampling2d.js';
import { ZeroPadding2D } from '../reshaping/zero-padding2d.js';
import { Conv1D } from './conv1d.js';
import { Conv2D } from './conv2d.js';
import { Conv2DTranspose } from './conv2d-transpose.js';
import { DepthwiseConv2D } from './depthwise-conv2d.js';
import { SeparableConv2D } from './separable-conv2d.js';

/**
 * L2's serializable layers (conv, pooling, reshaping, preprocessing), which engine/builtins.ts
 * registers beside the core ones.
 * @example convLayerClasses.some((c) => c.className === 'Conv2D') // true
 */
export const convLayerClasses: readonly SerializableClass[] = [
  Conv1D,
  Conv2D,
  DepthwiseConv2D,
  SeparableConv2D,
  Conv2DTranspose,
  MaxPooling1D,
  MaxPooling2D,
  AveragePooling1D,
  AveragePooling2D,
  GlobalMaxPooling1D,
  GlobalMaxPooling2D,
  GlobalAveragePooling1D,
  GlobalAveragePooling2D,
  ZeroPadding2D,
  Cropping2D,
  UpSampling2D,
  Rescaling,
  Normalization,
  CenterCrop,
  Resizing,
  RandomFlip,
  RandomRotation,
  RandomZoom,
  RandomTranslation,
];

/**
 * Keras aliases of L2's layers (`MaxPool2D` -> MaxPooling2D, ...).
 * @example convLayerAliases.MaxPool2D === MaxPooling2D // true
 */
export const convLayerAliases: Readonly<Record<string, SerializableClass>> = {
  MaxPool1D: MaxPooling1D,
  MaxPool2D: MaxPooling2D,
  AvgPool1D: AveragePooling1D,
  AvgPool2D: AveragePooling2D,
  GlobalMaxPool1D: GlobalMaxPooling1D,
  GlobalMaxPool2D: GlobalMaxPooling2D,
  GlobalAvgPool1D: GlobalAveragePooling1D,
  GlobalAvgPool2D: GlobalAveragePooling2D,
  Convolution1D: Conv1D,
  Convolution2D: Conv2D,
  SeparableConvolution2D: SeparableConv2D,
  Convolution2DTranspose: Conv2DTranspose,
};
