import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Input } from '@horn/layers';
import { NotImplementedError } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fileSystemHandler, loadModel, loadWeights, Sequential, saveModel, saveWeights } from '../index.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-keras-path-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const model = () => new Sequential([Input({ shape: [2] }), new Dense({ units: 1 })]);

describe('.keras and .h5 paths', () => {
  test('model.save / saveModel refuse them by name and create nothing', async () => {
    const m = model();
    const keras = join(root, 'm.keras');
    await expect(m.save(keras)).rejects.toThrow(NotImplementedError);
    await expect(m.save(keras)).rejects.toThrow(
      `saveModel: '${keras}' ends in '.keras', the Keras 3 zip format, which Horn cannot write yet; save to a directory path such as '${join(root, 'm')}' instead`,
    );
    await expect(saveModel(m, `file://${join(root, 'M.KERAS')}`)).rejects.toThrow(/ends in '\.keras'/);
    await expect(saveModel(m, `${keras}/`)).rejects.toThrow(/ends in '\.keras'/);
    await expect(saveModel(m, join(root, 'm.h5'))).rejects.toThrow(/'.*m\.h5' ends in '\.h5', the Keras HDF5 format/);
    await expect(saveModel(m, join(root, 'm.hdf5'))).rejects.toThrow(/ends in '\.hdf5'/);
    await expect(fileSystemHandler(keras).save!({ modelTopology: {} })).rejects.toThrow(/ends in '\.keras'/);
    await expect(saveWeights(m, join(root, 'w.weights.h5'))).rejects.toThrow(
      /saveWeights: '.*w\.weights\.h5' ends in '\.h5'.*such as '.*w' instead: it gets weights\.json/,
    );
    expect(await readdir(root)).toEqual([]);
  });

  test('loadModel / loadWeights refuse them with the conversion to use', async () => {
    const keras = join(root, 'm.keras');
    await expect(loadModel(keras)).rejects.toThrow(NotImplementedError);
    await expect(loadModel(keras)).rejects.toThrow(
      `loadModel: '${keras}' ends in '.keras', the Keras 3 zip format, which Horn cannot read yet; in Python, tensorflowjs.converters.save_keras_model(keras.models.load_model('${keras}'), 'out_dir')`,
    );
    await expect(loadModel('https://example.com/models/m.h5?v=2')).rejects.toThrow(
      /loadModel: 'https:\/\/example\.com\/models\/m\.h5\?v=2' ends in '\.h5'.*tensorflowjs_converter --input_format=keras https:\/\/example\.com\/models\/m\.h5 out_dir/,
    );
    await expect(loadWeights(model(), join(root, 'w.weights.h5'))).rejects.toThrow(/loadWeights: .*ends in '\.h5'/);
    // A directory that merely has '.keras' inside its name is not refused.
    await saveModel(model(), join(root, 'my.keras-models', 'm'));
    expect((await loadModel(join(root, 'my.keras-models', 'm'))).layers.length).toBe(1);
  });
});
