/**
 * `keras.layers`: every layer class (Dense, Conv2D, MaxPooling2D / MaxPool2D, BatchNormalization,
 * Dropout, the preprocessing layers, ...), the Layer base for custom layers, and `Input`.
 * @example new keras.layers.Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' })
 */
export * from '@horn/layers';
