import { gzipSync } from 'node:zlib';
import { ValueError } from '@horn/tensor';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, test } from 'vitest';
import { maybeGunzip, parseNpy, parseNpz, readCsv, setReadLimits, untar, unzipEntries } from '../index.js';
import { crc32 } from './crc32.js';
import { unpickle } from './pickle.js';

const MiB = 2 ** 20;
const defaults = setReadLimits({});
afterEach(() => setReadLimits(defaults));

/** A minimal `.npy` (version 1) with the given header text and body. */
function npy(header: string, body: Uint8Array = new Uint8Array()): Uint8Array {
  let text = header;
  while ((10 + text.length + 1) % 64 !== 0) text += ' ';
  text += '\n';
  const out = new Uint8Array(10 + text.length + body.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, text.length & 0xff, text.length >> 8]);
  out.set(new TextEncoder().encode(text), 10);
  out.set(body, 10 + text.length);
  return out;
}
const f32Header = (shape: string) => `{'descr': '<f4', 'fortran_order': False, 'shape': ${shape}, }`;

/** One ustar file entry (header + padded body) with a correct checksum unless `size` is forced. */
function tarEntry(name: string, body: Uint8Array, sizeField?: string): Uint8Array {
  const header = new Uint8Array(512);
  const put = (at: number, text: string) => header.set(new TextEncoder().encode(text), at);
  put(0, name);
  put(100, '0000644\0');
  put(124, sizeField ?? `${body.length.toString(8).padStart(11, '0')}\0`);
  put(156, '0');
  put(257, 'ustar\0');
  header.fill(0x20, 148, 156);
  const sum = header.reduce((a, b) => a + b, 0);
  put(148, `${sum.toString(8).padStart(6, '0')}\0 `);
  const out = new Uint8Array(512 + Math.ceil(body.length / 512) * 512);
  out.set(header);
  out.set(body, 512);
  return out;
}
const tarOf = (...entries: Uint8Array[]) => {
  const out = new Uint8Array(entries.reduce((n, e) => n + e.length, 0) + 1024);
  let at = 0;
  for (const e of entries) {
    out.set(e, at);
    at += e.length;
  }
  return out;
};

test('crc32 gives the standard check value', () => {
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
});

