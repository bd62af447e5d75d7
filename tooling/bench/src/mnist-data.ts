import { closeSync, existsSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mnist } from '@horn/datasets';
import { slice, type Tensor } from '@horn/tensor';
import { REPO_ROOT } from './paths.js';

/** The first samples of MNIST as float32 pixels in [0, 1] (`[n, 784]`) and one-hot labels (`[n, 10]`). */
export interface MnistSubset {
  nTrain: number;
  trainX: Float32Array;
  trainY: Float32Array;
  nTest: number;
  testX: Float32Array;
}

/**
 * Where MNIST is: `HORN_MNIST_PATH`, else the workspace's `../shared/data/mnist`.
 * @example mnistPath() // '/work/shared/data/mnist'
 */
export function mnistPath(): string {
  return process.env.HORN_MNIST_PATH ?? join(REPO_ROOT, '..', 'shared', 'data', 'mnist');
}

function pixels(images: Tensor, n: number): Float32Array {
  const values = slice(images, 0, n).dataSync();
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] / 255;
  return out;
}

function oneHot(labels: Tensor, n: number): Float32Array {
  const values = slice(labels, 0, n).dataSync();
  const out = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) out[i * 10 + values[i]] = 1;
  return out;
}

/**
 * Loads real MNIST with @horn/datasets and keeps the first `nTrain` training and `nTest` test samples.
 * @example const data = await loadMnistSubset(6400, 1024);
 */
export async function loadMnistSubset(nTrain: number, nTest: number, path = mnistPath()): Promise<MnistSubset> {
  if (!existsSync(path))
    throw new Error(`MNIST not found at ${path}: set HORN_MNIST_PATH to a folder with the IDX files`);
  const [[xTrain, yTrain], [xTest]] = await mnist.loadData({ path });
  return { nTrain, trainX: pixels(xTrain, nTrain), trainY: oneHot(yTrain, nTrain), nTest, testX: pixels(xTest, nTest) };
}

/**
 * Writes the training part of a subset (pixels, then labels, raw float32) for a child process.
 * @example writeTrainingFile('/tmp/mnist.f32', data)
 */
export function writeTrainingFile(file: string, data: MnistSubset): void {
  writeFileSync(file, Buffer.concat([bytes(data.trainX), bytes(data.trainY)]));
}

function bytes(a: Float32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * Reads what `writeTrainingFile` wrote (no test samples), straight into float32 arrays.
 * @example const data = readTrainingFile('/tmp/mnist.f32', 6400);
 */
export function readTrainingFile(file: string, nTrain: number): MnistSubset {
  const trainX = new Float32Array(nTrain * 784);
  const trainY = new Float32Array(nTrain * 10);
  const fd = openSync(file, 'r');
  try {
    let position = 0;
    for (const a of [trainX, trainY]) {
      const view = new Uint8Array(a.buffer);
      for (let done = 0; done < view.length; ) {
        const read = readSync(fd, view, done, view.length - done, position);
        if (read === 0) throw new Error(`${file}: ends early`);
        done += read;
        position += read;
      }
    }
  } finally {
    closeSync(fd);
  }
  return { nTrain, trainX, trainY, nTest: 0, testX: new Float32Array(0) };
}
