import { describe, expect, test } from 'vitest';
import {
  CenterCrop,
  Conv2D,
  deserializeLayer,
  getRegisteredClass,
  type Layer,
  MaxPooling2D,
  Normalization,
  RandomFlip,
  RandomRotation,
  RandomTranslation,
  RandomZoom,
  Rescaling,
  Resizing,
  SeparableConv2D,
  serializeLayer,
} from '../index.js';
import { convLayerAliases, convLayerClasses } from './registry-list.js';

// The required options of each class (the others take none).
const required: Record<string, Record<string, unknown>> = {
  Conv1D: { filters: 2, kernelSize: 3 },
  Conv2D: { filters: 2, kernelSize: 3 },
  SeparableConv2D: { filters: 2, kernelSize: 3 },
  Conv2DTranspose: { filters: 2, kernelSize: 3 },
  DepthwiseConv2D: { kernelSize: 3 },
  Rescaling: { scale: 0.5 },
  CenterCrop: { height: 2, width: 2 },
  Resizing: { height: 2, width: 2 },
  RandomRotation: { factor: 0.1 },
  RandomZoom: { heightFactor: 0.1 },
  RandomTranslation: { heightFactor: 0.1, widthFactor: 0.2 },
};

describe('L2 registry list', () => {
  test('lists every conv, pooling, reshaping and preprocessing layer once', () => {
    const names = convLayerClasses.map((c) => c.className);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(24);
    for (const cls of [Conv2D, SeparableConv2D, MaxPooling2D, Normalization, Rescaling, CenterCrop, Resizing]) {
      expect(names).toContain(cls.className);
    }
    for (const cls of [RandomFlip, RandomRotation, RandomZoom, RandomTranslation])
      expect(names).toContain(cls.className);
  });

  test('every class and alias resolves and round-trips through serializeLayer / deserializeLayer', () => {
    for (const cls of convLayerClasses) {
      expect(getRegisteredClass(cls.className)).toBe(cls);
      const layer = cls.fromConfig({ ...(required[cls.className] ?? {}) }) as Layer;
      const serialized = JSON.parse(JSON.stringify(serializeLayer(layer)));
      const again = deserializeLayer(serialized);
      expect(again.className).toBe(cls.className);
      expect(again.getConfig()).toEqual(layer.getConfig());
    }
    for (const [alias, cls] of Object.entries(convLayerAliases)) expect(getRegisteredClass(alias)).toBe(cls);
  });
});
