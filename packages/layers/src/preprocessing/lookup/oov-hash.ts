import { farmhashFingerprint64 } from '../hashing/farmhash64.js';
import { siphash24 } from '../hashing/siphash24.js';

const utf8 = new TextEncoder();

/**
 * TF's `to_hash_bucket_fast` (FarmHash Fingerprint64 of the UTF-8 bytes, mod `buckets`) or, with a
 * salt, `to_hash_bucket_strong` (SipHash-2-4 keyed by the two salt integers): where Keras' lookup
 * layers send an out-of-vocabulary term when there are several OOV slots.
 * @example hashBucket('hello world', 5, null) // Fingerprint64('hello world') mod 5
 */
export function hashBucket(text: string, buckets: number, salt: readonly [number, number] | null): number {
  const bytes = utf8.encode(text);
  const hash =
    salt === null
      ? farmhashFingerprint64(bytes)
      : siphash24(bytes, [BigInt.asUintN(64, BigInt(salt[0])), BigInt.asUintN(64, BigInt(salt[1]))]);
  return Number(hash % BigInt(buckets));
}
