export { DirectoryDataset, type LabeledBatch, type LabelMode } from './directory/directory-dataset.js';
export type { DirectoryElement, DirectoryOptions, DirectoryResult } from './directory/from-directory.js';
export { type ImageDatasetOptions, imageDatasetFromDirectory } from './directory/image-dataset-from-directory.js';
export {
  type TextBatch,
  type TextDatasetOptions,
  textDatasetFromDirectory,
} from './directory/text-dataset-from-directory.js';
export type { ArchiveFormat, ArchiveKind } from './files/extract-archive.js';
export { type GetFileOptions, getFile } from './files/get-file.js';
export { BOSTON_HOUSING_SOURCE, type BostonHousingOptions, bostonHousing } from './keras/boston-housing.js';
export { CIFAR10_CLASSES, CIFAR10_SOURCE, cifar10 } from './keras/cifar10.js';
export { FASHION_MNIST_CLASSES, FASHION_MNIST_SOURCE, fashionMnist } from './keras/fashion-mnist.js';
export { IMDB_SOURCE, IMDB_WORD_INDEX_SOURCE, type ImdbOptions, imdb } from './keras/imdb.js';
export { MNIST_SOURCE, mnist } from './keras/mnist.js';
export { NumpyRandomState } from './keras/numpy-random.js';
export {
  REUTERS_LABELS,
  REUTERS_SOURCE,
  REUTERS_WORD_INDEX_SOURCE,
  type ReutersOptions,
  reuters,
} from './keras/reuters.js';
export type { TrainTestData } from './keras/split.js';
export { decodeSequence, type IndexConventions, parseWordIndex } from './keras/word-index.js';
export { type BytesLike, maybeGunzip } from './readers/bytes.js';
export { type CifarBatch, type CifarBatchOptions, readCifarBatch } from './readers/cifar.js';
export { type CsvOptions, readCsv } from './readers/csv.js';
export { type IdxArray, parseIdx, readIdx } from './readers/idx.js';
export { type NpyArray, parseNpy, readNpy } from './readers/npy.js';
export { parseNpz, readNpz } from './readers/npz.js';
export { objectArrayToSequences } from './readers/pickle.js';
export { getReadLimits, type ReadLimits, setReadLimits } from './readers/read-limits.js';
export { untar } from './readers/tar.js';
export { unzipEntries } from './readers/zip.js';
export { datasetFiles } from './source/dataset-files.js';
export { ChecksumError, DownloadError } from './source/errors.js';
export type { DatasetSource, DownloadProgress, PinnedFile, RemoteFile, SourceOptions } from './source/types.js';
export { breastCancer } from './toy/breast-cancer.js';
export { type DiabetesOptions, diabetes } from './toy/diabetes.js';
export { type DigitsDataset, digits } from './toy/digits.js';
export { iris } from './toy/iris.js';
export type { ToyDataset } from './toy/toy-dataset.js';
export { wine } from './toy/wine.js';
