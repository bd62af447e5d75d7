import { NotImplementedError } from '@horn/tensor';

/** Formats Horn cannot read or write yet, by file extension (lower case), with how to get around them. */
const UNSUPPORTED: readonly { ext: string; format: string; convert: (path: string) => string }[] = [
  {
    ext: '.keras',
    format: 'the Keras 3 zip format',
    convert: (path) =>
      `in Python, tensorflowjs.converters.save_keras_model(keras.models.load_model('${path}'), 'out_dir') writes it as a TF.js Layers directory that loadModel('out_dir') reads`,
  },
  {
    ext: '.h5',
    format: 'the Keras HDF5 format',
    convert: (path) =>
      `convert it with \`tensorflowjs_converter --input_format=keras ${path} out_dir\` and load 'out_dir'`,
  },
  {
    ext: '.hdf5',
    format: 'the Keras HDF5 format',
    convert: (path) =>
      `convert it with \`tensorflowjs_converter --input_format=keras ${path} out_dir\` and load 'out_dir'`,
  },
];

/**
 * Refuses a path that names a Keras `.keras` archive or an `.h5` / `.hdf5` file, which Horn cannot
 * write or read yet, with a NotImplementedError saying what to use instead (a directory in the
 * TF.js Layers format). Nothing is created for such a path: never a directory named `*.keras`.
 * `what` picks the advice: a model save or a weights-only save.
 * @example refuseKerasArchive('m.keras', 'saveModel', 'save') // throws NotImplementedError
 */
export function refuseKerasArchive(
  path: string,
  caller: string,
  purpose: 'save' | 'load',
  what: 'model' | 'weights' = 'model',
): void {
  const url = /^https?:\/\//i.test(path);
  const trimmed = (url ? path.replace(/[?#].*$/, '') : path).replace(/[\\/]+$/, '');
  const lower = trimmed.toLowerCase();
  const match = UNSUPPORTED.find((u) => lower.endsWith(u.ext));
  if (!match) return;
  const base = trimmed.slice(0, trimmed.length - match.ext.length).replace(/\.weights$/i, '') || 'model';
  const advice =
    purpose === 'save'
      ? what === 'weights'
        ? `save to a directory path such as '${base}' instead: it gets weights.json and weight shards, which loadWeights reads`
        : `save to a directory path such as '${base}' instead: it gets model.json and weight shards in the TF.js Layers format, which Horn's loadModel and TF.js' tf.loadLayersModel read`
      : match.convert(trimmed);
  throw new NotImplementedError(
    `${caller}: '${path}' ends in '${match.ext}', ${match.format}, which Horn cannot ${purpose === 'save' ? 'write' : 'read'} yet; ${advice}`,
  );
}
