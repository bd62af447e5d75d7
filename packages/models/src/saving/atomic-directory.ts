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

// Horn's own litter inside a save directory: what a save killed before it finished leaves behind
// (this design's temporary directory, and the backup directory of Horn's earlier rename-aside saves).
const LITTER = /^\.horn-(tmp|old)-/;

/**
 * Writes `files` into the directory `target` so that at every instant — a `kill -9` or a power
 * cut included — the target holds either the previous save or the new one, complete. `files[0]`
 * is the JSON file that names the others (model.json, weights.json); the other files must have
 * content-addressed names (see `contentAddressedShards`), so a new file never replaces a file the
 * previous JSON names unless its bytes are the same.
 *
 * Why this design (and not a rename-aside swap): a POSIX rename of one file over another is
 * atomic, while swapping a set of files is not. So every new file is written and flushed into a
 * hidden temporary directory, the shards are renamed into the target (beside the previous save's
 * shards, which they never replace), the directory is flushed, and then the JSON file is renamed
 * over the previous one: that single rename is the commit. Only after it are the previous save's
 * files that the new one does not use (the other JSON first, then shards) and Horn's litter from
 * earlier crashed saves (`.horn-tmp-*`, `.horn-old-*`) removed. Every reader, TF.js included,
 * sees a consistent save at every moment, with no recovery step in the loader. A new target is
 * written as a temporary directory beside it and renamed into place. Entries that are not Horn's
 * (a README, a user's data) are never touched. A failure before the commit removes what it
 * added and leaves the previous save as it was.
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
  else {
    await replaceInDirectory(fs, dir, files, options.caller);
    await removeStale(fs, dir, files, previous, options);
  }
  await removeParentLitter(fs, dir);
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
  await fs.syncDirectory(parent).catch(() => {});
}

async function replaceInDirectory(
  fs: FileSystem,
  dir: string,
  files: readonly DirectoryFile[],
  caller: string,
): Promise<void> {
  const [commit, ...shards] = files;
  const before = new Set(await fs.list(dir));
  const temp = fs.join(dir, `.horn-tmp-${unique()}`);
  await writeTemp(fs, temp, files, dir, caller);
  const added: string[] = [];
  try {
    for (const shard of shards) {
      await fs.rename(fs.join(temp, shard.name), fs.join(dir, shard.name));
      if (!before.has(shard.name)) added.push(shard.name);
    }
    await fs.syncDirectory(dir);
    // The commit: from here on the directory holds the new save.
    await fs.rename(fs.join(temp, commit.name), fs.join(dir, commit.name));
  } catch (e) {
    for (const name of added) await fs.remove(fs.join(dir, name)).catch(() => {});
    await fs.remove(temp).catch(() => {});
    throw new ModelSaveError(
      `${caller}: could not move the new save into '${dir}': ${describe(e)}; the previous save was left as it was`,
      { cause: e },
    );
  }
  await fs.syncDirectory(dir).catch(() => {});
  await fs.remove(temp).catch(() => {});
}

// After the commit: the previous save's files the new one does not use (JSON files first, so no
// JSON file ever names a removed shard), then Horn's litter. A failure here leaves litter that the
// next save removes; it is not a failed save.
async function removeStale(
  fs: FileSystem,
  dir: string,
  files: readonly DirectoryFile[],
  previous: readonly string[],
  options: AtomicWriteOptions,
): Promise<void> {
  try {
    const keep = new Set(files.map((f) => f.name));
    const entries = await fs.list(dir);
    const owned = new Set([...previous, ...(await options.previousSave(fs, dir, entries))]);
    const stale = entries.filter((e) => owned.has(e) && !keep.has(e));
    const jsonFirst = stale.sort((a, b) => jsonRank(a) - jsonRank(b));
    for (const name of jsonFirst) await fs.remove(fs.join(dir, name));
    for (const name of entries.filter((e) => LITTER.test(e))) await fs.remove(fs.join(dir, name));
  } catch {
    // Litter, removed by the next save.
  }
}

// Temporary directories that saves of this path killed before their rename left beside it.
async function removeParentLitter(fs: FileSystem, dir: string): Promise<void> {
  const prefix = `.${fs.basename(dir)}.horn-tmp-`;
  try {
    const parent = fs.dirname(dir);
    for (const entry of await fs.list(parent)) if (entry.startsWith(prefix)) await fs.remove(fs.join(parent, entry));
  } catch {
    // Litter, removed by the next save.
  }
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
    // An entry the new save writes is replaced whatever it was, so it counts as the previous save's.
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
