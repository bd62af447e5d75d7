"""Keras's pixels for one real image, for src/directory/directory-datasets.test.ts.

Writes the first CIFAR-10 test image as a PNG (and, with Pillow, as the BMP and GIF fixtures in
src/directory/fixtures/: the GIF quantized to 64 colors, its top-left pixel's color transparent), loads it with Keras 3's image_dataset_from_directory
loader (`_load_image_grain`: PIL decode + convert, then keras.ops.image.resize on the jax backend),
and records the results for a few settings.
Run: KERAS_BACKEND=jax PYTHONPATH=/usr/lib/python3/dist-packages python scripts/load-image-fixture.py
(Pillow from Debian's python3-pil; writes src/directory/keras-load-image.json)
"""
import json, os, tempfile
import numpy as np
from PIL import Image
from keras.src.utils import image_dataset_utils

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, '..', '..', '..', '..', 'shared', 'data', 'cifar10', 'test_batch_first1000.bin'), 'rb') as f:
    record = np.frombuffer(f.read(3073), dtype=np.uint8)
image = record[1:].reshape(3, 32, 32).transpose(1, 2, 0)

cases = [
    {'colorMode': 'rgb', 'imageSize': [7, 5], 'interpolation': 'bilinear', 'cropToAspectRatio': False},
    {'colorMode': 'rgb', 'imageSize': [7, 5], 'interpolation': 'bilinear', 'cropToAspectRatio': True},
    {'colorMode': 'grayscale', 'imageSize': [9, 9], 'interpolation': 'nearest', 'cropToAspectRatio': False},
    {'colorMode': 'rgba', 'imageSize': [40, 3], 'interpolation': 'bilinear', 'cropToAspectRatio': True},
]
channels = {'grayscale': 1, 'rgb': 3, 'rgba': 4}
fixtures = os.path.join(here, '..', 'src', 'directory', 'fixtures')
os.makedirs(fixtures, exist_ok=True)
Image.fromarray(image).save(os.path.join(fixtures, 'cifar0.bmp'))
gif = Image.fromarray(image).quantize(colors=64)
gif.save(os.path.join(fixtures, 'cifar0.gif'), transparency=gif.getpixel((0, 0)))
for file in ('cifar0.bmp', 'cifar0.gif'):
    for mode, size in (('rgb', [8, 8]), ('rgba', [8, 8]), ('grayscale', [5, 7])):
        cases.append({'file': file, 'colorMode': mode, 'imageSize': size, 'interpolation': 'nearest' if mode == 'rgba' else 'bilinear', 'cropToAspectRatio': False})


def load(path, case):
    out = image_dataset_utils._load_image_grain(
        path, tuple(case['imageSize']), channels[case['colorMode']], case['interpolation'],
        'channels_last', crop_to_aspect_ratio=case['cropToAspectRatio'])
    return [round(float(v), 4) for v in np.asarray(out).reshape(-1)]


with tempfile.TemporaryDirectory() as root:
    path = os.path.join(root, 'x.png')
    Image.fromarray(image).save(path)
    for case in cases:
        case['pixels'] = load(os.path.join(fixtures, case['file']) if 'file' in case else path, case)
with open(os.path.join(here, '..', 'src', 'directory', 'keras-load-image.json'), 'w') as f:
    json.dump(cases, f)
    f.write('\n')
