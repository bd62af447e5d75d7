import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A shard name without its content digest: `group1-shard1of1.3f2a9c1b8e7d6a5f.bin` →
 * `group1-shard1of1.bin` (saves name shards by their content).
 */
export const plainShardName = (name: string): string => name.replace(/\.[0-9a-f]{16}\.bin$/, '.bin');

/** The entries of a directory, sorted, shard names without their digest. */
export async function plainEntries(dir: string): Promise<string[]> {
  return (await readdir(dir)).map(plainShardName).sort();
}

/** The path of the shard `name` (given without its digest) in a saved directory. */
export async function shardPath(dir: string, name: string): Promise<string> {
  return join(dir, (await readdir(dir)).find((entry) => plainShardName(entry) === name) ?? name);
}
