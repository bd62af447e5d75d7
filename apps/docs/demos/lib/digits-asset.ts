/**
 * The MNIST digits the live demos train and test on, shipped with the site as
 * `public/demos/mnist-digits.bin.gz` (made by `scripts/make-demo-digits.mjs` from ../shared/data/mnist).
 */

/** A set of 28×28 grey digits: `images` holds `count × 784` bytes (0 = black, 255 = white ink), row-major. */
export interface DigitSet {
  count: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** The demos' training and test digits. */
export interface DemoDigits {
  train: DigitSet;
  test: DigitSet;
}

const MAGIC = 'HDG1';
const PIXELS = 28 * 28;

/**
 * Reads the (already gunzipped) asset: `'HDG1'`, two little-endian uint32 counts, the train and test
 * labels, then the train and test images. Throws, naming what it expected, on anything else.
 * @example
 * const { train, test } = parseDigits(bytes);
 * train.images.subarray(0, 784); // the first training digit
 */
export function parseDigits(bytes: Uint8Array): DemoDigits {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < 12 || magic !== MAGIC) {
    throw new Error(
      `digits asset: expected the '${MAGIC}' header, got ${JSON.stringify(magic)} (${bytes.length} bytes)`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const trainCount = view.getUint32(4, true);
  const testCount = view.getUint32(8, true);
  const expected = 12 + (trainCount + testCount) * (1 + PIXELS);
  if (bytes.length !== expected) {
    throw new Error(
      `digits asset: ${trainCount} train and ${testCount} test digits need ${expected} bytes, got ${bytes.length}`,
    );
  }
  let at = 12;
  const take = (n: number) => bytes.subarray(at, (at += n));
  const trainLabels = take(trainCount);
  const testLabels = take(testCount);
  return {
    train: { count: trainCount, labels: trainLabels, images: take(trainCount * PIXELS) },
    test: { count: testCount, labels: testLabels, images: take(testCount * PIXELS) },
  };
}

/**
 * Fetches and gunzips the asset in a browser (`DecompressionStream`), then {@link parseDigits}.
 * @example const digits = await loadDigits(withBase('/demos/mnist-digits.bin.gz'));
 */
export async function loadDigits(url: string, fetchFn: typeof fetch = fetch): Promise<DemoDigits> {
  const response = await fetchFn(url);
  if (!response.ok || !response.body) {
    throw new Error(`digits asset: GET ${url} answered ${response.status} ${response.statusText}`);
  }
  const plain = response.body.pipeThrough(new DecompressionStream('gzip'));
  return parseDigits(new Uint8Array(await new Response(plain).arrayBuffer()));
}
