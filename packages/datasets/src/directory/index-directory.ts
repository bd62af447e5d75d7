import { ValueError } from '@horn/tensor';
import { NumpyRandomState } from '../keras/numpy-random.js';

/** What {@link indexDirectory} found: file paths, their integer labels (or null), the class names (or null). */
export interface DirectoryIndex {
  filePaths: string[];
  labels: Int32Array | null;
  classNames: string[] | null;
}

/** Options of {@link indexDirectory}, as Keras's `index_directory`. */
export interface IndexDirectoryOptions {
  /** 'inferred' (from sub-folder names), null (no labels), or one integer label per file in path order. */
  labels: 'inferred' | null | readonly number[];
  /** Lower-case file extensions to keep, e.g. `['.txt']`. */
  formats: readonly string[];
  /** With inferred labels: the class sub-folders to use, in this order (default: all, sorted). */
  classNames?: readonly string[];
  /** Shuffle the files (NumPy's RandomState(seed).shuffle, as Keras); else path order. */
  shuffle: boolean;
  seed: number;
}

/**
 * Keras's `index_directory`: lists `directory`'s files (recursively, sorted by folder then name, as
 * `sorted(os.walk(...))`) with the wanted extensions. With inferred labels each sorted, non-hidden
 * sub-folder is a class. Shuffled with `np.random.RandomState(seed).shuffle`, so the same seed gives
 * Keras's file order. Node only.
 * @example const { filePaths, classNames } = await indexDirectory('photos', { labels: 'inferred', formats: ['.png'], shuffle: false, seed: 0 });
 */
export async function indexDirectory(directory: string, options: IndexDirectoryOptions): Promise<DirectoryIndex> {
  const { readdir } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const op = 'indexDirectory';
  let subdirs: string[];
  if (options.labels === 'inferred') {
    const entries = await readdir(directory, { withFileTypes: true });
    subdirs = [];
    // os.path.isdir follows symbolic links, so a linked class folder counts.
    for (const e of entries) {
      if (!e.name.startsWith('.') && (await kindOf(join(directory, e.name), e)) === 'directory') subdirs.push(e.name);
    }
    subdirs.sort(byCodePoint);
    if (options.classNames !== undefined) {
      const missing = options.classNames.filter((c) => !subdirs.includes(c));
      if (missing.length > 0) {
        throw new ValueError(
          `${op}: classNames must name sub-folders of ${directory}; expected some of [${subdirs.join(', ')}], got [${options.classNames.join(', ')}]`,
        );
      }
      subdirs = [...options.classNames];
    }
  } else {
    if (options.classNames !== undefined) {
      throw new ValueError(`${op}: classNames can only be given with labels: 'inferred'`);
    }
    subdirs = [''];
  }
  const files: string[] = [];
  const inferred: number[] = [];
  for (let k = 0; k < subdirs.length; k++) {
    const found = await walkFiles(join(directory, subdirs[k]), options.formats, readdir, join);
    files.push(...found);
    for (let i = 0; i < found.length; i++) inferred.push(k);
  }
  let labels: Int32Array | null = null;
  let classNames: string[] | null = subdirs;
  if (options.labels === 'inferred') {
    labels = Int32Array.from(inferred);
  } else if (options.labels === null) {
    classNames = null;
  } else {
    if (options.labels.length !== files.length) {
      throw new ValueError(
        `${op}: expected one label per file in ${directory}: got ${options.labels.length} labels for ${files.length} files`,
      );
    }
    labels = Int32Array.from(options.labels);
    classNames = [...new Set(options.labels)].sort((a, b) => a - b).map(String);
  }
  if (options.shuffle) {
    // Keras shuffles paths and labels with two RandomStates of the same seed: the same permutation.
    const order = new NumpyRandomState(options.seed).permutation(files.length);
    const shuffled = Array.from(order, (i) => files[i]);
    files.splice(0, files.length, ...shuffled);
    if (labels) labels = Int32Array.from(order, (i) => (labels as Int32Array)[i]);
  }
  return { filePaths: files, labels, classNames };
}

