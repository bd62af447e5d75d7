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
