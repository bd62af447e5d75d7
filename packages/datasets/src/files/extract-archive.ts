import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { NotImplementedError, ValueError } from '@horn/tensor';
import { isGzip, maybeGunzip } from '../readers/bytes.js';
import { untar } from '../readers/tar.js';
import { unzipEntries } from '../readers/zip.js';

/**
 * An archive kind `getFile` can try: tar (raw or gzip) or zip.
 * @example const kind: ArchiveKind = 'zip';
 */
export type ArchiveKind = 'tar' | 'zip';

/**
 * Which kinds to try, as Keras's `archive_format`: 'auto' (= tar, then zip), one kind, a list, or null (none).
 * @example await getFile('data.zip', url, { extract: true, archiveFormat: ['zip'] });
 */
export type ArchiveFormat = 'auto' | ArchiveKind | readonly ArchiveKind[] | null;

/**
 * The archive kinds an `archiveFormat` option asks for, in order, refusing unknown ones by name.
 * @example archiveKinds('auto') // ['tar', 'zip']
 */
export function archiveKinds(format: ArchiveFormat): ArchiveKind[] {
  if (format === null) return [];
  const kinds = format === 'auto' ? ['tar', 'zip'] : typeof format === 'string' ? [format] : [...format];
  for (const kind of kinds) {
    if (kind !== 'tar' && kind !== 'zip') {
      throw new ValueError(
        `getFile: archiveFormat must be 'auto', 'tar', 'zip', a list of those, or null, got ${JSON.stringify(kind)}`,
      );
    }
  }
  return kinds as ArchiveKind[];
}

/**
 * Extracts a tar (raw or gzip) or zip archive into `dir`, trying `kinds` in order (Keras's
 * `extract_archive`). Entries whose path would leave `dir` are skipped with a warning, as Keras does.
 * Returns false when the bytes are none of the kinds. bzip2 / xz compressed tars are refused by name.
 * On a failure part way, `dir` is removed. Only regular files are written (no links, no empty folders).
 * @example await extractArchive(bytes, '/tmp/out', ['tar', 'zip'], 'data.tar.gz') // true
 */
export async function extractArchive(
  bytes: Uint8Array,
  dir: string,
  kinds: readonly ArchiveKind[],
  label: string,
): Promise<boolean> {
  for (const kind of kinds) {
    let entries: Map<string, Uint8Array> | null = null;
    if (kind === 'tar') {
      if (isBzip2(bytes) || isXz(bytes)) {
        throw new NotImplementedError(
          `getFile: cannot extract ${label}: bzip2 and xz compressed tar archives are not supported (tar, tar.gz and zip are)`,
        );
      }
      const data = isGzip(bytes) ? maybeGunzip(bytes) : bytes;
      if (isTar(data)) entries = untar(data, label);
    } else if (isZip(bytes)) {
      entries = unzipEntries(bytes, label);
    }
    if (entries === null) continue;
    await writeEntries(entries, dir);
    return true;
  }
  return false;
}

async function writeEntries(entries: Map<string, Uint8Array>, dir: string): Promise<void> {
  const base = resolve(dir);
  try {
    await mkdir(base, { recursive: true });
    for (const [name, body] of entries) {
      const path = resolve(base, name);
      const inside = relative(base, path);
      if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
        console.warn(`getFile: skipping invalid path during archive extraction: '${name}'`);
        continue;
      }
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, body);
    }
  } catch (e) {
    await rm(base, { recursive: true, force: true });
    throw e;
  }
}

/** A ustar / GNU / v7 tar header: its checksum field matches the sum of its bytes (fields as spaces). */
function isTar(data: Uint8Array): boolean {
  if (data.length < 512) return false;
  const field = new TextDecoder().decode(data.subarray(148, 156)).replace(/\0.*$/s, '').trim();
  if (!/^[0-7]+$/.test(field)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : data[i];
  return sum === Number.parseInt(field, 8);
}

/** A zip archive ends with an end-of-central-directory record (within the last 64 KiB + 22 bytes). */
function isZip(data: Uint8Array): boolean {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 0x05 && data[i + 3] === 0x06) return true;
  }
  return false;
}

const isBzip2 = (d: Uint8Array) => d.length >= 3 && d[0] === 0x42 && d[1] === 0x5a && d[2] === 0x68;
const isXz = (d: Uint8Array) => d.length >= 6 && d[0] === 0xfd && d[1] === 0x37 && d[2] === 0x7a && d[3] === 0x58;
