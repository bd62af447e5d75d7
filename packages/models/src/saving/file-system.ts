import { ModelFileError, ShardTooLongError } from './errors.js';

/**
 * The file operations saving and loading use. The default is Node's `fs` (imported on first use,
 * so browser bundles that never touch files do not pull it in); tests wrap it to inject failures.
 * @example
 * const fs: FileSystem = await nodeFileSystem();
 * const logged: FileSystem = { ...fs, writeFile: (path, data) => (console.log('write', path), fs.writeFile(path, data)) };
 * await saveModel(model, fileSystemHandler('./my-model', { fileSystem: logged }));
 */
export interface FileSystem {
  /** Writes a whole file and flushes it to disk (fsync) before resolving. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Reads a file that must lie inside `root` once symlinks are resolved, be a regular file (not a
   * FIFO, device or directory) and hold at most `maxBytes` — all checked on the open file before a
   * byte is read. Refusals are {@link ModelFileError}s that tell nothing about files outside `root`.
   */
  readContained?(path: string, root: string, maxBytes: number): Promise<Uint8Array>;
  mkdir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or a directory tree; a missing path is not an error. */
  remove(path: string): Promise<void>;
  /** The entry names of a directory. */
  list(path: string): Promise<string[]>;
  /** 'file', 'directory', or null when nothing is there. */
  kind(path: string): Promise<'file' | 'directory' | null>;
  /** Flushes a directory's entries (after creating or renaming in it); a no-op where unsupported. */
  syncDirectory(path: string): Promise<void>;
  /** Path helpers of the platform. */
  join(...parts: string[]): string;
  dirname(path: string): string;
  basename(path: string): string;
  resolve(path: string): string;
}

let nodeFs: Promise<FileSystem> | null = null;

async function readContainedFile(
  fsp: typeof import('node:fs/promises'),
  path: typeof import('node:path'),
  file: string,
  root: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const name = path.relative(root, file) || path.basename(file);
  const [realRoot, realFile] = await Promise.all([fsp.realpath(root), fsp.realpath(file)]);
  const inside = path.relative(realRoot, realFile);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new ModelFileError(`'${name}' leaves the model's directory (through a symlink): refused`);
  }
  const { constants } = await import('node:fs');
  // O_NONBLOCK: a FIFO must not block the open; it is then refused as not a regular file.
  const handle = await fsp.open(realFile, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ModelFileError(`'${name}' is not a regular file: refused`);
    if (stat.size > maxBytes) throw new ShardTooLongError(name, maxBytes, stat.size);
    const bytes = new Uint8Array(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}

/**
 * Node's file system as a {@link FileSystem}. Throws in a browser, where no file system exists.
 * @example const fs = await nodeFileSystem(); await fs.kind('./model'); // 'directory' or null
 */
export function nodeFileSystem(): Promise<FileSystem> {
  nodeFs ??= loadNodeFileSystem();
  return nodeFs;
}

async function loadNodeFileSystem(): Promise<FileSystem> {
  const [fsp, path] = await Promise.all([import('node:fs/promises'), import('node:path')]);
  return {
    async writeFile(file, data) {
      const handle = await fsp.open(file, 'w');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async readFile(file) {
      return new Uint8Array(await fsp.readFile(file));
    },
    readContained: (file, root, maxBytes) => readContainedFile(fsp, path, file, root, maxBytes),
    async mkdir(dir) {
      await fsp.mkdir(dir, { recursive: true });
    },
    rename: (from, to) => fsp.rename(from, to),
    remove: (target) => fsp.rm(target, { recursive: true, force: true }),
    list: (dir) => fsp.readdir(dir),
    async kind(target) {
      try {
        const stat = await fsp.stat(target);
        return stat.isDirectory() ? 'directory' : 'file';
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return null;
        throw e;
      }
    },
    async syncDirectory(dir) {
      // Windows cannot open a directory for fsync; the rename is as durable as that platform allows.
      let handle: Awaited<ReturnType<typeof fsp.open>> | undefined;
      try {
        handle = await fsp.open(dir, 'r');
        await handle.sync();
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw e;
      } finally {
        await handle?.close();
      }
    },
    join: (...parts) => path.join(...parts),
    dirname: (p) => path.dirname(p),
    basename: (p) => path.basename(p),
    resolve: (p) => path.resolve(p),
  };
}
