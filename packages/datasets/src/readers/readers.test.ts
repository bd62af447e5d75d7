import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ShapeError, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  objectArrayToSequences,
  parseIdx,
  parseNpy,
  parseNpz,
  readCifarBatch,
  readCsv,
  readIdx,
  readNpy,
  readNpz,
  untar,
} from '../index.js';

const shared = (path: string) => readFileSync(new URL(`../../../../../shared/data/${path}`, import.meta.url));
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));

describe('readIdx', () => {
  test('reads the real MNIST test labels, gzip and raw alike', () => {
    const gz = shared('mnist/t10k-labels-idx1-ubyte.gz');
    const labels = readIdx(gz);
    expect(labels.shape).toEqual([10000]);
    expect(labels.dtype).toBe('int32');
    expect(Array.from(labels.dataSync().slice(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    expect(Array.from(readIdx(gunzipSync(gz)).dataSync())).toEqual(Array.from(labels.dataSync()));
  });

  test('parses a big-endian int32 IDX file', () => {
    // magic 0x00000C02 (int32, rank 2), dims 2 x 2, values big-endian
    const bytes = new Uint8Array([
      0, 0, 0x0c, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1, 0xff, 0xff, 0xff, 0xfe, 0, 1, 0, 0, 0, 0, 0, 3,
    ]);
    const t = readIdx(bytes);
    expect(t.shape).toEqual([2, 2]);
    expect(Array.from(t.dataSync())).toEqual([1, -2, 65536, 3]);
  });

  test('rejects a wrong magic and a truncated body', () => {
    expect(() => readIdx(new Uint8Array([1, 2, 3, 4]))).toThrow(ValueError);
    expect(() => readIdx(new Uint8Array([1, 2, 3, 4]))).toThrow(/readIdx: .*not an IDX file/);
    const truncated = gunzipSync(shared('mnist/t10k-labels-idx1-ubyte.gz')).subarray(0, 100);
    expect(() => parseIdx(truncated)).toThrow(/holds 100 bytes, expected 10008/);
  });
});

describe('readNpy / readNpz', () => {
  const expectArrays = (arrays: ReturnType<typeof readNpz>) => {
    expect(arrays.f8.dtype).toBe('float32');
    expect(arrays.f8.arraySync()).toEqual([
      [0.5, -1.25, 3],
      [4, 5.5, -6],
    ]);
    expect(Array.from(arrays.i8.dataSync())).toEqual([-3, 0, 7, 2147483647]);
    expect(arrays.b1.dtype).toBe('bool');
    expect(Array.from(arrays.b1.dataSync())).toEqual([1, 0, 1]);
    expect(arrays.be_i4.arraySync()).toEqual([
      [1, -2],
      [300000, 4],
    ]);
    expect(arrays.fortran_f4.arraySync()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(Array.from(arrays.u2.dataSync())).toEqual([65535, 1]);
    expect(arrays.scalar.shape).toEqual([]);
    expect(arrays.scalar.dataSync()[0]).toBe(42);
  };

  test('reads every dtype from a stored (np.savez) archive', () => expectArrays(readNpz(fixture('arrays-stored.npz'))));
  test('reads every dtype from a deflated (np.savez_compressed) archive', () =>
    expectArrays(readNpz(fixture('arrays-deflate.npz'))));

  test('reorders a Fortran-order .npy', () => {
    expect(readNpy(fixture('fortran.npy')).arraySync()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  test('refuses int64 values outside int32 and files that are not .npy', () => {
    expect(() => readNpy(fixture('too-big.npy'))).toThrow(/1099511627776 .*outside the int32 range/);
    expect(() => readNpy(new Uint8Array(20))).toThrow(ValueError);
  });

  test('reads the real Fashion-MNIST subset, whose labels match the official IDX file', () => {
    const { arr_0: x } = readNpz(shared('fashion-mnist/subset-2000/x_test.npz'));
    expect(x.shape).toEqual([2000, 28, 28]);
    const pixels = x.dataSync();
    let first = 0;
    for (let i = 0; i < 784; i++) first += pixels[i];
    expect(first).toBe(33456);
    const y = readNpz(shared('fashion-mnist/subset-2000/y_test.npz')).arr_0.dataSync();
    const official = readIdx(shared('fashion-mnist/t10k-labels-idx1-ubyte.gz')).dataSync();
    expect(Array.from(y)).toEqual(Array.from(official.slice(0, 2000)));
    expect(Array.from(y.slice(0, 10))).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
  });

  test('object arrays (pickled lists) read as sequences, protocol 4 and protocol 2', () => {
    expect(objectArrayToSequences(parseNpz(fixture('imdb.npz')).x_test.pickle!)).toEqual([
      [3, 3, 1],
      [9, 10],
      [5],
      [1, 2, 3, 4],
      [6, 7],
    ]);
    expect(objectArrayToSequences(parseNpy(fixture('object-protocol2.npy')).pickle!)).toEqual([
      [1, 300, 70000],
      [],
      [5],
    ]);
    expect(() => readNpy(fixture('object-protocol2.npy'))).toThrow(/object array/);
  });
});

describe('readCifarBatch', () => {
  test('reads the first 1,000 real CIFAR-10 test records, transposed to HWC', () => {
    const bytes = shared('cifar10/test_batch_first1000.bin');
    const { images, labels } = readCifarBatch(bytes);
    expect(images.shape).toEqual([1000, 32, 32, 3]);
    expect(Array.from(labels.dataSync().slice(0, 10))).toEqual([3, 8, 8, 0, 6, 6, 1, 6, 3, 1]);
    const px = images.dataSync();
    // Pixel (0, 0) of image 0 is bytes 1, 1 + 1024, 1 + 2048 of the record (R, G, B planes).
    expect([px[0], px[1], px[2]]).toEqual([bytes[1], bytes[1025], bytes[2049]]);
    expect([px[0], px[1], px[2]]).toEqual([158, 112, 49]);
    expect(Array.from(px.slice(3069, 3072))).toEqual([21, 67, 110]);
  });

  test('rejects a size that is not whole records', () => {
    expect(() => readCifarBatch(new Uint8Array(3074))).toThrow(/not a whole number of 3073-byte records/);
  });
});

describe('readCsv', () => {
  test('reads numbers with a header, CRLF and blank lines', () => {
    const { columns, data } = readCsv('"a",b\r\n1,2.5\r\n\r\n-3,4e2\r\n', { header: true });
    expect(columns).toEqual(['a', 'b']);
    expect(data.shape).toEqual([2, 2]);
    expect(data.arraySync()).toEqual([
      [1, 2.5],
      [-3, 400],
    ]);
  });

  test('reads gzip bytes, whitespace delimiters, skipped rows and empty cells as NaN', () => {
    const { data } = readCsv(shared('sklearn/diabetes_data_raw.csv.gz'), { delimiter: /\s+/ });
    expect(data.shape).toEqual([442, 10]);
    expect(Array.from(data.dataSync().slice(0, 3))).toEqual([59, 2, expect.closeTo(32.1, 5)]);
    const t = readCsv('# title\n1,,3', { skipRows: 1 }).data.dataSync();
    expect(Number.isNaN(t[1])).toBe(true);
  });

  test('ragged rows and text cells are clear errors', () => {
    expect(() => readCsv('1,2\n3')).toThrow(ShapeError);
    expect(() => readCsv('1,2\n3')).toThrow(/line 2 has 1 fields, expected 2/);
    expect(() => readCsv('1,x')).toThrow(/line 1, column 2 is not a number: 'x'/);
  });
});

test('untar lists the files of a tar.gz', () => {
  const files = untar(fixture('cifar-10-binary.tar.gz'));
  expect([...files.keys()]).toContain('cifar-10-batches-bin/test_batch.bin');
  expect(files.get('cifar-10-batches-bin/data_batch_1.bin')?.length).toBe(2 * 3073);
  expect(new TextDecoder().decode(files.get('cifar-10-batches-bin/batches.meta.txt'))).toBe('airplane\nautomobile\n');
});
