"""Keras's file order for the directory-dataset tests (src/directory/directory-datasets.test.ts).

Builds the same folder layouts the tests build (empty files: only names matter to the order) and
records what Keras 3's index_directory and get_training_or_validation_split return.
Run: KERAS_BACKEND=jax python scripts/directory-order-fixture.py (writes src/directory/keras-directory-order.json)
"""
import gzip, json, os, tempfile
import numpy as np
from keras.src.utils import dataset_utils

here = os.path.dirname(os.path.abspath(__file__))
labels_path = os.path.join(here, '..', '..', '..', '..', 'shared', 'data', 'mnist', 't10k-labels-idx1-ubyte.gz')
with gzip.open(labels_path) as f:
    mnist_labels = np.frombuffer(f.read()[8:], dtype=np.uint8)[:24]


def image_layout(root):
    # digit_<label>/img_<i>.png, every fifth image one folder deeper (digit_<label>/more/).
    for i, label in enumerate(mnist_labels):
        folder = os.path.join(root, f'digit_{label}', 'more' if i % 5 == 0 else '')
        os.makedirs(folder, exist_ok=True)
        open(os.path.join(folder, f'img_{i:02d}.png'), 'w').close()


def text_layout(root):
    # The first 40 IMDB sentences: pos/ or neg/ by their label, s_<i>.txt.
    with open(os.path.join(here, '..', '..', '..', '..', 'shared', 'data', 'sentiment-sentences', 'imdb_labelled.txt')) as f:
        lines = f.read().splitlines()[:40]
    for i, line in enumerate(lines):
        label = line.rsplit('\t', 1)[1]
        folder = os.path.join(root, 'pos' if label == '1' else 'neg')
        os.makedirs(folder, exist_ok=True)
        open(os.path.join(folder, f's_{i:02d}.txt'), 'w').close()


def record(layout, formats, seed, split):
    with tempfile.TemporaryDirectory() as root:
        layout(root)
        out = {}
        for shuffle in (False, True):
            paths, labels, classes = dataset_utils.index_directory(
                root, 'inferred', formats=formats, shuffle=shuffle, seed=seed, verbose=False)
            rel = [os.path.relpath(p, root) for p in paths]
            key = 'shuffled' if shuffle else 'sorted'
            out[key] = {'paths': rel, 'labels': [int(l) for l in labels]}
            if shuffle:
                for subset in ('training', 'validation'):
                    p, l = dataset_utils.get_training_or_validation_split(rel, list(labels), split, subset)
                    out[subset] = {'paths': p, 'labels': [int(x) for x in l]}
        out['classNames'] = classes
        out['seed'] = seed
        out['validationSplit'] = split
        return out


fixture = {
    'images': record(image_layout, ('.png',), 1337, 0.25),
    'texts': record(text_layout, ('.txt',), 42, 0.2),
}
with open(os.path.join(here, '..', 'src', 'directory', 'keras-directory-order.json'), 'w') as f:
    json.dump(fixture, f, indent=1)
    f.write('\n')
