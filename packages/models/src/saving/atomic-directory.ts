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
  /** Which entries of an existing target may be replaced (files of a previous save); others make the write refuse. */
  replaceable?: (entry: string) => boolean;
  /** Names the caller in messages, e.g. 'saveModel'. */
  caller: string;
}

let counter = 0;

/**
 * Writes `files` as the directory `target`, all or nothing: they go into a fresh temporary
 * directory beside the target, each is flushed to disk, then the temporary directory is renamed
 * into place (an existing target is first moved aside and removed only once the new one is in
 * place). If anything fails, the temporary directory is removed and the previous target is left
 * as it was. A target holding files that are not `replaceable` is refused rather than replaced.
 * @example await writeDirectoryAtomically(fs, './model', [{ name: 'model.json', data }], { caller: 'saveModel' });
 */
export async function writeDirectoryAtomically(
  fs: FileSystem,
  target: string,
  files: readonly DirectoryFile[],
  options: AtomicWriteOptions,
): Promise<void> {
  const { caller } = options;
  const dir = fs.resolve(target);
  const parent = fs.dirname(dir);
  const base = fs.basename(dir);
  const existing = await inspectTarget(fs, dir, options);
  const unique = `${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const temp = fs.join(parent, `.${base}.horn-tmp-${unique}`);
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
  const backup = existing ? fs.join(parent, `.${base}.horn-old-${unique}`) : null;
  try {
    if (backup) await fs.rename(dir, backup);
    try {
      await fs.rename(temp, dir);
    } catch (e) {
      if (backup) await fs.rename(backup, dir);
      throw e;
    }
  } catch (e) {
    await fs.remove(temp).catch(() => {});
    throw new ModelSaveError(`${caller}: could not move the new save into '${dir}': ${describe(e)}`, { cause: e });
  }
  await fs.syncDirectory(parent);
  // The new save is in place; a backup that cannot be removed is litter, not a failed save.
  if (backup) await fs.remove(backup).catch(() => {});
}

async function inspectTarget(fs: FileSystem, dir: string, options: AtomicWriteOptions): Promise<boolean> {
  try {
    return await checkTarget(fs, dir, options);
  } catch (e) {
    if (e instanceof ModelSaveError) throw e;
    throw new ModelSaveError(`${options.caller}: cannot write to '${dir}': ${describe(e)}`, { cause: e });
  }
}

async function checkTarget(fs: FileSystem, dir: string, options: AtomicWriteOptions): Promise<boolean> {
  const { caller } = options;
  const kind = await fs.kind(dir);
  if (kind === null) return false;
  if (kind === 'file') throw new ModelSaveError(`${caller}: '${dir}' is a file; a model is saved as a directory`);
  if (dir === fs.resolve('.')) {
    throw new ModelSaveError(`${caller}: will not replace the current directory '${dir}'; save into a subdirectory`);
  }
  const entries = await fs.list(dir);
  if (entries.length === 0) return true;
  if (options.overwrite === false) {
    throw new ModelSaveError(`${caller}: '${dir}' already exists and overwrite is false`);
  }
  const foreign = entries.filter((e) => !(options.replaceable?.(e) ?? false));
  if (foreign.length > 0) {
    throw new ModelSaveError(
      `${caller}: '${dir}' holds files that are not part of a saved model (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', ...' : ''}); a save replaces the whole directory, so choose an empty or new one`,
    );
  }
  return true;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
