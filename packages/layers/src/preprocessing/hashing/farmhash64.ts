// FarmHash's Fingerprint64 (farmhashna::Hash64, by Geoff Pike, Google; MIT licence), the hash
// behind TensorFlow's `Fingerprint64` and so `tf.strings.to_hash_bucket_fast`, in BigInt
// arithmetic modulo 2^64.

const MASK = 0xffffffffffffffffn;
const K0 = 0xc3a5c85c97cb3127n;
const K1 = 0xb492b66fbe98f273n;
const K2 = 0x9ae16a3b2f90404fn;

const mul64 = (a: bigint, b: bigint): bigint => (a * b) & MASK;
const add64 = (a: bigint, b: bigint): bigint => (a + b) & MASK;

function rotate(v: bigint, shift: bigint): bigint {
  return shift === 0n ? v : ((v >> shift) | (v << (64n - shift))) & MASK;
}

function shiftMix(v: bigint): bigint {
  return v ^ (v >> 47n);
}

function fetch64(s: Uint8Array, i: number): bigint {
  let v = 0n;
  for (let k = 7; k >= 0; k--) v = (v << 8n) | BigInt(s[i + k]);
  return v;
}

function fetch32(s: Uint8Array, i: number): bigint {
  return BigInt((s[i] | (s[i + 1] << 8) | (s[i + 2] << 16) | (s[i + 3] << 24)) >>> 0);
}

function hashLen16(u: bigint, v: bigint, mul: bigint): bigint {
  let a = mul64(u ^ v, mul);
  a ^= a >> 47n;
  let b = mul64(v ^ a, mul);
  b ^= b >> 47n;
  return mul64(b, mul);
}

function hashLen0to16(s: Uint8Array, len: number): bigint {
  const n = BigInt(len);
  if (len >= 8) {
    const mul = add64(K2, n * 2n);
    const a = add64(fetch64(s, 0), K2);
    const b = fetch64(s, len - 8);
    const c = add64(mul64(rotate(b, 37n), mul), a);
    const d = mul64(add64(rotate(a, 25n), b), mul);
    return hashLen16(c, d, mul);
  }
  if (len >= 4) {
    const mul = add64(K2, n * 2n);
    const a = fetch32(s, 0);
    return hashLen16(add64(n, a << 3n), fetch32(s, len - 4), mul);
  }
  if (len > 0) {
    const y = BigInt(s[0] + (s[len >> 1] << 8));
    const z = BigInt((len + (s[len - 1] << 2)) >>> 0);
    return mul64(shiftMix(mul64(y, K2) ^ mul64(z, K0)), K2);
  }
  return K2;
}

function hashLen17to32(s: Uint8Array, len: number): bigint {
  const mul = add64(K2, BigInt(len) * 2n);
  const a = mul64(fetch64(s, 0), K1);
  const b = fetch64(s, 8);
  const c = mul64(fetch64(s, len - 8), mul);
  const d = mul64(fetch64(s, len - 16), K2);
  return hashLen16(
    add64(add64(rotate(add64(a, b), 43n), rotate(c, 30n)), d),
    add64(add64(a, rotate(add64(b, K2), 18n)), c),
    mul,
  );
}

function hashLen33to64(s: Uint8Array, len: number): bigint {
  const mul = add64(K2, BigInt(len) * 2n);
  const a = mul64(fetch64(s, 0), K2);
  const b = fetch64(s, 8);
  const c = mul64(fetch64(s, len - 8), mul);
  const d = mul64(fetch64(s, len - 16), K2);
  const y = add64(add64(rotate(add64(a, b), 43n), rotate(c, 30n)), d);
  const z = hashLen16(y, add64(add64(a, rotate(add64(b, K2), 18n)), c), mul);
  const e = mul64(fetch64(s, 16), mul);
  const f = fetch64(s, 24);
  const g = mul64(add64(y, fetch64(s, len - 32)), mul);
  const h = mul64(add64(z, fetch64(s, len - 24)), mul);
  return hashLen16(
    add64(add64(rotate(add64(e, f), 43n), rotate(g, 30n)), h),
    add64(add64(e, rotate(add64(f, a), 18n)), g),
    mul,
  );
}

