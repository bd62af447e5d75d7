import type { ModelJSON } from './artifacts.js';
import type { DirectoryFile } from './atomic-directory.js';

/**
 * Gives each shard a content-addressed name — `group1-shard1of2.bin` becomes
 * `group1-shard1of2.<16 hex digits of its SHA-256>.bin` — and points the manifest's paths at the
 * new names. A new save's shard therefore never replaces a shard the previous model.json names
 * unless its bytes are the same, which is what lets `writeDirectoryAtomically` commit a save with
 * one atomic rename of the JSON file. TF.js and Horn read whatever names the manifest lists.
 * Node only (it uses `node:crypto`), like the file handler that calls it.
 * @example
 * const named = await contentAddressedShards(json, shards);
 * named.shards[0].name // 'group1-shard1of1.3f2a9c1b8e7d6a5f.bin'
 */
export async function contentAddressedShards<J extends Pick<ModelJSON, 'weightsManifest'>>(
  json: J,
  shards: readonly DirectoryFile[],
): Promise<{ json: J; shards: DirectoryFile[] }> {
  const { createHash } = await import('node:crypto');
  const renamed = new Map<string, string>();
  const named = shards.map((shard) => {
    const digest = createHash('sha256').update(shard.data).digest('hex').slice(0, 16);
    const name = shard.name.replace(/\.bin$/, `.${digest}.bin`);
    renamed.set(shard.name, name);
    return { name, data: shard.data };
  });
  const weightsManifest = json.weightsManifest.map((group) => ({
    ...group,
    paths: group.paths.map((p) => renamed.get(p) ?? p),
  }));
  return { json: { ...json, weightsManifest }, shards: named };
}

/**
 * Whether a file name is a weight shard Horn writes (`group1-shard1of2.bin`, or the
 * content-addressed `group1-shard1of2.3f2a9c1b8e7d6a5f.bin`): a new save removes such files that
 * it does not use.
 * @example isHornShardName('group1-shard1of1.3f2a9c1b8e7d6a5f.bin') // true
 */
export function isHornShardName(name: string): boolean {
  return /^group\d+-shard\d+of\d+(\.[0-9a-f]{16})?\.bin$/.test(name);
}