// What an entry is, following a symbolic link (a broken link is neither).
async function kindOf(path: string, entry: import('node:fs').Dirent): Promise<'file' | 'directory' | null> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (!entry.isSymbolicLink()) return null;
  const { stat } = await import('node:fs/promises');
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? 'file' : info?.isDirectory() ? 'directory' : null;
}

// Python's sorted() on str: code point order.
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// sorted(os.walk(dir), key=root) then sorted(files): every folder below `dir`, in root-path order.
async function walkFiles(
  dir: string,
  formats: readonly string[],
  readdir: typeof import('node:fs/promises').readdir,
  join: typeof import('node:path').join,
): Promise<string[]> {
  const folders: { root: string; files: string[] }[] = [];
  const visit = async (root: string) => {
    const entries = await readdir(root, { withFileTypes: true });
    const names: string[] = [];
    for (const e of entries) if ((await kindOf(join(root, e.name), e)) === 'file') names.push(e.name);
    folders.push({
      root,
      files: names.filter((n) => formats.some((f) => n.toLowerCase().endsWith(f))).sort(byCodePoint),
    });
    // os.walk without followlinks lists a linked folder but does not descend into it.
    for (const e of entries) if (e.isDirectory()) await visit(join(root, e.name));
  };
  await visit(dir);
  folders.sort((a, b) => byCodePoint(a.root, b.root));
  return folders.flatMap((f) => f.files.map((name) => join(f.root, name)));
}

/**
 * Keras's `check_validation_split_arg`: the validation fraction in (0, 1), given with `subset` and
 * vice versa, and a seed when shuffling and splitting (so the two subsets do not overlap).
 * @example checkValidationSplit('imageDatasetFromDirectory', 0.2, 'training', true, 1)
 */
export function checkValidationSplit(
  op: string,
  validationSplit: number | undefined,
  subset: string | undefined,
  shuffle: boolean,
  seed: number | undefined,
): void {
  if (validationSplit !== undefined && !(validationSplit > 0 && validationSplit < 1)) {
    throw new ValueError(`${op}: validationSplit must be between 0 and 1, got ${validationSplit}`);
  }
  if ((validationSplit === undefined) !== (subset === undefined)) {
    throw new ValueError(`${op}: subset and validationSplit must be given together (got only one of them)`);
  }
  if (subset !== undefined && subset !== 'training' && subset !== 'validation' && subset !== 'both') {
    throw new ValueError(`${op}: subset must be 'training', 'validation' or 'both', got ${JSON.stringify(subset)}`);
  }
  if (validationSplit !== undefined && shuffle && seed === undefined) {
    throw new ValueError(
      `${op}: with validationSplit and shuffle, pass a seed, so that the training and validation subsets do not overlap`,
    );
  }
}

/**
 * Keras's `get_training_or_validation_split`: the validation subset is the last
 * `floor(validationSplit * n)` files, the training subset the rest.
 * @example splitSubset(['a', 'b', 'c', 'd', 'e'], null, 0.2, 'validation').filePaths // ['e']
 */
export function splitSubset(
  filePaths: readonly string[],
  labels: Int32Array | null,
  validationSplit: number | undefined,
  subset: 'training' | 'validation' | undefined,
): { filePaths: string[]; labels: Int32Array | null } {
  if (validationSplit === undefined || subset === undefined) return { filePaths: [...filePaths], labels };
  const nVal = Math.trunc(validationSplit * filePaths.length);
  const cut = filePaths.length - nVal;
  // Python's samples[:-0] is empty and samples[-0:] is everything; Keras keeps that quirk.
  const [from, to] = subset === 'training' ? [0, nVal === 0 ? 0 : cut] : [nVal === 0 ? 0 : cut, filePaths.length];
  return { filePaths: filePaths.slice(from, to), labels: labels ? labels.slice(from, to) : null };
}
