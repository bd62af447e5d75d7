import { ValueError } from '@horn/tensor';
import {
  checkOptionKeys,
  DIRECTORY_OPTION_KEYS,
  type DirectoryOptions,
  type DirectoryResult,
  datasetsFromDirectory,
} from './from-directory.js';

/**
 * Options of {@link textDatasetFromDirectory}: Keras's `text_dataset_from_directory` arguments in camelCase.
 * @example const options: TextDatasetOptions = { maxLength: 200, batchSize: 64 };
 */
export interface TextDatasetOptions extends DirectoryOptions {
  /** Keep at most this many bytes of each file (Keras's `tf.strings.substr` counts UTF-8 bytes). */
  maxLength?: number;
}

/**
 * What a text batch holds: the files' texts (`string[]`), or one `string` when `batchSize` is null.
 * @example type One = TextBatch<{ batchSize: null }>; // string
 */
export type TextBatch<O> = O extends { batchSize: null } ? string : string[];

const OP = 'textDatasetFromDirectory';

/**
 * Keras's `keras.utils.text_dataset_from_directory`, in Node: the `.txt` files of one sub-folder per
 * class, in Keras's seeded order and split. Horn has no string tensor, so `xs` is a `string[]` per
 * batch (a `string` with `batchSize: null`); turn it into numbers with a `Tokenizer` or
 * TextVectorization before `fit`. `ys` is a tensor as `labelMode` says. `maxLength` truncates each
 * file to that many UTF-8 bytes, as Keras (a character cut in two decodes as U+FFFD).
 * @example
 * const train = await textDatasetFromDirectory('aclImdb/train', { batchSize: 32, seed: 42 });
 * for await (const { xs, ys } of train) console.log(xs[0], ys.shape);
 */
export async function textDatasetFromDirectory<const O extends TextDatasetOptions = Record<never, never>>(
  directory: string,
  options?: O,
): Promise<DirectoryResult<O, TextBatch<O>>> {
  const o: TextDatasetOptions = options ?? {};
  checkOptionKeys(OP, o, [...DIRECTORY_OPTION_KEYS, 'maxLength']);
  const { maxLength } = o;
  if (maxLength !== undefined && !(Number.isInteger(maxLength) && maxLength >= 0)) {
    throw new ValueError(`${OP}: maxLength must be a non-negative integer, got ${maxLength}`);
  }
  const { readFile } = await import('node:fs/promises');
  const decoder = new TextDecoder();
  const load = async (paths: readonly string[], batched: boolean): Promise<string[] | string> => {
    const texts: string[] = [];
    for (const path of paths) {
      const bytes = await readFile(path);
      texts.push(decoder.decode(maxLength === undefined ? bytes : bytes.subarray(0, maxLength)));
    }
    return batched ? texts : texts[0];
  };
  const result = await datasetsFromDirectory(OP, directory, ['.txt'], o, 'text files', load);
  return result as DirectoryResult<O, TextBatch<O>>;
}