describe('gzip: bounded, checked', () => {
  test('a gzip bomb is refused by the ratio limit before it is inflated, and reads once the limit is raised', () => {
    const bomb = gzipSync(new Uint8Array(64 * MiB));
    expect(bomb.length).toBeLessThan(MiB / 4);
    expect(() => maybeGunzip(bomb, 'bomb.gz')).toThrow(
      /bomb\.gz would inflate .* over the ratio limit of 200×.*setReadLimits/,
    );
    setReadLimits({ maxInflateRatio: 2000 });
    expect(maybeGunzip(bomb, 'bomb.gz').length).toBe(64 * MiB);
  });

  test('the size cap names the limit and how to raise it', () => {
    setReadLimits({ maxInflatedBytes: MiB });
    expect(() => maybeGunzip(gzipSync(new Uint8Array(2 * MiB).fill(7)), 'big.gz')).toThrow(
      /big\.gz declares 2097152 bytes inflated, over the limit of 1048576 bytes.*maxInflatedBytes/,
    );
  });

  test('a trailer that understates the size stops inflation at the declared size', () => {
    const bytes = gzipSync(new Uint8Array(8 * MiB));
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(bytes.length - 4, 1000, true);
    expect(() => maybeGunzip(bytes, 'liar.gz')).toThrow(/liar\.gz inflates past its declared size of 1000 bytes/);
  });

  test('a wrong CRC-32, a cut stream and a damaged body are errors naming the file', () => {
    const good = gzipSync(new TextEncoder().encode('1,2,3\n4,5,6\n'.repeat(50)));
    expect(new TextDecoder().decode(maybeGunzip(good)).startsWith('1,2,3')).toBe(true);
    const badCrc = good.slice();
    badCrc[badCrc.length - 8] ^= 0xff;
    expect(() => maybeGunzip(badCrc, 'x.csv.gz')).toThrow(/x\.csv\.gz is damaged: CRC-32 0x[0-9a-f]{8} .* trailer's/);
    expect(() => maybeGunzip(good.subarray(0, 20), 'cut.gz')).toThrow(ValueError);
    expect(() => maybeGunzip(good.subarray(0, 20), 'cut.gz')).toThrow(/cut\.gz/);
    const garbled = good.slice();
    garbled.fill(0xff, 10, 30);
    expect(() => maybeGunzip(garbled, 'garbled.gz')).toThrow(/garbled\.gz/);
  });
});

describe('zip / npz: bounded, checked', () => {
  const data = new TextEncoder().encode('hello, zip '.repeat(40));

  test('a stored entry with a wrong CRC-32 is refused; an intact one reads', () => {
    const zip = zipSync({ 'a.txt': data }, { level: 0 });
    expect(unzipEntries(zip).get('a.txt')).toEqual(data);
    const bad = zip.slice();
    bad[40] ^= 1; // inside a.txt's bytes
    expect(() => unzipEntries(bad, 'bad.zip')).toThrow(/bad\.zip is damaged: entry 'a\.txt' has CRC-32/);
  });

  test('entries that overlap (two records for one local file) are refused', () => {
    const zip = zipSync({ 'a.txt': data }, { level: 0 });
    const view = new DataView(zip.buffer);
    const end = zip.length - 22;
    const cdStart = view.getUint32(end + 16, true);
    const record = zip.slice(cdStart, end);
    const twin = record.slice();
    twin[46] = 'b'.charCodeAt(0); // same local header, another name
    const out = new Uint8Array(zip.length + record.length);
    out.set(zip.subarray(0, end));
    out.set(twin, end);
    out.set(zip.subarray(end), end + record.length);
    const outView = new DataView(out.buffer);
    const outEnd = out.length - 22;
    outView.setUint16(outEnd + 8, 2, true);
    outView.setUint16(outEnd + 10, 2, true);
    outView.setUint32(outEnd + 12, record.length * 2, true);
    expect(() => unzipEntries(out, 'twins.zip')).toThrow(
      /twins\.zip is damaged: entries 'a\.txt' and 'b\.txt' overlap/,
    );
  });

  test('offsets that point outside the file are a named error, not a RangeError', () => {
    const zip = zipSync({ 'a.txt': data }, { level: 0 });
    new DataView(zip.buffer).setUint32(zip.length - 22 + 16, 0x7fffffff, true);
    expect(() => unzipEntries(zip, 'far.zip')).toThrow(
      /far\.zip is damaged: central-directory record 0 .* outside the/,
    );
  });

  test('an npz bomb is refused by the ratio limit', () => {
    const big = npy(f32Header('(4194304,)'), new Uint8Array(16 * MiB));
    const zip = zipSync({ 'x.npy': big }, { level: 9 });
    expect(zip.length).toBeLessThan(MiB / 8);
    expect(() => parseNpz(zip, 'bomb.npz')).toThrow(/bomb\.npz entry 'x\.npy' would inflate .* ratio limit/);
  });

  test("a member named '__proto__' is kept as an own key, and two members of one name are refused", () => {
    const body = new Uint8Array(new Float32Array([1, 2]).buffer);
    const arrays = parseNpz(
      zipSync({ '__proto__.npy': npy(f32Header('(2,)'), body), 'y.npy': npy(f32Header('(2,)'), body) }),
    );
    expect(Object.keys(arrays).sort()).toEqual(['__proto__', 'y']);
    expect(Object.getPrototypeOf(arrays)).toBe(Object.prototype);
    expect(Array.from(Object.getOwnPropertyDescriptor(arrays, '__proto__')?.value.values)).toEqual([1, 2]);
    const twice = zipSync({ 'x.npy': npy(f32Header('(2,)'), body), x: npy(f32Header('(2,)'), body) });
    expect(() => parseNpz(twice, 'twice.npz')).toThrow(/twice\.npz holds two arrays named 'x'/);
  });
});

describe('npy headers are validated', () => {
  const body = new Uint8Array(16);
  test.each(['(-2, -2)', '(abc,)', '(3 4)', '(2.5,)'])('shape %s is refused', (shape) => {
    expect(() => parseNpy(npy(f32Header(shape), body), 'x.npy')).toThrow(/x\.npy has shape .*non-negative integers/);
  });
  test('the byte count must match the shape exactly', () => {
    expect(parseNpy(npy(f32Header('(2, 2)'), body)).shape).toEqual([2, 2]);
    expect(parseNpy(npy(f32Header('()'), body.subarray(0, 4))).shape).toEqual([]);
    expect(() => parseNpy(npy(f32Header('(2, 2)'), new Uint8Array(20)), 'x.npy')).toThrow(
      /x\.npy holds 20 data bytes, expected 16/,
    );
    expect(() => parseNpy(npy(f32Header('(1000000000, 1000000000)'), body), 'huge.npy')).toThrow(
      /huge\.npy holds 16 data bytes/,
    );
  });
  test('a header that is not the simple format, or runs past the file, is refused', () => {
    expect(() => parseNpy(npy("{'descr': '<f4', 'shape': (2,), }"), 'x.npy')).toThrow(/header NumPy's simple format/);
    expect(() => parseNpy(npy(f32Header('(4,)')).subarray(0, 30), 'cut.npy')).toThrow(/cut\.npy is truncated/);
  });
});

describe('tar headers are validated', () => {
  const body = new TextEncoder().encode('abc');
  test('a good archive reads; a size of -1 and a damaged checksum are refused', () => {
    expect(untar(tarOf(tarEntry('a.txt', body))).get('a.txt')).toEqual(body);
    expect(() => untar(tarOf(tarEntry('a.txt', body, '-1\0')), 't.tar')).toThrow(
      /t\.tar .* size field '-1' is not octal/,
    );
    const damaged = tarOf(tarEntry('a.txt', body));
    damaged[3] ^= 1;
    expect(() => untar(damaged, 'd.tar')).toThrow(/d\.tar has a damaged header at byte 0: checksum/);
  });
});

describe('csv numbers are read as NumPy loadtxt reads them', () => {
  test.each(['0x10', '0b101', '0o7', '1_000', '1e', '--1'])('%s is not a number', (cell) => {
    expect(() => readCsv(`1,${cell}`)).toThrow(new RegExp(`line 1, column 2 is not a number: '${cell}'`));
  });
  test('decimal, exponent, inf and nan forms are', () => {
    const { data } = readCsv('1.5,.5,5.,-2e3\ninf,-Infinity,+INF,nan');
    expect(Array.from(data.dataSync())).toEqual([1.5, 0.5, 5, -2000, Infinity, -Infinity, Infinity, Number.NaN]);
  });
});

describe('pickle integers', () => {
  const pickle = (op: number, payload: number[]) =>
    new Uint8Array([
      0x80,
      2,
      op,
      ...(op === 0x8a
        ? [payload.length]
        : [payload.length & 0xff, (payload.length >> 8) & 0xff, payload.length >> 16, 0]),
      ...payload,
      0x2e,
    ]);
  test('LONG1 of up to 8 bytes decodes; a 192 KiB LONG4 is refused at once', () => {
    expect(unpickle(pickle(0x8a, [0, 0, 0, 0, 0, 1]))).toBe(2 ** 40);
    expect(unpickle(pickle(0x8a, [0xff]))).toBe(-1);
    expect(() => unpickle(pickle(0x8b, new Array(192 * 1024).fill(1)), 'big.pkl')).toThrow(
      /big\.pkl: a LONG integer of 196608 bytes is wider than any data set needs/,
    );
  });
});
