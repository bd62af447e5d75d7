import { tensor } from '@horn/tensor';
import type { LayerConfig } from '../engine/layer.js';
import { IntegerLookup } from '../preprocessing/lookup/integer-lookup.js';
import { StringLookup } from '../preprocessing/lookup/string-lookup.js';
import { TextVectorization } from '../preprocessing/text/text-vectorization.js';
import type { LayerTestOptions, TestableLayerClass } from './run-layer-test.js';

/** A case of {@link lookupLayerCases} (the shape of layer-cases.ts's LayerCase). */
interface LookupCase {
  cls: TestableLayerClass;
  label: string;
  options: () => LayerTestOptions<LayerConfig>;
}

const c = (
  cls: TestableLayerClass,
  label: string,
  options: () => LayerTestOptions<LayerConfig & Record<string, unknown>>,
): LookupCase => ({
  cls,
  label: `${cls.className}${label ? ` ${label}` : ''}`,
  options,
});

/**
 * The harness cases of the vocabulary layers (string and integer inputs, given vocabularies),
 * which layerCases() lists with the others.
 * @example lookupLayerCases().map((k) => k.label) // ['StringLookup', ...]
 */
export function lookupLayerCases(): LookupCase[] {
  return [
    c(StringLookup, '', () => ({
      config: { vocabulary: ['a', 'b', 'c', 'd'] },
      inputShape: [2, 3],
      inputData: tensor([
        ['a', 'c', 'd'],
        ['d', 'z', 'b'],
      ]),
      expectedOutputShape: [2, 3],
      expectedOutput: [
        [1, 3, 4],
        [4, 0, 2],
      ],
    })),
    c(StringLookup, 'count', () => ({
      config: { vocabulary: ['a', 'b'], outputMode: 'count', maskToken: '' },
      inputShape: [2, 3],
      inputData: tensor([
        ['a', '', 'a'],
        ['q', 'b', 'b'],
      ]),
      expectedOutputShape: [2, 3],
      expectedOutput: [
        [0, 2, 0],
        [1, 0, 2],
      ],
    })),
    c(IntegerLookup, '', () => ({
      config: { vocabulary: [12, 36, 1138, 42], numOovIndices: 2 },
      inputShape: [2, 3],
      inputData: tensor(
        [
          [12, 1138, 42],
          [37, 1000, 36],
        ],
        undefined,
        'int32',
      ),
      expectedOutputShape: [2, 3],
      expectedOutput: [
        [2, 4, 5],
        [1, 0, 3],
      ],
    })),
    c(TextVectorization, '', () => ({
      config: { vocabulary: ['earth', 'wind', 'and', 'fire'], outputSequenceLength: 4 },
      inputShape: [2, 1],
      inputData: tensor([['Earth, wind and also fire!'], ['FIRE']]),
      expectedOutputShape: [2, 4],
      expectedOutput: [
        [2, 3, 4, 1],
        [5, 0, 0, 0],
      ],
    })),
    c(TextVectorization, 'tf_idf', () => ({
      config: { vocabulary: ['earth', 'wind'], outputMode: 'tf_idf', idfWeights: [0.5, 2] },
      inputShape: [2],
      inputData: tensor(['wind wind earth fire', '']),
      // the OOV slot's weight is the mean weight, 1.25
      expectedOutputShape: [2, 3],
      expectedOutput: [
        [1.25, 0.5, 4],
        [0, 0, 0],
      ],
    })),
  ];
}
