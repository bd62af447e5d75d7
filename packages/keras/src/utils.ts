/**
 * `keras.utils`: `toCategorical`, `normalize`, `getFile`, `imageDatasetFromDirectory`,
 * `textDatasetFromDirectory`, `plotModel` (and `modelToSvg`), re-exported from the packages that
 * own them (@horn/preprocessing, @horn/datasets, @horn/models).
 * @example const y = keras.utils.toCategorical([0, 2, 1], 3);
 */
export {
  type ArchiveFormat,
  DirectoryDataset,
  type GetFileOptions,
  getFile,
  type ImageDatasetOptions,
  imageDatasetFromDirectory,
  type LabeledBatch,
  type LabelMode,
  type TextDatasetOptions,
  textDatasetFromDirectory,
} from '@horn/datasets';
export { type ModelToSvgOptions, modelToSvg, type PlotModelOptions, plotModel } from '@horn/models';
export { normalize, toCategorical } from '@horn/preprocessing';
