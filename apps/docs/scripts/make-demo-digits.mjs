// Writes public/demos/mnist-digits.bin.gz, the digits the live demos train and test on: the first
// TRAIN digits of MNIST's training set and the first TEST of its test set, read from the IDX files in
// ../shared/data/mnist (see its README for provenance). Run: node scripts/make-demo-digits.mjs
//
// Format (little-endian), gzip-compressed — demos/lib/digits-asset.ts reads it:
//   'HDG1' | uint32 trainCount | uint32 testCount | trainLabels (uint8) | testLabels (uint8)
//   | trainImages (uint8, 28×28 each, row-major) | testImages
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

const TRAIN = 4000;
const TEST = 1000;
const source = new URL('../../../../shared/data/mnist/', import.meta.url);
const target = new URL('../public/demos/mnist-digits.bin.gz', import.meta.url);

/** The first `count` records of an IDX file (magic 2049 labels / 2051 images). */
function idx(name, magic, count) {
  const bytes = gunzipSync(readFileSync(new URL(name, source)));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== magic) throw new Error(`${name}: IDX magic ${view.getUint32(0)}, expected ${magic}`);
  const header = magic === 2051 ? 16 : 8;
  const size = magic === 2051 ? view.getUint32(8) * view.getUint32(12) : 1;
  if (size !== 1 && size !== 784) throw new Error(`${name}: images of ${size} pixels, expected 28×28`);
  return bytes.subarray(header, header + count * size);
}

const parts = [
  idx('train-labels-idx1-ubyte.gz', 2049, TRAIN),
  idx('t10k-labels-idx1-ubyte.gz', 2049, TEST),
  idx('train-images-idx3-ubyte.gz', 2051, TRAIN),
  idx('t10k-images-idx3-ubyte.gz', 2051, TEST),
];
const head = Buffer.alloc(12);
head.write('HDG1', 0, 'ascii');
head.writeUInt32LE(TRAIN, 4);
head.writeUInt32LE(TEST, 8);
const out = gzipSync(Buffer.concat([head, ...parts]), { level: 9 });
writeFileSync(target, out);
console.log(`wrote ${target.pathname}: ${TRAIN} train + ${TEST} test digits, ${out.length} bytes`);
