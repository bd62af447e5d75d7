/**
 * `keras.models`: `loadModel` (TF.js Layers format, from Horn or @tensorflow/tfjs), `modelFromJSON`,
 * `saveModel`, and the model classes.
 * @example const again = await keras.models.loadModel('./mnist-cnn');
 */
export { loadModel, Model, modelFromJSON, modelToJSON, Sequential, saveModel } from '@horn/models';
