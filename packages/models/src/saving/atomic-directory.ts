import { ModelSaveError } from './errors.js';
import type { FileSystem } from './file-system.js';

/** A file to write: its name inside the directory and its bytes. */
export interface DirectoryFile {
  name: string;
  data: Uint8Array;
}

/** Options of {@link writeDirectoryAtomically}. */
export interface AtomicWriteOptions {
  /** Replace a previous save at the target (default true, as Keras). */
  overwrite?: boolean;
  /**
   * The entries of an existing target that belong to the previous save (its JSON file, its
   * shards, stale shards): they are replaced or removed. Every other entry is left alone.
   */
  previousSave: (fs: FileSystem, dir: string, entries: readonly string[]) => Promise<string[]>;
  /** Names the caller in messages, e.g. 'saveModel'. */
  caller: string;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Writes `files` into the directory `target`, all or nothing. A new target is written as a
 * temporary directory beside it, flushed, then renamed into place. An existing directory keeps
 * every entry that is not part of the previous save (as TF.js' file handler): the new files are
 * written and flushed into a hidden temporary directory inside it first (where a full disk or a
 * permission error strikes, changing nothing), then the previous save's files are moved into a
 * hidden backup directory (its JSON file first), the new files moved in (the JSON file last) and
 * the backup removed. A failure while moving puts the previous save back. At no moment does the
 * directory hold a JSON file next to shards of another save.
 * @example
 * await writeDirectoryAtomically(fs, './model', [{ name: 'model.json', data }], {
 *   caller: 'saveModel',
 *   previousSave: async () => ['model.json'],
 * });
 */
export async function writeDirectoryAtomically(
  fs: FileSystem,
  target: string,
  files: readonly DirectoryFile[],
  options: AtomicWriteOptions,
): Promise<void> {
  const dir = fs.resolve(target);
  const previous = await inspectTarget(fs, dir, new Set(files.map((f) => f.name)), options);
  if (previous === null) await writeNewDirectory(fs, dir, files, options.caller);
  else await replaceInDirectory(fs, dir, files, previous, options.caller);
}

async function writeNewDirectory(
  fs: FileSystem,
  dir: string,
  files: readonly DirectoryFile[],
  caller: string,
): Promise<void> {
  const parent = fs.dirname(dir);
  const temp = fs.join(parent, `.${fs.basename(dir)}.horn-tmp-${unique()}`);
  await writeTemp(fs, temp, files, dir, caller);
  try {
    await fs.rename(temp, dir);
  } catch (e) {
    await fs.remove(temp).catch(() => {});
    throw new ModelSaveError(`${caller}: could not move the new save into '${dir}': ${describe(e)}`, { cause: e });
  }
  await fs.syncDirectory(parent);
}

async function replaceInDirectory(
  fs: FileSystem,
  dir: string,
  files: readonly DirectoryFile[],
  previous: readonly string[],
  caller: string,
): Promise<void> {
  const id = unique();
  const temp = fs.join(dir, `.horn-tmp-${id}`);
  await writeTemp(fs, temp, files, dir, caller);
  const backup = fs.join(dir, `.horn-old-${id}`);
  // JSON files leave first and come back last, so a JSON file never sits beside foreign shards.
  const jsonFirst = (names: readonly string[]) => [...names].sort((a, b) => jsonRank(a) - jsonRank(b));
  const movedOut: string[] = [];
  const movedIn: string[] = [];
  try {
    if (previous.length > 0) await fs.mkdir(backup);
    for (const name of jsonFirst(previous)) {
      await fs.rename(fs.join(dir, name), fs.join(backup, name));
      movedOut.push(name);
    }
    for (const name of jsonFirst(files.map((f) => f.name)).reverse()) {
      await fs.rename(fs.join(temp, name), fs.join(dir, name));
      movedIn.push(name);
    }
    await fs.syncDirectory(dir);
  } catch (e) {
    // Put the previous save back: take the new files out, then the old ones in (JSON last).
    for (const name of movedIn.reverse()) await fs.remove(fs.join(dir, name)).catch(() => {});
    for (const name of movedOut.reverse()) {
      await fs.rename(fs.join(backup, name), fs.join(dir, name)).catch(() => {});
    }
    await fs.remove(temp).catch(() => {});
    await fs.remove(backup).catch(() => {});
    throw new ModelSaveError(
      `${caller}: could not move the new save into '${dir}': ${describe(e)}; the previous save was put back`,
      { cause: e },
    );
  }
  // The new save is in place; leftovers that cannot be removed are litter, not a failed save.
  await fs.remove(temp).catch(() => {});
  await fs.remove(backup).catch(() => {});
}

function jsonRank(name: string): number {
  return name.endsWith('.json') ? 0 : 1;
}

async function writeTemp(
  fs: FileSystem,
  temp: string,
  files: readonly DirectoryFile[],
  dir: string,
  caller: string,
): Promise<void> {
  try {
    await fs.mkdir(temp);
    for (const file of files) await fs.writeFile(fs.join(temp, file.name), file.data);
    await fs.syncDirectory(temp);
  } catch (e) {
    await fs.remove(temp).catch(() => {});
    throw new ModelSaveError(`${caller}: could not write '${dir}': ${describe(e)}; nothing was changed there`, {
      cause: e,
    });
  }
}

// The previous save's entries in an existing directory, or null when the target does not exist.
async function inspectTarget(
  fs: FileSystem,
  dir: string,
  written: ReadonlySet<string>,
  options: AtomicWriteOptions,
): Promise<string[] | null> {
  const { caller } = options;
  let kind: 'file' | 'directory' | null;
  let previous: string[];
  try {
    kind = await fs.kind(dir);
    if (kind === null) return null;
    if (kind === 'file') throw new ModelSaveError(`${caller}: '${dir}' is a file; a model is saved as a directory`);
    const entries = await fs.list(dir);
    // An entry the new save writes is replaced whatever it was, so it is backed up like the rest.
    const named = new Set(await options.previousSave(fs, dir, entries));
    previous = entries.filter((e) => named.has(e) || written.has(e));
  } catch (e) {
    if (e instanceof ModelSaveError) throw e;
    throw new ModelSaveError(`${caller}: cannot write to '${dir}': ${describe(e)}`, { cause: e });
  }
  if (previous.length > 0 && options.overwrite === false) {
    const names = [...previous].sort();
    throw new ModelSaveError(
      `${caller}: '${dir}' already holds a save (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''}) and overwrite is false`,
    );
  }
  return previous;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
