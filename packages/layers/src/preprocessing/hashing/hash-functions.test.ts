import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { farmhashFingerprint64 } from './farmhash64.js';
import { siphash24 } from './siphash24.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const farmVectors = fixture('farmhash-vectors.json') as [string, string][];
const sipVectors = fixture('siphash-vectors.json') as [string, string, string, string][];

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('farmhashFingerprint64', () => {
  test('published farmhashna Hash64 vectors', () => {
    expect(farmhashFingerprint64(utf8(''))).toBe(0x9ae16a3b2f90404fn);
    expect(farmhashFingerprint64(utf8('a'))).toBe(0xb3454265b6df75e3n);
    expect(farmhashFingerprint64(utf8('hi'))).toBe(0x6a5d2fba44f012f8n);
    expect(farmhashFingerprint64(utf8('hello world'))).toBe(0x588fb7478bd6b01bn);
    expect(farmhashFingerprint64(utf8('lee@lmmrtech.com'))).toBe(0x61bec68db00fa2ffn);
    expect(farmhashFingerprint64(utf8('docklandsman@gmail.com'))).toBe(0xb678cf3842309f40n);
    expect(farmhashFingerprint64(utf8('fred@example.com'))).toBe(0x7fbbcd6191d8dce0n);
  });

  test('matches FarmHash C++ util::Fingerprint64 on every length 0..200 (fixtures/make-hash-vectors.sh)', () => {
    expect(farmVectors.length).toBeGreaterThan(200);
    for (const [s, h] of farmVectors) expect(farmhashFingerprint64(utf8(s))).toBe(BigInt(h));
  });
});

describe('siphash24', () => {
  // The 64 reference outputs of SipHash-2-4 (Aumasson and Bernstein): key 00 01 .. 0f, messages
  // '', 00, 00 01, ..., 00 01 .. 3e.
  const reference = [
    0x726fdb47dd0e0e31n,
    0x74f839c593dc67fdn,
    0x0d6c8009d9a94f5an,
    0x85676696d7fb7e2dn,
    0xcf2794e0277187b7n,
    0x18765564cd99a68dn,
    0xcbc9466e58fee3cen,
    0xab0200f58b01d137n,
    0x93f5f5799a932462n,
    0x9e0082df0ba9e4b0n,
    0x7a5dbbc594ddb9f3n,
    0xf4b32f46226bada7n,
    0x751e8fbc860ee5fbn,
    0x14ea5627c0843d90n,
    0xf723ca908e7af2een,
    0xa129ca6149be45e5n,
    0x3f2acc7f57c29bdbn,
    0x699ae9f52cbe4794n,
    0x4bc1b3f0968dd39cn,
    0xbb6dc91da77961bdn,
    0xbed65cf21aa2ee98n,
    0xd0f2cbb02e3b67c7n,
    0x93536795e3a33e88n,
    0xa80c038ccd5ccec8n,
    0xb8ad50c6f649af94n,
    0xbce192de8a85b8ean,
    0x17d835b85bbb15f3n,
    0x2f2e6163076bcfadn,
    0xde4daaaca71dc9a5n,
    0xa6a2506687956571n,
    0xad87a3535c49ef28n,
    0x32d892fad841c342n,
    0x7127512f72f27ccen,
    0xa7f32346f95978e3n,
    0x12e0b01abb051238n,
    0x15e034d40fa197aen,
    0x314dffbe0815a3b4n,
    0x027990f029623981n,
    0xcadcd4e59ef40c4dn,
    0x9abfd8766a33735cn,
    0x0e3ea96b5304a7d0n,
    0xad0c42d6fc585992n,
    0x187306c89bc215a9n,
    0xd4a60abcf3792b95n,
    0xf935451de4f21df2n,
    0xa9538f0419755787n,
    0xdb9acddff56ca510n,
    0xd06c98cd5c0975ebn,
    0xe612a3cb9ecba951n,
    0xc766e62cfcadaf96n,
    0xee64435a9752fe72n,
    0xa192d576b245165an,
    0x0a8787bf8ecb74b2n,
    0x81b3e73d20b49b6fn,
    0x7fa8220ba3b2ecean,
    0x245731c13ca42499n,
    0xb78dbfaf3a8d83bdn,
    0xea1ad565322a1a0bn,
    0x60e61c23a3795013n,
    0x6606d7e446282b93n,
    0x6ca4ecb15c5f91e1n,
    0x9f626da15c9625f3n,
    0xe51b38608ef25f57n,
    0x958a324ceb064572n,
  ];

  test('the 64 reference vectors', () => {
    const key: [bigint, bigint] = [0x0706050403020100n, 0x0f0e0d0c0b0a0908n];
    reference.forEach((h, n) => {
      expect(
        siphash24(
          Uint8Array.from({ length: n }, (_, i) => i),
          key,
        ),
      ).toBe(h);
    });
  });

  test('matches highwayhash SipHash (TensorFlow StrongKeyedHash) under Keras salts (fixtures/make-hash-vectors.sh)', () => {
    for (const [k0, k1, s, h] of sipVectors) {
      expect(siphash24(utf8(s), [BigInt(k0), BigInt(k1)])).toBe(BigInt(h));
    }
  });
});