/** FarmHash's WeakHashLen32WithSeeds on the 32 bytes at `i`: a pair of 64-bit words. */
function weakHash32(s: Uint8Array, i: number, a: bigint, b: bigint): [bigint, bigint] {
  const w = fetch64(s, i);
  const x = fetch64(s, i + 8);
  const y = fetch64(s, i + 16);
  const z = fetch64(s, i + 24);
  a = add64(a, w);
  b = rotate(add64(add64(b, a), z), 21n);
  const c = a;
  a = add64(add64(a, x), y);
  b = add64(b, rotate(a, 44n));
  return [add64(a, z), add64(b, c)];
}

/**
 * FarmHash Fingerprint64 of bytes (farmhashna::Hash64), as an unsigned 64-bit BigInt: what
 * TensorFlow's `Fingerprint64` and Keras' `Hashing` (without salt) compute.
 * @example farmhashFingerprint64(new TextEncoder().encode('hello world')) // 0x588fb7478bd6b01bn
 */
export function farmhashFingerprint64(s: Uint8Array): bigint {
  const len = s.length;
  if (len <= 16) return hashLen0to16(s, len);
  if (len <= 32) return hashLen17to32(s, len);
  if (len <= 64) return hashLen33to64(s, len);
  const seed = 81n;
  let x = seed;
  let y = add64(mul64(seed, K1), 113n);
  let z = mul64(shiftMix(add64(mul64(y, K2), 113n)), K2);
  let v: [bigint, bigint] = [0n, 0n];
  let w: [bigint, bigint] = [0n, 0n];
  x = add64(mul64(x, K2), fetch64(s, 0));
  const end = Math.floor((len - 1) / 64) * 64;
  const last64 = end + ((len - 1) & 63) - 63;
  let p = 0;
  do {
    x = mul64(rotate(add64(add64(add64(x, y), v[0]), fetch64(s, p + 8)), 37n), K1);
    y = mul64(rotate(add64(add64(y, v[1]), fetch64(s, p + 48)), 42n), K1);
    x ^= w[1];
    y = add64(y, add64(v[0], fetch64(s, p + 40)));
    z = mul64(rotate(add64(z, w[0]), 33n), K1);
    v = weakHash32(s, p, mul64(v[1], K1), add64(x, w[0]));
    w = weakHash32(s, p + 32, add64(z, w[1]), add64(y, fetch64(s, p + 16)));
    [z, x] = [x, z];
    p += 64;
  } while (p !== end);
  const mul = add64(K1, (z & 0xffn) << 1n);
  p = last64;
  w[0] = add64(w[0], BigInt((len - 1) & 63));
  v[0] = add64(v[0], w[0]);
  w[0] = add64(w[0], v[0]);
  x = mul64(rotate(add64(add64(add64(x, y), v[0]), fetch64(s, p + 8)), 37n), mul);
  y = mul64(rotate(add64(add64(y, v[1]), fetch64(s, p + 48)), 42n), mul);
  x ^= mul64(w[1], 9n);
  y = add64(y, add64(mul64(v[0], 9n), fetch64(s, p + 40)));
  z = mul64(rotate(add64(z, w[0]), 33n), mul);
  v = weakHash32(s, p, mul64(v[1], mul), add64(x, w[0]));
  w = weakHash32(s, p + 32, add64(z, w[1]), add64(y, fetch64(s, p + 16)));
  [z, x] = [x, z];
  return hashLen16(
    add64(add64(hashLen16(v[0], w[0], mul), mul64(shiftMix(y), K0)), z),
    add64(hashLen16(v[1], w[1], mul), x),
    mul,
  );
}
