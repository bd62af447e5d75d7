// SipHash-2-4 (Aumasson and Bernstein), as highwayhash's SipHash computes it for TensorFlow's
// `StrongKeyedHash` and so `tf.strings.to_hash_bucket_strong`: a 128-bit key of two 64-bit
// words, 64-bit output, BigInt arithmetic modulo 2^64.

const MASK = 0xffffffffffffffffn;

const rotl = (v: bigint, b: bigint): bigint => ((v << b) | (v >> (64n - b))) & MASK;

/**
 * SipHash-2-4 of bytes under the key `[k0, k1]` (each an unsigned 64-bit integer), as an unsigned
 * 64-bit BigInt.
 * @example siphash24(new Uint8Array(0), [0x0706050403020100n, 0x0f0e0d0c0b0a0908n]) // 0x726fdb47dd0e0e31n
 */
export function siphash24(bytes: Uint8Array, key: readonly [bigint, bigint]): bigint {
  const k0 = key[0] & MASK;
  const k1 = key[1] & MASK;
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = () => {
    v0 = (v0 + v1) & MASK;
    v1 = rotl(v1, 13n) ^ v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & MASK;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = (v0 + v3) & MASK;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = (v2 + v1) & MASK;
    v1 = rotl(v1, 17n) ^ v2;
    v2 = rotl(v2, 32n);
  };
  const compress = (m: bigint) => {
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  };
  const len = bytes.length;
  const full = len - (len % 8);
  for (let i = 0; i < full; i += 8) {
    let m = 0n;
    for (let k = 7; k >= 0; k--) m = (m << 8n) | BigInt(bytes[i + k]);
    compress(m);
  }
  let last = BigInt(len & 0xff) << 56n;
  for (let k = len - 1; k >= full; k--) last |= BigInt(bytes[k]) << BigInt(8 * (k - full));
  compress(last);
  v2 ^= 0xffn;
  round();
  round();
  round();
  round();
  return v0 ^ v1 ^ v2 ^ v3;
}
