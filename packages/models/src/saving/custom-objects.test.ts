import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Variable } from '@horn/autograd';
import { Dense, Input, Layer, type LayerConfig } from '@horn/layers';
import { add, matmul, randomUniform, setSeed, type Tensor } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadModel, Model, ModelFileError, modelFromJSON, Sequential } from '../index.js';

interface CustomDenseConfig extends LayerConfig {
  units: number;
}

class CustomDense extends Layer<CustomDenseConfig> {
  static override readonly className: string = 'CustomDense';
  static override readonly configKeys: readonly string[] = ['units'];
  kernel!: Variable;
  bias!: Variable;
  override build(inputShape: (number | null)[]): void {
    this.kernel = this.addWeight('kernel', [inputShape.at(-1) as number, this.config.units]);
    this.bias = this.addWeight('bias', [this.config.units], { initializer: 'randomUniform' });
  }
  override call(x: Tensor): Tensor {
    return add(matmul(x, this.kernel), this.bias);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.config.units };
  }
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-custom-'));
  setSeed(5);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function customModel(): Model {
  const x = Input({ shape: [4] });
  const h = new CustomDense({ units: 3, name: 'custom' }).apply(x);
  return new Model({ inputs: x, outputs: new Dense({ units: 2, name: 'head' }).apply(h) });
}

function values(t: unknown): number[] {
  return Array.from((t as Tensor).dataSync());
}

describe('loading models with custom layers given as customObjects', () => {
  test('loadModel round-trips the config and the weights', async () => {
    const model = customModel();
    const data = randomUniform([3, 4], { seed: 9 });
    const expected = values(model.predict(data, { verbose: 0 }));
    await model.save(root);
    await expect(loadModel(root)).rejects.toThrow(ModelFileError);
    const again = await loadModel(root, { customObjects: { CustomDense } });
    const layer = again.getLayer('custom');
    expect(layer).toBeInstanceOf(CustomDense);
    expect(layer.getConfig()).toEqual(model.getLayer('custom').getConfig());
    expect(values(again.predict(data, { verbose: 0 }))).toEqual(expected);
  });

  test('modelFromJSON and Model/Sequential.fromConfig take customObjects', () => {
    const model = customModel();
    const fromJson = modelFromJSON(model.toJSON(), { CustomDense });
    expect(fromJson.getLayer('custom')).toBeInstanceOf(CustomDense);
    expect(fromJson.layers.at(-1)?.weights.map((w) => w.shape)).toEqual([[3, 2], [2]]);
    const fromConfig = Model.fromConfig(model.getConfig(), { CustomDense });
    expect((fromConfig.getLayer('custom').getConfig() as { units: number }).units).toBe(3);
    const seq = new Sequential([Input({ shape: [4] }), new CustomDense({ units: 2 })]);
    const seqAgain = Sequential.fromConfig(seq.getConfig(), { CustomDense });
    expect(seqAgain.layers[0]).toBeInstanceOf(CustomDense);
    expect(seqAgain.outputs[0].shape).toEqual([null, 2]);
  });
});
