import { randomSource, ValueError } from '@horn/tensor';
import { DirectoryDataset, type LabeledBatch, type LabelMode } from './directory-dataset.js';
import { checkValidationSplit, indexDirectory, splitSubset } from './index-directory.js';

/**
 * The options `imageDatasetFromDirectory` and `textDatasetFromDirectory` share (Keras's names in camelCase).
 * @example const options: DirectoryOptions = { batchSize: 16, validationSplit: 0.2, subset: 'both', seed: 1 };
 */
export interface DirectoryOptions {
  /** 'inferred' (default: one class per sub-folder), null (no labels), or one integer label per file in path order. */
  labels?: 'inferred' | null | readonly number[];
  /** 'int' (default), 'categorical', 'binary' (exactly two classes) or null (no labels). */
  labelMode?: LabelMode;
  /** With inferred labels: the sub-folders to use as classes, in this order. Default: all, sorted. */
  classNames?: readonly string[];
  /** Samples per batch (default 32), or null for single samples. */
  batchSize?: number | null;
  /** Shuffle the files (default true); false keeps path order. */
  shuffle?: boolean;
  /** Seed of the shuffles. Required with `validationSplit` and `shuffle`. */
  seed?: number;
  /** Fraction of the files kept for validation: the last `floor(validationSplit * n)` after the shuffle. */
  validationSplit?: number;
  /** 'training', 'validation', or 'both' (returns `[training, validation]`); only with `validationSplit`. */
  subset?: 'training' | 'validation' | 'both';
  /** Print how many files and classes were found (default true, as Keras). */
  verbose?: boolean;
}

/** The common option names, for the unknown-option check. */
export const DIRECTORY_OPTION_KEYS: readonly string[] = [
  'labels',
  'labelMode',
  'classNames',
  'batchSize',
  'shuffle',
  'seed',
  'validationSplit',
  'subset',
  'verbose',
];

type Unlabeled = { labels: null } | { labelMode: null };

/**
 * The element a directory dataset yields for options `O` and batch contents `X`: `{ xs, ys }`, or `xs` without labels.
 * @example type Batch = DirectoryElement<{ labels: null }, Tensor>; // Tensor
 */
export type DirectoryElement<O, X> = O extends Unlabeled ? X : LabeledBatch<X>;

/**
 * What a `*DatasetFromDirectory` call returns: one dataset, or `[training, validation]` with `subset: 'both'`.
 * @example const [train, val]: DirectoryResult<{ subset: 'both' }, Tensor> = await imageDatasetFromDirectory(dir, { subset: 'both', validationSplit: 0.2, seed: 1 });
 */
export type DirectoryResult<O, X> = O extends { subset: 'both' }
  ? [DirectoryDataset<DirectoryElement<O, X>>, DirectoryDataset<DirectoryElement<O, X>>]
  : DirectoryDataset<DirectoryElement<O, X>>;

/**
 * Refuses options that `op` does not handle, naming them.
 * @example checkOptionKeys('textDatasetFromDirectory', { maxLength: 10 }, ['maxLength'])
 */
export function checkOptionKeys(op: string, options: object, keys: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!keys.includes(key))
      throw new ValueError(`${op}: unknown or unsupported option '${key}'; expected one of ${keys.join(', ')}`);
  }
}

/**
 * The shared body of the directory datasets (Keras's flow): check the options, index the files with
 * Keras's seeded shuffle, split off the validation subset, and build the dataset(s).
 * @example await datasetsFromDirectory('textDatasetFromDirectory', dir, ['.txt'], options, 'text files', load)
 */
export async function datasetsFromDirectory<X>(
  op: string,
  directory: string,
  formats: readonly string[],
  options: DirectoryOptions,
  noun: string,
  load: (paths: readonly string[], batched: boolean) => Promise<X>,
): Promise<DirectoryDataset<unknown> | [DirectoryDataset<unknown>, DirectoryDataset<unknown>]> {
  if (typeof directory !== 'string' || directory === '')
    throw new ValueError(`${op}: directory must be a path, got ${JSON.stringify(directory)}`);
  let labels = options.labels === undefined ? 'inferred' : options.labels;
  if (labels !== 'inferred' && labels !== null && !Array.isArray(labels)) {
    throw new ValueError(
      `${op}: labels must be 'inferred', null or an array of integer labels, got ${JSON.stringify(labels)}`,
    );
  }
  if (Array.isArray(labels) && labels.some((l) => !Number.isInteger(l))) {
    throw new ValueError(`${op}: labels must be integers, got [${labels.join(', ')}]`);
  }
  let labelMode = options.labelMode === undefined ? 'int' : options.labelMode;
  if (labelMode !== 'int' && labelMode !== 'categorical' && labelMode !== 'binary' && labelMode !== null) {
    throw new ValueError(
      `${op}: labelMode must be 'int', 'categorical', 'binary' or null, got ${JSON.stringify(labelMode)}`,
    );
  }
  if (labels === null || labelMode === null) {
    labels = null;
    labelMode = null;
  }
  const batchSize = options.batchSize === undefined ? 32 : options.batchSize;
  if (batchSize !== null && !(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new ValueError(`${op}: batchSize must be a positive integer or null, got ${batchSize}`);
  }
  const shuffle = options.shuffle ?? true;
  const validationSplit = options.validationSplit || undefined;
  checkValidationSplit(op, validationSplit, options.subset, shuffle, options.seed);
  const seed = options.seed ?? randomSource().nextInt(1_000_000);
  const index = await indexDirectory(directory, { labels, formats, classNames: options.classNames, shuffle, seed });
  const { classNames } = index;
  if (options.verbose ?? true) {
    const n = index.filePaths.length;
    console.log(
      classNames === null ? `Found ${n} files.` : `Found ${n} files belonging to ${classNames.length} classes.`,
    );
  }
  if (labelMode === 'binary' && classNames?.length !== 2) {
    throw new ValueError(`${op}: labelMode 'binary' needs exactly 2 classes, got [${(classNames ?? []).join(', ')}]`);
  }
  const make = (subset: 'training' | 'validation' | undefined, shuffleSubset: boolean) => {
    const part = splitSubset(index.filePaths, index.labels, validationSplit, subset);
    if (part.filePaths.length === 0) {
      const which = subset === undefined ? '' : `${subset} `;
      throw new ValueError(
        `${op}: no ${which}${noun} found in directory ${directory} (allowed formats: ${formats.join(', ')})`,
      );
    }
    if (subset !== undefined && (options.verbose ?? true))
      console.log(`Using ${part.filePaths.length} files for ${subset}.`);
    return new DirectoryDataset<unknown>({
      ...part,
      labelMode,
      classNames,
      batchSize,
      shuffle: shuffleSubset,
      seed,
      load,
    });
  };
  if (options.subset === 'both') return [make('training', shuffle), make('validation', false)];
  return make(options.subset, shuffle);
}
