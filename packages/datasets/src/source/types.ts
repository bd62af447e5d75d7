/**
 * Progress of one download, reported for files over 1 MiB.
 * @example
 * await mnist.loadData({
 *   onProgress: ({ file, loaded, total }: DownloadProgress) => console.log(file, loaded, total ?? '?'),
 * });
 */
export interface DownloadProgress {
  /** The file being downloaded, e.g. `train-images-idx3-ubyte.gz`. */
  file: string;
  /** Bytes received so far. */
  loaded: number;
  /** Bytes announced by the server (Content-Length), or `null` when it did not say. */
  total: number | null;
}

/**
 * Where a data set's files come from; every loader of a downloadable set takes these.
 * @example
 * await mnist.loadData({ path: '../shared/data/mnist' }); // a local folder: no cache, no download
 * await mnist.loadData({ cacheDir: '/tmp/horn-cache', baseUrl: 'https://mirror.example.org/datasets', onProgress: false });
 */
export interface SourceOptions {
  /**
   * A folder holding the data set's files under their canonical names (in a browser: a URL
   * prefix). Used as is: no cache, no download, no checksum. Also settable per data set with
   * `HORN_<NAME>_PATH` (e.g. `HORN_MNIST_PATH`) or for all with `HORN_DATA_PATH` (a folder with one
   * sub-folder per data set: `mnist/`, `fashion-mnist/`, `cifar10/`, `imdb/`, `boston-housing/`).
   */
  path?: string | URL;
  /** The cache folder. Default `$HORN_HOME/datasets`, `HORN_HOME` defaulting to `~/.horn`. Node only. */
  cacheDir?: string;
  /**
   * A URL folder to download this data set's files from, instead of the canonical one: files are
   * fetched as `${baseUrl}/${fileName}`. `HORN_DATASETS_URL` sets a mirror for all sets, laid out
   * like the cache: `${HORN_DATASETS_URL}/${dataSetName}/${fileName}`.
   */
  baseUrl?: string;
  /**
   * Called as a download over 1 MiB progresses. Default: a progress bar on stderr when it is a
   * TTY (Node), nothing otherwise. `false` turns the default bar off.
   */
  onProgress?: ((progress: DownloadProgress) => void) | false;
  /**
   * How long a download may wait for the server — for its response, then for each next chunk of
   * the body — before it is abandoned (a DownloadError; the part file is removed). Default 30,000 ms.
   */
  timeoutMs?: number;
}

/**
 * A file a data set publishes: its canonical URL and the sha256 of its bytes.
 * @example
 * const file: RemoteFile = MNIST_SOURCE.remote[0];
 * file.name; // 'train-images-idx3-ubyte.gz'
 * file.size; // 9912422
 */
export interface RemoteFile {
  /** The canonical file name, the one used in the cache and in a `path` folder. */
  name: string;
  /** Where the data set's authors (or Keras) publish it. */
  url: string;
  /**
   * Lower-case hex sha256 of the published bytes; `null` while no copy of the file could be
   * checked to pin one. Such a file is never downloaded nor read from the cache: it is read only
   * from a `path` folder (or `HORN_<NAME>_PATH`, `HORN_DATA_PATH`), and asking for it otherwise
   * throws, naming the file and what to do.
   */
  sha256: string | null;
  /**
   * Size in bytes of the published file: a download is refused when the server announces more,
   * stopped when it sends more, and a cached file of another size is fetched again.
   */
  size: number;
}

/**
 * A remote file whose sha256 is pinned: the only kind that is cached and downloaded.
 * @example
 * const file: PinnedFile = MNIST_SOURCE.remote[0] as PinnedFile;
 * file.sha256; // '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609'
 */
export type PinnedFile = RemoteFile & { sha256: string };

/**
 * What the source layer needs to know about a downloadable data set.
 * @example
 * const source: DatasetSource = {
 *   id: 'my-set',
 *   envName: 'MY_SET',
 *   remote: [{ name: 'data.csv', url: 'https://example.org/data.csv', sha256: null, size: 1024 }],
 *   local: [['data.csv']],
 * };
 * const files = await datasetFiles(source, { path: 'data/my-set' }); // Map { 'data.csv' => Uint8Array }
 */
export interface DatasetSource {
  /** Folder name in the cache and in `HORN_DATA_PATH`, e.g. `'fashion-mnist'`. */
  id: string;
  /** Name for messages and the env var (`HORN_${envName}_PATH`), e.g. `'FASHION_MNIST'`. */
  envName: string;
  /** The files to download, with their checksums. */
  remote: readonly RemoteFile[];
  /** File sets accepted in a `path` folder, tried in order; the first complete one wins. */
  local: readonly (readonly string[])[];
}
